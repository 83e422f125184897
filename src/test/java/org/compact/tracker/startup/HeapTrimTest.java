package org.compact.tracker.startup;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The heap that starting used is given back, and the JVM's heap-sizing settings are left as they were. */
class HeapTrimTest {
    private static final HotSpotDiagnosticMXBean VM = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void theServiceTrimsUnlessToldNotTo() {
        try (ApplicationContext on = ApplicationContext.run(Map.of("tracker.startup.trim-heap", "true",
                "tracker.jobs.enabled", "false"), "test")) {
            assertThat(on.containsBean(HeapTrim.class)).isTrue();
        }
        try (ApplicationContext off = ApplicationContext.run(Map.of("tracker.startup.trim-heap", "false",
                "tracker.jobs.enabled", "false"), "test")) {
            assertThat(off.containsBean(HeapTrim.class)).isFalse();
        }
    }

    @Test
    void theFreeHeapRatiosArePutBackAsTheyWere() {
        String min = VM.getVMOption("MinHeapFreeRatio").getValue();
        String max = VM.getVMOption("MaxHeapFreeRatio").getValue();

        HeapTrim.Result result = HeapTrim.trim();

        assertThat(result.done()).isTrue();
        assertThat(VM.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(min);
        assertThat(VM.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(max);
    }

    @Test
    void heapThatHeldGarbageIsGivenBack() {
        // Like a start: a lot allocated and held for a while, then dropped.
        List<byte[]> held = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            held.add(new byte[1 << 20]);
        }
        assertThat(held).hasSize(160);
        held = null;

        HeapTrim.Result result = HeapTrim.trim();

        assertThat(result.committedBefore()).isGreaterThanOrEqualTo(160L << 20);
        assertThat(result.committedAfter()).as("committed heap after the trim, against %d MiB before",
                result.committedBefore() >> 20).isLessThan(result.committedBefore() / 2);
        // The JVM's default ratios let up to 70 % stay free after a full collection: over three times what is in use.
        // With the trim's 20 %, plus G1's rounding to whole regions and its young generation, well under twice.
        assertThat(result.committedAfter()).as("committed %d MiB for %d MiB in use", result.committedAfter() >> 20,
                result.usedAfter() >> 20).isLessThanOrEqualTo(result.usedAfter() * 2 + (8L << 20));
    }
}
