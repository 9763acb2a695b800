package io.podservice.query.pods;

import io.podservice.events.EventEnvelope;
import io.podservice.query.ReadModel;
import io.podservice.events.PodAttributesModified;
import io.podservice.events.PodContainersChanged;
import io.podservice.events.PodRebuilding;
import io.podservice.events.PodRebuilt;
import io.podservice.events.PodCreated;
import io.podservice.events.PodDeleted;
import io.podservice.events.PodDeleting;
import io.podservice.events.PodEvent;
import io.podservice.events.PodFailed;
import io.podservice.events.PodPhase;
import io.podservice.events.PodElasticIpAssociated;
import io.podservice.events.PodElasticIpDisassociated;
import io.podservice.events.PodPlaced;
import io.podservice.events.PodSpecParts;
import io.podservice.events.PodRunning;
import io.podservice.events.PodStarting;
import io.podservice.events.PodStopped;
import io.podservice.events.PodStopping;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The describePods projection: applies pod events to {@code pod_view} exactly once each, in
 * aggregate order, whether they arrive from Kafka or from the event store.
 *
 * <p>Idempotent: an event at or below the row's {@code last_sequence} is a duplicate and is
 * skipped. Self-healing: an event that would leave a gap (or arrives for a pod with no row) makes
 * the projection read the missing events from the event store first.
 */
@Component
public class PodProjection implements ReadModel {

    private final PodViewRepository views;
    private final EventStoreReader eventStore;

    PodProjection(PodViewRepository views, EventStoreReader eventStore) {
        this.views = views;
        this.eventStore = eventStore;
    }

    @Override
    public List<String> tables() {
        return List.of("pod_view", "pod_view_counts", "pod_view_tag_counts");
    }

    @Override
    @Transactional
    public void apply(EventEnvelope event) {
        if (!(event.payload() instanceof PodEvent)) {
            return;
        }
        if (event.payload() instanceof PodCreated created) {
            views.insert(created(created, event));
            return;
        }
        Optional<PodView> current = views.lock(event.aggregateId());
        long last = current.map(PodView::lastSequence).orElse(-1L);
        if (event.sequence() <= last) {
            return;
        }
        if (event.sequence() > last + 1) {
            catchUpFrom(event.aggregateId(), current.orElse(null), last);
            return;
        }
        views.update(current.orElseThrow(), next(current.orElseThrow(), event));
    }

    private void catchUpFrom(String podId, PodView current, long last) {
        PodView view = current;
        List<EventEnvelope> missing = eventStore.eventsAfter(podId, last);
        for (EventEnvelope event : missing) {
            if (event.payload() instanceof PodCreated created) {
                view = created(created, event);
                views.insert(view);
            } else if (view != null) {
                PodView before = view;
                view = next(view, event);
                views.update(before, view);
            }
        }
    }

    private static PodView created(PodCreated created, EventEnvelope event) {
        // a pod in a subnet has its address from the start: the service assigned it
        String address = created.definition().network() == null ? null : created.definition().network().privateIpAddress();
        return new PodView(created.podId(), created.accountId(), created.regionId(), PodPhase.PENDING, null, null, address,
                null, created.createdAt(), created.definition(), List.of(), false, false, event.timestamp(), event.sequence(),
                event.timestamp(), null, null);
    }

    private static PodView next(PodView view, EventEnvelope event) {
        PodView next = nextStatus(view, event);
        boolean ready = next.phase() == PodPhase.RUNNING && (event.payload() instanceof PodContainersChanged changed
                ? changed.ready()
                : !next.containerStatuses().isEmpty() && next.containerStatuses().stream().allMatch(c -> c.ready()));
        return next.withReady(ready, event);
    }

    private static PodView nextStatus(PodView view, EventEnvelope event) {
        PodEvent payload = (PodEvent) event.payload();
        if (payload instanceof PodRunning running) {
            return view.withStatus(PodPhase.RUNNING, null, null, running.podIp(), running.startedAt(),
                    running.containers(), event);
        }
        if (payload instanceof PodFailed failed) {
            return view.withStatus(PodPhase.ERROR, failed.reason(), failed.message(), view.podIp(), view.startTime(),
                    failed.containers(), event);
        }
        if (payload instanceof PodStopping) {
            return view.withPhase(PodPhase.STOPPING, event);
        }
        if (payload instanceof PodStopped stopped) {
            return view.withStatus(PodPhase.STOPPED, null, null, view.podIp(), view.startTime(), stopped.containers(),
                    event);
        }
        if (payload instanceof PodStarting) {
            return view.withPhase(PodPhase.STARTING, event);
        }
        if (payload instanceof PodDeleting) {
            return view.withPhase(PodPhase.DELETING, event);
        }
        if (payload instanceof PodDeleted) {
            return view.asDeleted(event);
        }
        if (payload instanceof PodRebuilding rebuilding) {
            return view.withPhase(PodPhase.REBUILDING, event).withDefinition(rebuilding.definition(), event);
        }
        if (payload instanceof PodRebuilt rebuilt) {
            return view.withStatus(PodPhase.STOPPED, null, null, view.podIp(), view.startTime(), rebuilt.containers(),
                    event);
        }
        if (payload instanceof PodContainersChanged changed) {
            return view.withStatus(view.phase(), null, null, view.podIp(), view.startTime(), changed.containers(), event);
        }
        if (payload instanceof PodElasticIpAssociated bound) {
            return view.withDefinition(view.definition().withElasticIp(new PodSpecParts.ElasticIpBinding(
                    bound.elasticIpId(), bound.elasticIpAddress(), bound.filtered(), bound.ingressRules())), event);
        }
        if (payload instanceof PodElasticIpDisassociated) {
            return view.withDefinition(view.definition().withElasticIp(null), event);
        }
        if (payload instanceof PodPlaced placed) {
            return view.onNode(placed.nodeId(), placed.nodeUrl(), event);
        }
        if (payload instanceof PodAttributesModified modified) {
            return view.withDefinition(view.definition().withAttributes(modified.name(), modified.description()), event);
        }
        return view;
    }
}
