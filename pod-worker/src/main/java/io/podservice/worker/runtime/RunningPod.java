package io.podservice.worker.runtime;

import io.podservice.events.ContainerStatusReport;
import java.time.Instant;
import java.util.List;

/** A pod as it runs on this node. */
public record RunningPod(String podIp, Instant startedAt, List<ContainerStatusReport> containers) {
}
