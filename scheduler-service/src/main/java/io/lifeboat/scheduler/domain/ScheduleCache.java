package io.lifeboat.scheduler.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lifeboat.events.policy.PolicyDefined;

/**
 * Parsed schedules of recently seen policy versions, so that a tick does not parse every cron expression again.
 */
final class ScheduleCache {

    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Entry> byTarget = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private record Entry(PolicyDefined policy, List<PolicySchedule> schedules) {
    }

    List<PolicySchedule> of(PolicyDefined policy) {
        Entry entry = byTarget.get(policy.targetId());
        if (entry == null || !entry.policy().equals(policy)) {
            entry = new Entry(policy, PolicySchedule.of(policy));
            byTarget.put(policy.targetId(), entry);
        }
        return entry.schedules();
    }
}
