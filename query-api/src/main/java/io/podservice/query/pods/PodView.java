package io.podservice.query.pods;

import io.podservice.events.ContainerStatusReport;
import io.podservice.events.EventEnvelope;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodPhase;
import java.time.Instant;
import java.util.List;

/** One row of the describePods read model. */
public record PodView(
        String podId,
        String regionId,
        PodPhase phase,
        String reason,
        String message,
        String podIp,
        Instant startTime,
        Instant createTime,
        PodDefinition definition,
        List<ContainerStatusReport> containerStatuses,
        long lastSequence,
        Instant lastEventTime) {

    PodView withStatus(PodPhase newPhase, String newReason, String newMessage, String newPodIp, Instant newStartTime,
                       List<ContainerStatusReport> statuses, EventEnvelope event) {
        return new PodView(podId, regionId, newPhase, newReason, newMessage, newPodIp, newStartTime, createTime,
                definition, statuses, event.sequence(), event.timestamp());
    }
}
