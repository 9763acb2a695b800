package io.podservice.command.pod;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.podservice.events.PodCreated;
import io.podservice.events.PodFailed;
import io.podservice.events.PodPhase;
import io.podservice.events.PodRunning;
import io.podservice.events.PodTaskResult;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The Pod aggregate: decides every change of a pod's phase. It hands work to workers as tasks
 * (each with an id) and accepts a worker's result only for the task still in flight, so stale,
 * duplicated or reordered reports change nothing.
 */
@Aggregate
public class Pod {

    @AggregateIdentifier
    private String podId;
    private PodPhase phase;
    private String taskInFlight;

    protected Pod() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Pod(CreatePod command) {
        apply(new PodCreated(command.podId(), command.regionId(), UUID.randomUUID().toString(),
                command.definition(), command.requestedAt()));
    }

    /** @return whether the result answered the task in flight and was recorded */
    @CommandHandler
    public boolean handle(RecordTaskResult command) {
        PodTaskResult result = command.result();
        if (taskInFlight == null || !taskInFlight.equals(result.taskId())) {
            return false;
        }
        if (result.outcome() == PodTaskResult.Outcome.SUCCEEDED) {
            apply(new PodRunning(podId, result.taskId(), result.podIp(), result.reportedAt(), result.containers()));
        } else {
            apply(new PodFailed(podId, result.taskId(), result.reason(), result.message(), result.reportedAt(),
                    result.containers()));
        }
        return true;
    }

    @EventSourcingHandler
    void on(PodCreated event) {
        podId = event.podId();
        phase = PodPhase.PENDING;
        taskInFlight = event.taskId();
    }

    @EventSourcingHandler
    void on(PodRunning event) {
        phase = PodPhase.RUNNING;
        taskInFlight = null;
    }

    @EventSourcingHandler
    void on(PodFailed event) {
        phase = PodPhase.ERROR;
        taskInFlight = null;
    }
}
