package io.podservice.worker.reconcile;

import io.podservice.events.EventEnvelope;
import io.podservice.events.PodCreated;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodEvent;
import io.podservice.events.PodPhase;
import io.podservice.events.PodState;
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

    /** What this node should do about a pod: {@code runTaskId} names the run reports belong to. */
    public record Desired(String podId, String regionId, String accountId, long sequence, Intent intent,
                          String runTaskId, PodDefinition definition) {

        static Desired of(PodState state, long sequence) {
            Intent intent = state.deleted() ? Intent.GONE
                    : state.phase() == PodPhase.RUNNING ? Intent.RUN
                    // a failed task leaves whatever it left; the user deletes or retries
                    : state.phase() == PodPhase.STOPPED || state.phase() == PodPhase.ERROR ? Intent.STOP
                    : Intent.BUSY;
            return new Desired(state.podId(), state.regionId(), state.accountId(), sequence, intent,
                    intent == Intent.RUN ? state.runningTask() : null, state.definition());
        }
    }

    /** Each pod's state folded from its events ({@link PodState}), with the sequence of the last one. */
    private record Folded(PodState state, long sequence) {
    }

    private final Map<String, Folded> pods = new ConcurrentHashMap<>();

    /** Folds one event in; older or repeated events (by aggregate sequence) change nothing. */
    public void apply(EventEnvelope envelope) {
        if (!(envelope.payload() instanceof PodEvent event)) {
            return;
        }
        pods.compute(envelope.aggregateId(), (id, current) -> {
            if (current != null && envelope.sequence() <= current.sequence()) {
                return current;
            }
            if (event instanceof PodCreated created) {
                return new Folded(PodState.created(created, envelope.timestamp()), envelope.sequence());
            }
            // without its creation (a partition position not folded) there is nothing safe to do with the pod
            return current == null ? null
                    : new Folded(current.state().apply(event, envelope.timestamp()), envelope.sequence());
        });
    }

    public Optional<Desired> get(String podId) {
        return Optional.ofNullable(pods.get(podId)).map(f -> Desired.of(f.state(), f.sequence()));
    }

    public Map<String, Desired> snapshot() {
        Map<String, Desired> desired = new java.util.HashMap<>();
        pods.forEach((id, f) -> desired.put(id, Desired.of(f.state(), f.sequence())));
        return Map.copyOf(desired);
    }
}
