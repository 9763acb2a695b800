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
        String accountId,
        String regionId,
        PodPhase phase,
        String reason,
        String message,
        String podIp,
        Instant startTime,
        Instant createTime,
        PodDefinition definition,
        List<ContainerStatusReport> containerStatuses,
        boolean deleted,
        boolean ready,
        Instant readySince,
        long lastSequence,
        Instant lastEventTime,
        String nodeId,
        String nodeUrl) {

    PodView withStatus(PodPhase newPhase, String newReason, String newMessage, String newPodIp, Instant newStartTime,
                       List<ContainerStatusReport> statuses, EventEnvelope event) {
        return new PodView(podId, accountId, regionId, newPhase, newReason, newMessage, newPodIp, newStartTime,
                createTime, definition, statuses, deleted, ready, readySince, event.sequence(), event.timestamp(), nodeId, nodeUrl);
    }

    PodView withPhase(PodPhase newPhase, EventEnvelope event) {
        return withStatus(newPhase, null, null, podIp, startTime, containerStatuses, event);
    }

    PodView withDefinition(PodDefinition newDefinition, EventEnvelope event) {
        return new PodView(podId, accountId, regionId, phase, reason, message, podIp, startTime, createTime,
                newDefinition, containerStatuses, deleted, ready, readySince, event.sequence(), event.timestamp(), nodeId, nodeUrl);
    }

    PodView asDeleted(EventEnvelope event) {
        return new PodView(podId, accountId, regionId, phase, reason, message, podIp, startTime, createTime,
                definition, containerStatuses, true, false, readySince, event.sequence(), event.timestamp(), nodeId, nodeUrl);
    }

    /** The Ready condition as of {@code event}; its transition time moves only when it changes. */
    PodView withReady(boolean nowReady, EventEnvelope event) {
        return new PodView(podId, accountId, regionId, phase, reason, message, podIp, startTime, createTime, definition,
                containerStatuses, deleted, nowReady, nowReady == ready && readySince != null ? readySince : event.timestamp(),
                lastSequence, lastEventTime, nodeId, nodeUrl);
    }

    /** The node that runs the pod now (interactive requests are routed there). */
    PodView onNode(String newNodeId, String newNodeUrl, EventEnvelope event) {
        return new PodView(podId, accountId, regionId, phase, reason, message, podIp, startTime, createTime, definition,
                containerStatuses, deleted, ready, readySince, event.sequence(), event.timestamp(), newNodeId, newNodeUrl);
    }
}
