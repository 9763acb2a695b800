package io.podservice.worker.supervision;

import io.podservice.events.ContainerDefinition;
import io.podservice.events.ContainerStatusReport;
import io.podservice.events.PodDefinition;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.springframework.stereotype.Component;

/**
 * The pods this node keeps running, with what Docker does not remember for us: how often each
 * container was restarted, how its last run ended, whether its readiness probe passes, and a
 * restart waiting out its back-off.
 */
@Component
public class RunningPods {

    private final ConcurrentHashMap<String, Pod> pods = new ConcurrentHashMap<>();

    /** A pod this node runs; {@code taskId} is the task that started this run. */
    public static final class Pod {
        private final String podId;
        private final String regionId;
        private final String taskId;
        private final PodDefinition definition;
        private final Map<String, Container> containers = new ConcurrentHashMap<>();
        private volatile boolean released;

        Pod(String podId, String regionId, String taskId, PodDefinition definition) {
            this.podId = podId;
            this.regionId = regionId;
            this.taskId = taskId;
            this.definition = definition;
            for (ContainerDefinition container : definition.containers()) {
                containers.put(container.name(), new Container(container));
            }
        }

        public String podId() {
            return podId;
        }

        public String regionId() {
            return regionId;
        }

        public String taskId() {
            return taskId;
        }

        public PodDefinition definition() {
            return definition;
        }

        public Optional<Container> container(String name) {
            return Optional.ofNullable(containers.get(name));
        }

        public Collection<Container> containers() {
            return containers.values();
        }

        public boolean released() {
            return released;
        }
    }

    /** What the worker knows of one container beyond Docker's view. */
    public static final class Container {
        private final ContainerDefinition definition;
        volatile int restartCount;
        volatile int crashStreak;
        volatile ContainerStatusReport.Terminated lastState;
        /** Readiness: without a readiness probe a running container is ready. */
        volatile boolean ready;
        volatile ScheduledFuture<?> pendingRestart;
        /** Why the node refused to start it again, while it stays refused. */
        volatile io.podservice.worker.runtime.PodTaskFailure refused;

        Container(ContainerDefinition definition) {
            this.definition = definition;
            this.ready = definition.readinessProbe() == null;
        }

        public ContainerDefinition definition() {
            return definition;
        }

        boolean restartPending() {
            ScheduledFuture<?> pending = pendingRestart;
            return pending != null && !pending.isDone();
        }
    }

    /** Starts keeping the pod running, forgetting an earlier run's state. */
    public Pod track(String podId, String regionId, String taskId, PodDefinition definition) {
        Pod pod = new Pod(podId, regionId, taskId, definition);
        Pod previous = pods.put(podId, pod);
        if (previous != null) {
            cancel(previous);
        }
        return pod;
    }

    /** Stops keeping the pod running (it is being stopped, rebuilt or deleted). */
    public void release(String podId) {
        Pod pod = pods.remove(podId);
        if (pod != null) {
            cancel(pod);
        }
    }

    public Optional<Pod> get(String podId) {
        return Optional.ofNullable(pods.get(podId));
    }

    public Collection<Pod> all() {
        return pods.values();
    }

    private static void cancel(Pod pod) {
        pod.released = true;
        pod.containers.values().forEach(c -> {
            ScheduledFuture<?> pending = c.pendingRestart;
            if (pending != null) {
                pending.cancel(false);
            }
        });
    }
}
