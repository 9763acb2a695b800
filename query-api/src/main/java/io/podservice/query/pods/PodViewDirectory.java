package io.podservice.query.pods;

import io.podservice.api.node.PodDirectory;
import io.podservice.events.ContainerDefinition;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The {@link PodDirectory} the read side keeps: each pod's row of the describePods read model. */
@Component
class PodViewDirectory implements PodDirectory {

    private final PodViewRepository views;

    PodViewDirectory(PodViewRepository views) {
        this.views = views;
    }

    @Override
    public Optional<PodPlacement> find(String podId) {
        return views.find(podId).map(v -> new PodPlacement(v.podId(), v.accountId(), v.regionId(), v.phase(),
                v.deleted(), v.definition().containers().stream().map(ContainerDefinition::name).toList(), v.nodeId(),
                v.nodeUrl()));
    }
}
