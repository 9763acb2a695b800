package io.podservice.worker.report;

import io.podservice.events.ContainerDefinition;
import io.podservice.events.ContainerStatusReport;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodTaskResult;
import io.podservice.worker.WorkerProperties;
import io.podservice.worker.runtime.PodProgress;
import io.podservice.worker.runtime.PodRuntime;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reports a task's progress upward (OBSERVED for the task in flight): which image is being pulled. */
@Component
class PodProgressReporter implements PodProgress {

    private final TaskResultReporter reporter;
    private final WorkerProperties properties;

    PodProgressReporter(TaskResultReporter reporter, WorkerProperties properties) {
        this.reporter = reporter;
        this.properties = properties;
    }

    @Override
    public void pulling(PodRuntime.PodRef pod, PodDefinition definition, String container, String image) {
        List<ContainerStatusReport> statuses = definition.containers().stream()
                .map(ContainerDefinition::name)
                .map(name -> name.equals(container)
                        ? ContainerStatusReport.waiting(name, "Pulling", "Pulling image \"" + image + "\"")
                        : ContainerStatusReport.waiting(name, "ContainerCreating", null))
                .toList();
        reporter.report(new PodTaskResult(pod.podId(), pod.taskId(), PodTaskResult.Outcome.OBSERVED, null, null, null,
                statuses, properties.getWorkerId(), Instant.now(), false));
    }
}
