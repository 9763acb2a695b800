package io.podservice.query.pods;

import io.podservice.events.ContainerStatusReport;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodPhase;
import io.podservice.events.PodState;
import java.time.Instant;
import java.util.List;

/**
 * One row of the describePods read model: the pod's {@link PodState} as the events up to
 * {@code lastSequence} made it (the tasks in flight left out, which only the aggregate needs).
 */
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

    static PodView of(PodState state, long sequence, Instant eventTime) {
        return new PodView(state.podId(), state.accountId(), state.regionId(), state.phase(), state.reason(),
                state.message(), state.podIp(), state.startTime(), state.createTime(), state.definition(),
                state.containerStatuses(), state.deleted(), state.ready(), state.readySince(), sequence, eventTime,
                state.nodeId(), state.nodeUrl());
    }

    PodState state() {
        return new PodState(podId, accountId, regionId, createTime, definition, phase, reason, message, null, null,
                podIp, startTime, containerStatuses, ready, readySince, nodeId, nodeUrl, 0, deleted);
    }
}
