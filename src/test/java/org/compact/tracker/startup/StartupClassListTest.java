package org.compact.tracker.startup;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The list the preloader reads is the service's own: when dependencies or start-up code change, it is made again. */
class StartupClassListTest {
    @Test
    void theStartupClassListNamesClassesThatStillExist() {
        List<String> missing = new ArrayList<>();

        int loaded = ClassPreloader.preload(getClass().getClassLoader(), missing::add);

        assertThat(loaded).as("classes in %s", ClassPreloader.LIST).isGreaterThan(1000);
        assertThat(missing.size())
                .as("%d of the %d classes in %s no longer exist (first: %s); make the list again with "
                        + "src/bench/make-startup-classes.sh", missing.size(), loaded + missing.size(),
                        ClassPreloader.LIST, missing.stream().limit(5).toList())
                .isLessThanOrEqualTo((loaded + missing.size()) / 50);
    }
}
