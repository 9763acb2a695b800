package io.podservice.worker.supervision;

import io.podservice.worker.DaemonThreads;
import io.podservice.events.ContainerStatusReport;
import io.podservice.worker.runtime.ContainerExits;
import io.podservice.worker.runtime.PodRuntime;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows the exits of the pods' containers ({@link ContainerExits}) and applies the pod's restartPolicy
 * when one exits: {@code Always} restarts it, {@code OnFailure} restarts it after a non-zero exit,
 * {@code Never} leaves it terminated. Restarts back off like Kubernetes' CrashLoopBackOff: at once
 * the first time, then 10 s, 20 s, 40 s ... up to 5 minutes; a run of 10 minutes resets the back-off.
 * Every exit and restart is reported upward with its exit code, reason (Completed, Error,
 * OOMKilled) and the restart count.
 */
@Component
public class ContainerSupervisor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ContainerSupervisor.class);
    static final Duration MAX_BACK_OFF = Duration.ofMinutes(5);
    static final Duration FIRST_BACK_OFF = Duration.ofSeconds(10);
    static final Duration STABLE_RUN = Duration.ofMinutes(10);

    private final ContainerExits exits;
    private final PodRuntime runtime;
    private final RunningPods pods;
    private final PodLocks locks;
    private final PodStatusReporter reporter;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2,
            DaemonThreads.named("pod-supervisor"));
    private volatile boolean running;
    private volatile Closeable stream;

    ContainerSupervisor(ContainerExits exits, PodRuntime runtime, RunningPods pods, PodLocks locks,
                        PodStatusReporter reporter) {
        this.exits = exits;
        this.runtime = runtime;
        this.pods = pods;
        this.locks = locks;
        this.reporter = reporter;
    }

    @Override
    public void start() {
        running = true;
        follow();
    }

    /** Hands every exit of a pod's container to the supervisor's own threads. */
    private void follow() {
        stream = exits.follow((podId, container) -> scheduler.execute(() -> exited(podId, container)));
    }

    /** A container of a running pod is not running: apply the restart policy. Also called by reconciliation. */
    public void exited(String podId, String name) {
        locks.withLock(podId, () -> pods.get(podId).ifPresent(pod -> pod.container(name).ifPresent(container -> {
            if (pod.released() || container.restartPending()) {
                return;
            }
            ContainerStatusReport now = runtime.inspect(podId, pod.definition()).stream()
                    .filter(s -> s.name().equals(name)).findFirst().orElse(null);
            if (now == null || !"terminated".equals(now.state())) {
                return;
            }
            container.lastState = new ContainerStatusReport.Terminated(now.exitCode(), now.signal(), now.reason(),
                    now.message(), now.startedAt(), now.finishedAt());
            container.ready = false;
            if (!restarts(pod.definition().restartPolicy(), now.exitCode())) {
                log.info("pod {}: container {} ended ({}, exit {}); restartPolicy {} keeps it terminated", podId, name,
                        now.reason(), now.exitCode(), pod.definition().restartPolicy());
                reporter.report(pod);
                return;
            }
            if (now.startedAt() != null && now.finishedAt() != null
                    && Duration.between(now.startedAt(), now.finishedAt()).compareTo(STABLE_RUN) > 0) {
                container.crashStreak = 0;
            }
            Duration delay = backOff(container.crashStreak);
            container.crashStreak++;
            log.info("pod {}: container {} ended ({}, exit {}); restarting in {}s", podId, name, now.reason(),
                    now.exitCode(), delay.toSeconds());
            container.pendingRestart = scheduler.schedule(() -> restart(pod, container, name), delay.toMillis(),
                    TimeUnit.MILLISECONDS);
            if (!delay.isZero()) {
                reporter.report(pod);
            }
        })));
    }

    private void restart(RunningPods.Pod pod, RunningPods.Container container, String name) {
        locks.withLock(pod.podId(), () -> {
            if (pod.released() || pods.get(pod.podId()).orElse(null) != pod) {
                return;
            }
            try {
                runtime.startContainer(pod.podId(), pod.definition(), name);
                container.restartCount++;
                container.ready = container.definition().readinessProbe() == null;
                container.refused = null;
            } catch (io.podservice.worker.runtime.PodTaskFailure refused) {
                // the node refuses to start it (a subPath turned into a link): the status says why
                log.warn("pod {}: container {} is refused a restart: {}", pod.podId(), name, refused.getMessage());
                container.refused = refused;
            } catch (RuntimeException e) {
                log.warn("pod {}: container {} cannot restart: {}", pod.podId(), name, e.getMessage());
            } finally {
                container.pendingRestart = null;
            }
            reporter.report(pod);
        });
    }

    static boolean restarts(String restartPolicy, Integer exitCode) {
        return switch (restartPolicy == null ? "Always" : restartPolicy) {
            case "Never" -> false;
            case "OnFailure" -> exitCode == null || exitCode != 0;
            default -> true;
        };
    }

    /** At once after the first exit, then 10 s doubling up to 5 minutes. */
    static Duration backOff(int crashStreak) {
        if (crashStreak == 0) {
            return Duration.ZERO;
        }
        Duration delay = FIRST_BACK_OFF.multipliedBy(1L << Math.min(crashStreak - 1, 10));
        return delay.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : delay;
    }

    @Override
    public void stop() {
        running = false;
        Closeable current = stream;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                log.debug("closing the Docker event stream", e);
            }
        }
        scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
