package io.podservice.command.rest;

import io.podservice.api.catalog.InstanceTypeCatalog;
import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiException;
import io.podservice.events.ContainerDefinition;
import io.podservice.events.PodDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks the rules of a podSpec that need more than one field or the catalogs, and turns the
 * accepted spec into the {@link PodDefinition} the events record.
 */
@Component
class PodDefinitions {

    private final InstanceTypeCatalog instanceTypes;

    PodDefinitions(InstanceTypeCatalog instanceTypes) {
        this.instanceTypes = instanceTypes;
    }

    PodDefinition accept(RegionCatalog.Region region, PodSpec spec, String name) {
        InstanceTypeCatalog.InstanceType type = instanceTypes.require("podSpec.instanceType", spec.instanceType());
        String az = spec.az();
        if (az == null || az.isBlank()) {
            az = region.azs().isEmpty() ? region.id() : region.azs().get(0);
        } else if (!region.azs().contains(az)) {
            throw ApiException.invalidArgument("Invalid podSpec.az: '" + az + "' is not an availability zone of region "
                    + region.id() + "; zones: " + String.join(", ", region.azs()));
        }
        Set<String> names = new HashSet<>();
        List<ContainerSpec> containers = spec.containers();
        for (int i = 0; i < containers.size(); i++) {
            if (!names.add(containers.get(i).name())) {
                throw ApiException.invalidArgument("Invalid podSpec.containers[" + i + "].name: '" + containers.get(i).name()
                        + "' is already the name of another container of the pod; container names must be unique");
            }
        }
        return new PodDefinition(name, spec.description(), spec.hostname(), type.instanceType(), az,
                spec.restartPolicy() == null ? "Always" : spec.restartPolicy(),
                spec.terminationGracePeriodSeconds() == null ? 30 : spec.terminationGracePeriodSeconds(),
                type.cpu(), type.memoryMB(),
                containers.stream().map(PodDefinitions::container).toList());
    }

    private static ContainerDefinition container(ContainerSpec spec) {
        return new ContainerDefinition(spec.name(), spec.image(), spec.command(), spec.args(),
                spec.env() == null ? List.of()
                        : spec.env().stream().map(e -> new ContainerDefinition.EnvVar(e.name(), e.value())).toList(),
                spec.workingDir(), Boolean.TRUE.equals(spec.tty()));
    }
}
