package io.podservice.command.scheduling;

import io.podservice.events.PodDefinition;

/** What a pod takes on its node: its instance type's CPU (thousandths of a core) and memory (MiB). */
public record Resources(long millicores, long memoryMB) {

    public static Resources of(PodDefinition definition) {
        return new Resources(Math.round(definition.cpu() * 1000), definition.memoryMB());
    }

    String describe() {
        return (millicores % 1000 == 0 ? Long.toString(millicores / 1000) : Double.toString(millicores / 1000.0))
                + " vCPU and " + memoryMB + " MiB";
    }
}
