package io.podservice.worker.reconcile;

import io.podservice.events.EventEnvelope;
import io.podservice.events.PodCreated;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodEvent;
import io.podservice.events.PodPhase;
import io.podservice.events.PodScheduled;
import io.podservice.events.PodState;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What should be on this node, folded from the events of the pods placed on it: per pod its intent
 * (run, stay stopped, be gone, or a task in flight) and the definition. Level-triggered
 * reconciliation compares it with Docker; it is fed both by the task consumer (every event it
 * sees) and by a replay of the pod events when the node starts. A pod placed on another node
 * ({@link io.podservice.events.PodScheduled}, or reported by another node before placements) is
 * forgotten: this node removes what it has of it.
 */
@Component
public class DesiredPods {

    /**
     * RUN: keep running; STOP: keep stopped; GONE: have nothing (deleted, or placed on another node);
     * BUSY: a task is in flight (Kafka redelivers it).
     */
    public enum Intent { RUN, STOP, GONE, BUSY }

    /** What this node should do about a pod: {@code runTaskId} names the run reports belong to. */
    public record Desired(String podId, String regionId, String accountId, long sequence, Intent intent,
                          String runTaskId, PodDefinition definition) {

        static Desired of(PodState state, long sequence, boolean ours) {
            Intent intent = state.deleted() || !ours ? Intent.GONE
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
    private final String nodeId;

    DesiredPods(io.podservice.worker.WorkerProperties properties) {
        this.nodeId = properties.getWorkerId();
    }

    /**
     * Whether a message is for this node: addressed to it, or addressed to no node (another
     * aggregate's event, or a pod's from before placements, which its fold sorts out).
     */
    public boolean isFor(java.util.List<String> addressedTo) {
        return addressedTo.isEmpty() || addressedTo.contains(nodeId);
    }

    /** Folds one event in; older or repeated events (by aggregate sequence) change nothing. */
    public void apply(EventEnvelope envelope) {
        if (!(envelope.payload() instanceof PodEvent event)) {
            return;
        }
        pods.compute(envelope.aggregateId(), (id, current) -> {
            if (current != null && envelope.sequence() <= current.sequence()) {
                return current;
            }
            PodState next;
            if (event instanceof PodCreated created) {
                next = PodState.created(created, envelope.timestamp());
            } else if (current == null && event instanceof PodScheduled moved && moved.definition() != null) {
                // moved here off a lost node: this node saw none of its earlier events, the placement says all
                next = PodState.created(moved.asCreation(envelope.timestamp()), envelope.timestamp())
                        .apply(moved, envelope.timestamp());
            } else if (current == null) {
                // without its creation (a partition position not folded) there is nothing safe to do with the pod
                return null;
            } else {
                next = current.state().apply(event, envelope.timestamp());
            }
            return new Folded(next, envelope.sequence());
        });
    }

    /** A pod of this node: placed here, or from before placements and not reported by another node. */
    private boolean ours(PodState state) {
        return state.nodeId() == null ? state.placement() == 0 : state.nodeId().equals(nodeId);
    }

    /** Whether the pod is this node's now (placed here, its creation folded). */
    public boolean holds(String podId) {
        Folded folded = pods.get(podId);
        return folded != null && ours(folded.state());
    }

    public Optional<Desired> get(String podId) {
        return Optional.ofNullable(pods.get(podId)).map(f -> Desired.of(f.state(), f.sequence(), ours(f.state())));
    }

    public Map<String, Desired> snapshot() {
        Map<String, Desired> desired = new java.util.HashMap<>();
        pods.forEach((id, f) -> desired.put(id, Desired.of(f.state(), f.sequence(), ours(f.state()))));
        return Map.copyOf(desired);
    }
}
