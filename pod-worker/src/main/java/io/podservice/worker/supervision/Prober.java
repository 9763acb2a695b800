package io.podservice.worker.supervision;

import io.podservice.worker.DaemonThreads;
import io.podservice.events.ContainerStatusReport;
import io.podservice.events.PodSpecParts;
import io.podservice.worker.runtime.PodRuntime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Liveness and readiness probes of running pods. {@code exec} runs in the container;
 * {@code httpGet} and {@code tcpSocket} run in the pod's infra container (its network namespace,
 * so 127.0.0.1 is the pod) with busybox's wget and nc. A liveness probe failing
 * {@code failureThreshold} times in a row stops the container, and the restart policy takes it
 * from there; a readiness probe sets the container's {@code ready} and so the pod's Ready condition.
 */
@Component
public class Prober implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Prober.class);

    private final PodRuntime runtime;
    private final PodLocks locks;
    private final PodStatusReporter reporter;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2,
            DaemonThreads.named("pod-prober"));
    private final Map<String, List<ScheduledFuture<?>>> probes = new ConcurrentHashMap<>();

    Prober(PodRuntime runtime, PodLocks locks, PodStatusReporter reporter) {
        this.runtime = runtime;
        this.locks = locks;
        this.reporter = reporter;
    }

    public void watch(RunningPods.Pod pod) {
        unwatch(pod.podId());
        List<ScheduledFuture<?>> scheduled = new ArrayList<>();
        for (RunningPods.Container container : pod.containers()) {
            schedule(pod, container, container.definition().livenessProbe(), true).ifPresent(scheduled::add);
            schedule(pod, container, container.definition().readinessProbe(), false).ifPresent(scheduled::add);
        }
        if (!scheduled.isEmpty()) {
            probes.put(pod.podId(), scheduled);
        }
    }

    public void unwatch(String podId) {
        List<ScheduledFuture<?>> scheduled = probes.remove(podId);
        if (scheduled != null) {
            scheduled.forEach(f -> f.cancel(false));
        }
    }

    private java.util.Optional<ScheduledFuture<?>> schedule(RunningPods.Pod pod, RunningPods.Container container,
                                                            PodSpecParts.Probe probe, boolean liveness) {
        if (probe == null) {
            return java.util.Optional.empty();
        }
        ProbeLoop loop = new ProbeLoop(pod, container, probe, liveness);
        return java.util.Optional.of(scheduler.scheduleWithFixedDelay(loop, 1, Math.max(1, probe.periodSeconds()),
                TimeUnit.SECONDS));
    }

    /** One probe of one container, with its consecutive successes and failures within the current run. */
    private final class ProbeLoop implements Runnable {
        private final RunningPods.Pod pod;
        private final RunningPods.Container container;
        private final PodSpecParts.Probe probe;
        private final boolean liveness;
        private Instant run;
        private int successes;
        private int failures;

        ProbeLoop(RunningPods.Pod pod, RunningPods.Container container, PodSpecParts.Probe probe, boolean liveness) {
            this.pod = pod;
            this.container = container;
            this.probe = probe;
            this.liveness = liveness;
        }

        @Override
        public void run() {
            try {
                probeOnce();
            } catch (RuntimeException e) {
                log.debug("probe of {}/{} could not run: {}", pod.podId(), container.definition().name(), e.toString());
            }
        }

        private void probeOnce() {
            if (pod.released()) {
                return;
            }
            String name = container.definition().name();
            ContainerStatusReport status = runtime.inspect(pod.podId(), pod.definition()).stream()
                    .filter(s -> s.name().equals(name)).findFirst().orElse(null);
            if (status == null || !"running".equals(status.state()) || status.startedAt() == null) {
                run = null;
                return;
            }
            if (!status.startedAt().equals(run)) {
                // a new run of the container: counters start over and the initial delay applies again
                run = status.startedAt();
                successes = 0;
                failures = 0;
            }
            if (Instant.now().isBefore(run.plusSeconds(probe.initialDelaySeconds()))) {
                return;
            }
            boolean ok = check(name);
            if (ok) {
                successes++;
                failures = 0;
            } else {
                failures++;
                successes = 0;
            }
            if (liveness) {
                if (failures >= probe.failureThreshold()) {
                    failures = 0;
                    log.info("pod {}: container {} failed its liveness probe {} times; restarting it", pod.podId(), name,
                            probe.failureThreshold());
                    locks.withLock(pod.podId(), () -> {
                        if (!pod.released()) {
                            runtime.stopContainer(pod.podId(), name, pod.definition().terminationGracePeriodSeconds() == null
                                    ? 30 : pod.definition().terminationGracePeriodSeconds());
                        }
                    });
                }
                return;
            }
            boolean ready = container.ready;
            if (!ready && successes >= probe.successThreshold()) {
                setReady(true);
            } else if (ready && failures >= probe.failureThreshold()) {
                setReady(false);
            }
        }

        private void setReady(boolean ready) {
            locks.withLock(pod.podId(), () -> {
                container.ready = ready;
                reporter.report(pod);
            });
        }

        private boolean check(String name) {
            int timeout = Math.max(1, probe.timeoutSeconds());
            OptionalInt exit;
            if (probe.exec() != null) {
                exit = runtime.exec(pod.podId(), name, probe.exec().command(), timeout);
            } else if (probe.httpGet() != null) {
                PodSpecParts.HttpGetAction http = probe.httpGet();
                List<String> command = new ArrayList<>(List.of("wget", "-q", "-O", "/dev/null"));
                if ("HTTPS".equals(http.scheme())) {
                    command.add("--no-check-certificate");
                }
                for (PodSpecParts.HttpHeader header : http.httpHeader()) {
                    command.add("--header");
                    command.add(header.name() + ": " + header.value());
                }
                String path = http.path() == null || http.path().isEmpty() ? "/" : http.path();
                command.add(http.scheme().toLowerCase(java.util.Locale.ROOT) + "://"
                        + (http.host() == null || http.host().isBlank() ? "127.0.0.1" : http.host()) + ":" + http.port()
                        + (path.startsWith("/") ? path : "/" + path));
                exit = runtime.exec(pod.podId(), null, command, timeout);
            } else {
                exit = runtime.exec(pod.podId(), null, List.of("sh", "-c",
                        "nc -w " + timeout + " 127.0.0.1 " + probe.tcpSocket().port() + " </dev/null >/dev/null"), timeout);
            }
            return exit.isPresent() && exit.getAsInt() == 0;
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
