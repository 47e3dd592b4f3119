package io.lifeboat.cli.ops.domain;

import java.util.List;
import java.util.Locale;

/**
 * Which events the {@code watch} verb shows: of one target, and of some types, each named by its CloudEvents type
 * ({@code io.lifeboat.dr.failover-completed.v1}) or the simple name of its payload ({@code FailoverCompleted}).
 *
 * @param targetId the target, or null for every target
 * @param types the types, empty for every type
 */
public record EventFilter(String targetId, List<String> types) {

    /** Copies the types; null means none. */
    public EventFilter {
        types = types == null ? List.of() : List.copyOf(types);
    }

    /** Whether an event of this CloudEvents type, payload simple name and target is shown. */
    public boolean matches(String type, String simpleName, String target) {
        return matchesTarget(target) && (types.isEmpty() || types.stream()
                .anyMatch(t -> t.equalsIgnoreCase(type) || t.equalsIgnoreCase(simpleName)
                        || unversioned(type).equalsIgnoreCase(t)));
    }

    /** Whether a record with this key (the target id on every target-keyed topic) is of the watched target. */
    public boolean matchesTarget(String target) {
        return targetId == null || targetId.equals(target);
    }

    private static String unversioned(String type) {
        return type.toLowerCase(Locale.ROOT).replaceFirst("\\.v\\d+$", "");
    }
}
