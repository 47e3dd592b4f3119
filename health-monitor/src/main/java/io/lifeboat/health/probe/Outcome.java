package io.lifeboat.health.probe;

import java.time.Duration;
import java.util.List;

/**
 * What one check found besides success: the member's role, its replication lag and the resources it measured.
 *
 * @param role role reported by the member, or null
 * @param lag replay lag of a standby, or null
 * @param usages resources measured; empty when none
 */
record Outcome(String role, Duration lag, List<ResourceUsage> usages) {

    Outcome {
        usages = usages == null ? List.of() : List.copyOf(usages);
    }

    static Outcome plain() {
        return new Outcome(null, null, List.of());
    }

    static Outcome measured(ResourceUsage usage) {
        return new Outcome(null, null, usage == null ? List.of() : List.of(usage));
    }
}
