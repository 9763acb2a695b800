package io.podservice.local.embedded;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stops the embedded servers when the launcher's context closes, after everything that uses
 * them: it is in the lowest lifecycle phase, so Kafka listeners and Axon's processors stop first.
 */
@Component
class EmbeddedInfrastructureLifecycle implements SmartLifecycle {

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        EmbeddedInfrastructure.stopAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
