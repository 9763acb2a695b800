package io.podservice.events;

import java.util.List;

/**
 * What a pod is meant to be, as recorded in {@link PodCreated}: the accepted podSpec with the
 * instance type already resolved to CPU and memory, so a worker needs no catalog to run it.
 */
public record PodDefinition(
        String name,
        String description,
        String hostname,
        String instanceType,
        String az,
        String restartPolicy,
        Integer terminationGracePeriodSeconds,
        double cpu,
        int memoryMB,
        List<ContainerDefinition> containers) {

    public PodDefinition {
        containers = List.copyOf(containers);
    }

    public PodDefinition withAttributes(String newName, String newDescription) {
        return new PodDefinition(newName, newDescription, hostname, instanceType, az, restartPolicy,
                terminationGracePeriodSeconds, cpu, memoryMB, containers);
    }
}
