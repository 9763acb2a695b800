package io.podservice.worker.runtime.docker;

import io.podservice.worker.DaemonThreads;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.podservice.worker.WorkerProperties;
import io.podservice.worker.runtime.ContainerExits;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link ContainerExits} from Docker's event stream: {@code die} of this installation's containers, and
 * {@code oom}, which {@link OomKills} keeps. A container that died of SIGKILL (exit 137) before its
 * {@code oom} event arrived is told of when that event arrives, or {@link #OOM_GRACE} later, so that
 * its status says OOMKilled when it was.
 */
@Component
class DockerContainerExits implements ContainerExits {

    private static final Logger log = LoggerFactory.getLogger(DockerContainerExits.class);

    static final Duration OOM_GRACE = Duration.ofSeconds(1);

    private final DockerClient docker;
    private final WorkerProperties properties;
    private final OomKills oomKills;

    DockerContainerExits(DockerClient docker, WorkerProperties properties, OomKills oomKills) {
        this.docker = docker;
        this.properties = properties;
        this.oomKills = oomKills;
    }

    @Override
    public Closeable follow(Listener listener) {
        Following following = new Following(listener);
        following.subscribe();
        return following;
    }

    /** One subscription, renewed two seconds after the stream ends or breaks, until closed. */
    private final class Following implements Closeable {
        private final Listener listener;
        private final ScheduledExecutorService again = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("docker-events"));
        private volatile boolean open = true;
        private volatile Closeable stream;
        /** Exits by SIGKILL waiting for their container's {@code oom} event, by container id. */
        private final Map<String, ScheduledFuture<?>> awaitingOom = new ConcurrentHashMap<>();

        Following(Listener listener) {
            this.listener = listener;
        }

        void subscribe() {
            if (!open) {
                return;
            }
            stream = docker.eventsCmd()
                    .withEventTypeFilter(EventType.CONTAINER)
                    .withEventFilter("die", "oom")
                    .withLabelFilter(PodContainers.ownership(properties))
                    .withSince(Long.toString(Instant.now().getEpochSecond()))
                    .exec(new ResultCallback.Adapter<Event>() {
                        @Override
                        public void onNext(Event event) {
                            Map<String, String> attributes = event.getActor() == null ? Map.of()
                                    : event.getActor().getAttributes();
                            String podId = attributes.get(PodContainers.LABEL_POD_ID);
                            String container = attributes.get(PodContainers.LABEL_CONTAINER);
                            if (podId == null || container == null || PodContainers.INFRA.equals(container)) {
                                return;
                            }
                            if ("oom".equals(event.getAction()) || "oom".equals(event.getStatus())) {
                                oomKills.announced(event.getId());
                                ScheduledFuture<?> waiting = awaitingOom.remove(event.getId());
                                if (waiting != null && waiting.cancel(false)) {
                                    listener.exited(podId, container);
                                }
                            } else if ("137".equals(attributes.get("exitCode"))
                                    && !oomKills.within(event.getId(), OOM_GRACE.multipliedBy(5))) {
                                // killed, and no oom of this run announced yet (one of an earlier run is older)
                                awaitingOom.put(event.getId(), again.schedule(() -> {
                                    awaitingOom.remove(event.getId());
                                    listener.exited(podId, container);
                                }, OOM_GRACE.toMillis(), TimeUnit.MILLISECONDS));
                            } else {
                                listener.exited(podId, container);
                            }
                        }

                        @Override
                        public void onError(Throwable error) {
                            if (!open) {
                                return; // closed: the stream broke because it was closed, nothing to follow again
                            }
                            log.warn("Docker event stream broke ({}); following it again", error.toString());
                            again.schedule(Following.this::subscribe, 2, TimeUnit.SECONDS);
                        }

                        @Override
                        public void onComplete() {
                            if (open) {
                                again.schedule(Following.this::subscribe, 2, TimeUnit.SECONDS);
                            }
                        }
                    });
        }

        @Override
        public void close() throws IOException {
            open = false;
            again.shutdownNow();
            Closeable current = stream;
            if (current != null) {
                current.close();
            }
        }
    }
}
