package org.compact.tracker.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Loads, on a second thread, the classes a start of the service is known to need, while the main thread builds the
 * application context: the same work, done on the machine's other core instead of one class at a time in the order
 * the main thread happens to reach them (the idea of Spring Boot's background pre-initializer, driven by a list).
 *
 * <p>The list ({@value #LIST}) is written by {@code src/bench/make-startup-classes.sh}, which starts the service with
 * {@code -Xlog:class+load} and keeps what was loaded, in order, up to "Startup completed". Classes are only loaded,
 * never initialised ({@code Class.forName(name, false, …)}), so no static initialiser runs early or on this thread,
 * and a name that no longer exists (a dependency changed since the list was made) is skipped: a stale list costs
 * time, never correctness. {@code StartupClassListTest} fails when too much of the list has gone stale.
 *
 * <p>Off with {@code -Dtracker.preload=false} or {@code TRACKER_PRELOAD=false}.
 */
public final class ClassPreloader {
    /** The class list, one binary class name a line, in the order a start loads them; '#' starts a comment. */
    public static final String LIST = "META-INF/tracker/startup-classes.txt";

    private ClassPreloader() {
    }

    /** Starts the preloading thread unless it is switched off; returns it, or null. Never throws. */
    public static Thread startInBackground(ClassLoader loader) {
        String setting = System.getProperty("tracker.preload", System.getenv("TRACKER_PRELOAD"));
        if ("false".equalsIgnoreCase(setting)) {
            return null;
        }
        Thread thread = new Thread(() -> preload(loader, name -> { }), "class-preload");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
        return thread;
    }

    /**
     * Loads every class of the list that exists; tells {@code missing} each name that does not. Returns how many were
     * loaded (or were already).
     */
    public static int preload(ClassLoader loader, Consumer<String> missing) {
        try (InputStream in = loader.getResourceAsStream(LIST)) {
            if (in == null) {
                return 0;
            }
            return preload(loader, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), missing);
        } catch (IOException | RuntimeException e) {
            // Only a head start: the main thread loads whatever this one did not.
            return 0;
        }
    }

    /** Loads the classes named by {@code names} (the list's format), without initialising them. */
    static int preload(ClassLoader loader, BufferedReader names, Consumer<String> missing) throws IOException {
        int loaded = 0;
        for (String line = names.readLine(); line != null; line = names.readLine()) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                missing.accept(name);
            }
        }
        return loaded;
    }
}
