package io.podservice.worker.supervision;

import io.podservice.events.ContainerStatusReport;
import io.podservice.events.PodTaskResult;
import io.podservice.worker.WorkerProperties;
import io.podservice.worker.report.TaskResultReporter;
import io.podservice.worker.runtime.PodRuntime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reports a running pod's containers as they are now: Docker's state with the worker's restart
 * counts, last states, readiness and back-offs laid over it, and the pod's Ready condition.
 */
@Component
public class PodStatusReporter {

    private final PodRuntime runtime;
    private final TaskResultReporter reporter;
    private final WorkerProperties properties;

    PodStatusReporter(PodRuntime runtime, TaskResultReporter reporter, WorkerProperties properties) {
        this.runtime = runtime;
        this.reporter = reporter;
        this.properties = properties;
    }

    /** The pod's container statuses now, as the API shows them. */
    public List<ContainerStatusReport> statuses(RunningPods.Pod pod) {
        List<ContainerStatusReport> statuses = new ArrayList<>();
        for (ContainerStatusReport docker : runtime.inspect(pod.podId(), pod.definition())) {
            RunningPods.Container known = pod.container(docker.name()).orElse(null);
            if (known == null) {
                statuses.add(docker);
                continue;
            }
            boolean running = "running".equals(docker.state());
            if (!running && known.refused != null) {
                statuses.add(new ContainerStatusReport(docker.name(), "waiting", known.refused.reason(),
                        known.refused.getMessage(), null, null, null, known.restartCount, false, null, known.lastState));
            } else if (!running && known.restartPending()) {
                statuses.add(new ContainerStatusReport(docker.name(), "waiting", "CrashLoopBackOff",
                        "back-off restarting the failed container", null, null, null, known.restartCount, false, null,
                        known.lastState));
            } else {
                statuses.add(new ContainerStatusReport(docker.name(), docker.state(), docker.reason(), docker.message(),
                        docker.startedAt(), docker.finishedAt(), docker.exitCode(), known.restartCount,
                        running && known.ready, docker.signal(), known.lastState));
            }
        }
        return statuses;
    }

    public void report(RunningPods.Pod pod) {
        if (pod.released()) {
            return;
        }
        List<ContainerStatusReport> statuses = statuses(pod);
        boolean ready = statuses.size() == pod.definition().containers().size()
                && statuses.stream().allMatch(ContainerStatusReport::ready);
        reporter.report(new PodTaskResult(pod.podId(), pod.taskId(), PodTaskResult.Outcome.OBSERVED, null, null, null,
                statuses, properties.getWorkerId(), Instant.now(), ready));
    }
}
