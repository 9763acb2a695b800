package io.podservice.worker;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker's own threads: daemons (they never keep a stopping worker alive) with a name that says
 * what they do in thread dumps and logs.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Every thread named {@code name}. */
    public static ThreadFactory named(String name) {
        return runnable -> daemon(runnable, name);
    }

    /** Threads named {@code prefix1}, {@code prefix2}, … */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger numbers = new AtomicInteger();
        return runnable -> daemon(runnable, prefix + numbers.incrementAndGet());
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
