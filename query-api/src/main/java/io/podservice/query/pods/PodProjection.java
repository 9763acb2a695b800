package io.podservice.query.pods;

import io.podservice.events.EventEnvelope;
import io.podservice.query.ReadModel;
import io.podservice.query.consistency.CommandSide;
import io.podservice.events.PodCreated;
import io.podservice.events.PodEvent;
import io.podservice.events.PodState;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The describePods projection: applies pod events to {@code pod_view} exactly once each, in
 * aggregate order.
 *
 * <p>Idempotent: an event at or below the row's {@code last_sequence} is a duplicate and is
 * skipped. Self-healing: an event that would leave a gap (or arrives for a pod with no row) makes
 * the projection ask the command side for the missing events first ({@link CommandSide}).
 */
@Component
public class PodProjection implements ReadModel {

    private final PodViewRepository views;
    private final CommandSide commandSide;

    PodProjection(PodViewRepository views, CommandSide commandSide) {
        this.views = views;
        this.commandSide = commandSide;
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
        List<EventEnvelope> missing = commandSide.after(podId, last);
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
        return PodView.of(PodState.created(created, event.timestamp()), event.sequence(), event.timestamp());
    }

    private static PodView next(PodView view, EventEnvelope event) {
        return PodView.of(view.state().apply((PodEvent) event.payload(), event.timestamp()), event.sequence(),
                event.timestamp());
    }
}
