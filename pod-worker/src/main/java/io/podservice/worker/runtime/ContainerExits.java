package io.podservice.worker.runtime;

import java.io.Closeable;

/** Exits of the containers of this node's pods, as the runtime sees them happen. */
public interface ContainerExits {

    /** What to do when a pod's container ({@code container}, never the sandbox) has exited. */
    @FunctionalInterface
    interface Listener {
        void exited(String podId, String container);
    }

    /**
     * Tells {@code listener} of every exit from now on, following again by itself when the runtime's
     * stream breaks (a daemon restart); closing the result stops it.
     */
    Closeable follow(Listener listener);
}
