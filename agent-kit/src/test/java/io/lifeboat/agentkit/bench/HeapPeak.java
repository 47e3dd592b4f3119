package io.lifeboat.agentkit.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Peak heap of this JVM, two ways: the highest heap in use right after any collection (from GC notifications: the
 * live set's high-water mark, what "memory-flat" is about), and the sum of the heap pools' peak use (which also
 * counts garbage not yet collected, so it grows with the heap limit rather than with the data).
 */
final class HeapPeak {

    private static final AtomicLong AFTER_GC_PEAK = new AtomicLong();
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());

    static {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                            .from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(pool -> HEAP_POOLS.contains(pool.getKey()))
                            .mapToLong(pool -> pool.getValue().getUsed()).sum();
                    AFTER_GC_PEAK.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
    }

    private HeapPeak() {
    }

    static void reset() {
        System.gc();
        AFTER_GC_PEAK.set(0);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Highest heap in use right after a collection since {@link #reset()}, in MiB. */
    static double afterGcPeakMb() {
        return AFTER_GC_PEAK.get() / 1048576.0;
    }

    /** Sum of the heap pools' peak use since {@link #reset()}, in MiB. */
    static double poolPeaksMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / 1048576.0;
    }
}
