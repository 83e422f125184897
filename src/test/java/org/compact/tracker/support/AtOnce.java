package org.compact.tracker.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs calls at the same moment, each on a thread of its own, as clients racing one another would. */
public final class AtOnce {
    private AtOnce() {
    }

    /** Every call's answer, in the order of {@code calls}. */
    public static <T> List<T> run(List<? extends Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<T> answers = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same call {@code times} times at once. */
    public static <T> List<T> run(int times, Callable<T> call) throws Exception {
        return run(Collections.nCopies(times, call));
    }
}
