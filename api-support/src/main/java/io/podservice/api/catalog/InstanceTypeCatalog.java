package io.podservice.api.catalog;

import io.podservice.api.web.ApiException;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The instance types pods may be created with ({@code pod.instance-types}), modelled on JD Cloud's
 * families. createPods takes a pod's CPU and memory limits from here.
 */
@ConfigurationProperties(prefix = "pod")
public class InstanceTypeCatalog {

    private List<InstanceType> instanceTypes = List.of(
            new InstanceType("g.n2", "g.n2.medium", 1, 4096, 1, "General purpose, 1 vCPU 4 GiB"),
            new InstanceType("g.n2", "g.n2.large", 2, 8192, 2, "General purpose, 2 vCPU 8 GiB"),
            new InstanceType("c.n2", "c.n2.large", 2, 4096, 2, "Compute optimized, 2 vCPU 4 GiB"),
            new InstanceType("m.n2", "m.n2.large", 2, 16384, 2, "Memory optimized, 2 vCPU 16 GiB"));

    public List<InstanceType> getInstanceTypes() {
        return instanceTypes;
    }

    public void setInstanceTypes(List<InstanceType> instanceTypes) {
        this.instanceTypes = List.copyOf(instanceTypes);
    }

    public Optional<InstanceType> find(String name) {
        return instanceTypes.stream().filter(t -> t.instanceType().equals(name)).findFirst();
    }

    /** The type, or INVALID_ARGUMENT naming the field and the types that exist. */
    public InstanceType require(String field, String name) {
        return find(name).orElseThrow(() -> ApiException.invalidArgument("Invalid " + field + ": '" + name
                + "' is not a known instance type; known types: "
                + String.join(", ", instanceTypes.stream().map(InstanceType::instanceType).toList())));
    }

    public record InstanceType(String family, String instanceType, double cpu, int memoryMB, int nicLimit, String desc) {
    }
}
