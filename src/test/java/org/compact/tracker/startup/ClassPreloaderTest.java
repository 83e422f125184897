package org.compact.tracker.startup;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassPreloaderTest {
    static final List<String> INITIALISED = new ArrayList<>();

    /** Records its initialisation: the preloader must load it without running this. */
    static class WithStaticInitialiser {
        static {
            INITIALISED.add("WithStaticInitialiser");
        }
    }

    @Test
    void loadsTheListedClassesWithoutRunningTheirStaticInitialisers() throws Exception {
        String list = "# a comment\n\n" + WithStaticInitialiser.class.getName() + "\njava.util.ArrayList\n";
        List<String> missing = new ArrayList<>();

        int loaded = ClassPreloader.preload(getClass().getClassLoader(), new BufferedReader(new StringReader(list)),
                missing::add);

        assertThat(loaded).isEqualTo(2);
        assertThat(missing).isEmpty();
        assertThat(INITIALISED).isEmpty();
    }

    @Test
    void aClassThatNoLongerExistsIsSkippedAndTheRestStillLoad() throws Exception {
        String list = "org.example.Gone\n" + WithStaticInitialiser.class.getName() + "\n";
        List<String> missing = new ArrayList<>();

        int loaded = ClassPreloader.preload(getClass().getClassLoader(), new BufferedReader(new StringReader(list)),
                missing::add);

        assertThat(loaded).isEqualTo(1);
        assertThat(missing).containsExactly("org.example.Gone");
    }

    @Test
    void switchedOffByTheSystemProperty() {
        System.setProperty("tracker.preload", "false");
        try {
            assertThat(ClassPreloader.startInBackground(getClass().getClassLoader())).isNull();
        } finally {
            System.clearProperty("tracker.preload");
        }
    }
}
