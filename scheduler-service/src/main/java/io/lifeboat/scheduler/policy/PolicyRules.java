package io.lifeboat.scheduler.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import io.lifeboat.events.policy.FailoverMode;
import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.events.policy.PolicySpec;
import io.lifeboat.events.policy.Retention;

/**
 * Turns a policy as written ({@link PolicySpec}) into the policy in force ({@link PolicyDefined}), or into every
 * problem that stops it, each naming its field.
 */
public final class PolicyRules {

    /**
     * Target ids become object-store key prefixes ({@code <target>/<backupId>/...}), so they are held to a set of
     * characters that needs no escaping in any store, URL or file name; {@code ..} is refused on top.
     */
    public static final Pattern TARGET_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /**
     * The retention of a policy that sets none: keep-last without limit. All-zero counts would not do, because the
     * catalog then expires every backup but the newest restorable one and its chain.
     */
    public static final Retention KEEP_EVERYTHING = new Retention(0, 0, 0, 0, 0, null, Integer.MAX_VALUE, null, null,
            null);

    private PolicyRules() {
    }

    /**
     * Checks a policy and reports every problem at once.
     *
     * @param spec the policy as written, any field possibly missing
     * @return the errors that reject it and the warnings that do not
     */
    public static PolicyCheck check(PolicySpec spec) {
        Problems problems = new Problems();
        if (spec == null) {
            problems.error("policy", "is required");
            return problems.result();
        }
        identity(spec, problems);
        StorageRules.positive("rpo", spec.rpo(), problems);
        StorageRules.positive("rto", spec.rto(), problems);
        engineAbilities(spec, problems);
        Duration rpo = spec.rpo() != null || spec.tier() == null ? spec.rpo() : TierDefaults.of(spec.tier()).rpo();
        ScheduleRules.check(spec, rpo, problems);
        StorageRules.check(spec, problems);
        return problems.result();
    }

    /**
     * Validates a policy and fills the defaults of its tier.
     *
     * @param spec the policy as written
     * @param definedBy user or system defining it (optional)
     * @param definedAt instant it is defined
     * @param commandId id of the {@code DefinePolicy} command defining it (optional)
     * @return the policy in force: rpo, rto and failoverMode from the tier when absent, continuousArchiving false,
     *         no schedules or storage tiers, {@link #KEEP_EVERYTHING}; scheduling as given
     * @throws PolicyRejectedException naming every error when the policy has any
     */
    public static PolicyDefined define(PolicySpec spec, String definedBy, Instant definedAt, String commandId) {
        Objects.requireNonNull(definedAt, "PolicyRules.define: definedAt");
        PolicyCheck check = check(spec);
        if (!check.ok()) {
            throw new PolicyRejectedException(spec == null ? null : spec.targetId(), check.errors());
        }
        TierDefaults defaults = TierDefaults.of(spec.tier());
        return new PolicyDefined(spec.targetId().trim(), spec.engine(), spec.connectionRef().trim(), spec.tier(),
                spec.schedules(), Boolean.TRUE.equals(spec.continuousArchiving()),
                spec.rpo() != null ? spec.rpo() : defaults.rpo(), spec.rto() != null ? spec.rto() : defaults.rto(),
                spec.retention() != null ? spec.retention() : KEEP_EVERYTHING, spec.storageTiers(),
                spec.verificationCron(), spec.drillCron(), spec.scheduling(),
                spec.failoverMode() != null ? spec.failoverMode() : defaults.failoverModeFor(spec.engine()),
                definedBy, definedAt, commandId);
    }

    private static void identity(PolicySpec spec, Problems problems) {
        if (blank(spec.targetId())) {
            problems.error("targetId", "is required");
        } else if (!TARGET_ID.matcher(spec.targetId().trim()).matches() || spec.targetId().contains("..")) {
            problems.error("targetId", "'" + spec.targetId() + "' is not safe as an object-store key prefix: use 1 to"
                    + " 128 letters, digits, '.', '_' or '-', starting with a letter or digit, without '..'");
        }
        if (spec.engine() == null) {
            problems.error("engine", "is required");
        }
        if (spec.tier() == null) {
            problems.error("tier", "is required");
        }
        if (blank(spec.connectionRef())) {
            problems.error("connectionRef", "is required");
        } else if (PolicyDefined.embedsPassword(spec.connectionRef().trim())) {
            // The reference itself is not repeated: the message would carry the password into logs and topics.
            problems.error("connectionRef", "embeds a password (user:password@...); reference a secret instead");
        }
    }

    private static void engineAbilities(PolicySpec spec, Problems problems) {
        if (spec.engine() == null) {
            return;
        }
        if (Boolean.TRUE.equals(spec.continuousArchiving())
                && !EngineCapabilities.archivesContinuously(spec.engine())) {
            problems.error("continuousArchiving", "the " + spec.engine().id() + " agent archives no log"
                    + " continuously (only " + EngineCapabilities.continuousArchivers()
                    + " do); schedule backups often enough for the RPO instead");
        }
        FailoverMode mode = spec.failoverMode();
        if (mode != null && mode != FailoverMode.RESTORE && !EngineCapabilities.hasStandby(spec.engine())) {
            problems.error("failoverMode", mode + " needs a standby to fail over to, and a " + spec.engine().id()
                    + " target has none; use RESTORE");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
