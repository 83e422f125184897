package org.compact.tracker.startup;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * Gives back to the operating system the heap that starting up used and no longer needs, once the server is up.
 *
 * <p>Starting the service allocates several times the memory it keeps (bean definitions read and dropped, classes
 * parsed, the schema checked), and G1 grows the heap to match; an idle service then holds that memory for good. Once
 * the server listens, a thread of its own lowers the JVM's {@code MinHeapFreeRatio}/{@code MaxHeapFreeRatio} (both
 * manageable at run time), runs one full collection, which shrinks the heap to what is live plus a little, and puts
 * the two ratios back, so the heap grows again as it always would when there is work. The pause is one full
 * collection of a small heap (-Xlog:gc on 2 cores: 42–78 ms idle, 150 ms with a build alongside, "Pause Full
 * (System.gc()) 85M->25M(40M)"),
 * before the service has had any real work.
 *
 * <p>{@code TRACKER_STARTUP_TRIM_HEAP=false} ({@code tracker.startup.trim-heap}) leaves it out. A JVM started with
 * {@code -XX:+DisableExplicitGC}, or without the HotSpot diagnostic bean, is left as it is.
 */
@Singleton
@Requires(property = "tracker.startup.trim-heap", notEquals = "false")
class HeapTrim {
    private static final Logger LOG = LoggerFactory.getLogger(HeapTrim.class);
    /** What the ratios are while the collection runs: at most 20 % of the heap left free after it. */
    static final String TRIM_MIN_FREE = "10";
    static final String TRIM_MAX_FREE = "20";

    /** The committed heap before and after, and the heap in use after, in bytes; all -1 when nothing was done. */
    record Result(long committedBefore, long committedAfter, long usedAfter) {
        boolean done() {
            return committedBefore >= 0;
        }
    }

    private static final Result NOT_DONE = new Result(-1, -1, -1);

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        Thread thread = new Thread(() -> {
            Result result = trim();
            if (result.done()) {
                LOG.info("Heap trimmed after start-up: {} MiB committed, was {} MiB",
                        result.committedAfter() >> 20, result.committedBefore() >> 20);
            }
        }, "heap-trim");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs one full collection with tight free-heap ratios, then puts the ratios back as they were. */
    static Result trim() {
        HotSpotDiagnosticMXBean vm;
        String min;
        String max;
        try {
            vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            min = vm.getVMOption("MinHeapFreeRatio").getValue();
            max = vm.getVMOption("MaxHeapFreeRatio").getValue();
        } catch (RuntimeException | LinkageError notHotSpot) {
            LOG.debug("Heap not trimmed: no HotSpot diagnostic bean ({})", notHotSpot.toString());
            return NOT_DONE;
        }
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        try {
            // Min before max going down, max before min going back up: min may never exceed max.
            vm.setVMOption("MinHeapFreeRatio", TRIM_MIN_FREE);
            vm.setVMOption("MaxHeapFreeRatio", TRIM_MAX_FREE);
            System.gc();
        } catch (RuntimeException refused) {
            LOG.debug("Heap not trimmed: {}", refused.toString());
            return NOT_DONE;
        } finally {
            restore(vm, min, max);
        }
        MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Result(before, after.getCommitted(), after.getUsed());
    }

    private static void restore(HotSpotDiagnosticMXBean vm, String min, String max) {
        try {
            vm.setVMOption("MaxHeapFreeRatio", max);
            vm.setVMOption("MinHeapFreeRatio", min);
        } catch (RuntimeException e) {
            LOG.warn("Could not put the free-heap ratios back to {}/{}: {}", min, max, e.toString());
        }
    }
}
