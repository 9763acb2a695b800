package io.podservice.worker.reconcile;

import io.podservice.events.EventEnvelope;
import io.podservice.events.PodCreated;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodDeleted;
import io.podservice.events.PodDeleting;
import io.podservice.events.PodEvent;
import io.podservice.events.PodFailed;
import io.podservice.events.PodRebuilding;
import io.podservice.events.PodRebuilt;
import io.podservice.events.PodRunning;
import io.podservice.events.PodStarting;
import io.podservice.events.PodStopped;
import io.podservice.events.PodStopping;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What should be on this node, folded from the pod events of the partitions this worker owns:
 * per pod its intent (run, stay stopped, be gone, or a task in flight) and the definition.
 * Level-triggered reconciliation compares it with Docker; it is fed both by the task consumer
 * (every event it sees) and by a replay of the owned partitions when they are assigned.
 */
@Component
public class DesiredPods {

    /** RUN: keep running; STOP: keep stopped; GONE: have nothing; BUSY: a task is in flight (Kafka redelivers it). */
    public enum Intent { RUN, STOP, GONE, BUSY }

    public record Desired(String podId, String regionId, String accountId, long sequence, Intent intent,
                          String runTaskId, PodDefinition definition) {
    }

    private final Map<String, Desired> pods = new ConcurrentHashMap<>();

    /** Folds one event in; older or repeated events (by aggregate sequence) change nothing. */
    public void apply(EventEnvelope envelope) {
        if (!(envelope.payload() instanceof PodEvent event)) {
            return;
        }
        pods.compute(envelope.aggregateId(), (id, current) -> {
            if (current != null && envelope.sequence() <= current.sequence()) {
                return current;
            }
            return next(current, envelope.aggregateId(), envelope.sequence(), event);
        });
    }

    public Optional<Desired> get(String podId) {
        return Optional.ofNullable(pods.get(podId));
    }

    public Map<String, Desired> snapshot() {
        return Map.copyOf(pods);
    }

    private static Desired next(Desired current, String podId, long sequence, PodEvent event) {
        if (event instanceof PodCreated created) {
            return new Desired(podId, created.regionId(), created.accountId(), sequence, Intent.BUSY, null,
                    created.definition());
        }
        if (current == null) {
            // the pod's creation is on a partition position we did not fold: nothing safe to do with it
            return null;
        }
        String region = current.regionId();
        String account = current.accountId();
        PodDefinition definition = current.definition();
        if (event instanceof PodRunning running) {
            return new Desired(podId, region, account, sequence, Intent.RUN, running.taskId(), definition);
        }
        if (event instanceof PodStopped || event instanceof PodRebuilt) {
            return new Desired(podId, region, account, sequence, Intent.STOP, null, definition);
        }
        if (event instanceof PodDeleted) {
            return new Desired(podId, region, account, sequence, Intent.GONE, null, definition);
        }
        if (event instanceof PodFailed) {
            // a failed task leaves whatever it left; the user deletes or retries
            return new Desired(podId, region, account, sequence, Intent.STOP, null, definition);
        }
        if (event instanceof PodRebuilding rebuilding) {
            return new Desired(podId, region, account, sequence, Intent.BUSY, null, rebuilding.definition());
        }
        if (event instanceof PodStarting starting) {
            return new Desired(podId, region, account, sequence, Intent.BUSY, null, starting.definition());
        }
        if (event instanceof PodStopping || event instanceof PodDeleting) {
            return new Desired(podId, region, account, sequence, Intent.BUSY, null, definition);
        }
        if (event instanceof io.podservice.events.PodElasticIpAssociated bound) {
            return new Desired(podId, region, account, sequence, current.intent(), current.runTaskId(),
                    definition.withElasticIp(new io.podservice.events.PodSpecParts.ElasticIpBinding(bound.elasticIpId(),
                            bound.elasticIpAddress(), bound.filtered(), bound.ingressRules())));
        }
        if (event instanceof io.podservice.events.PodElasticIpDisassociated) {
            return new Desired(podId, region, account, sequence, current.intent(), current.runTaskId(),
                    definition.withElasticIp(null));
        }
        if (event instanceof io.podservice.events.PodAttributesModified modified) {
            return new Desired(podId, region, account, sequence, current.intent(), current.runTaskId(),
                    definition.withAttributes(modified.name(), modified.description()));
        }
        return new Desired(podId, region, account, sequence, current.intent(), current.runTaskId(), definition);
    }
}
