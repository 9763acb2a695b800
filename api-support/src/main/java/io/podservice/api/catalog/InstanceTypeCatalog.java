package io.podservice.api.catalog;

import io.podservice.api.web.ApiException;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The instance types pods may be created with ({@code pod.instance-types}), modelled on JD Cloud's
 * families: general purpose ({@code g.n2}), compute optimized ({@code c.n2}) and memory optimized
 * ({@code m.n2}). createPods takes a pod's CPU and memory limits from here.
 */
@ConfigurationProperties(prefix = "pod")
public class InstanceTypeCatalog {

    private static final List<String> DISK_TYPES = List.of("hdd.std1", "ssd.gp1", "ssd.io1");

    private List<InstanceType> instanceTypes = List.of(
            type("g.n2", "g.n2.medium", 1, 4096, 1, "General purpose, 1 vCPU, 4 GiB"),
            type("g.n2", "g.n2.large", 2, 8192, 2, "General purpose, 2 vCPU, 8 GiB"),
            type("g.n2", "g.n2.xlarge", 4, 16384, 3, "General purpose, 4 vCPU, 16 GiB"),
            type("c.n2", "c.n2.large", 2, 4096, 2, "Compute optimized, 2 vCPU, 4 GiB"),
            type("c.n2", "c.n2.xlarge", 4, 8192, 3, "Compute optimized, 4 vCPU, 8 GiB"),
            type("m.n2", "m.n2.large", 2, 16384, 2, "Memory optimized, 2 vCPU, 16 GiB"),
            type("m.n2", "m.n2.xlarge", 4, 32768, 3, "Memory optimized, 4 vCPU, 32 GiB"));

    private static InstanceType type(String family, String name, int cpu, int memoryMB, int nicLimit, String desc) {
        return new InstanceType(family, name, cpu, memoryMB, nicLimit, desc, List.of(), DISK_TYPES);
    }

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

    /**
     * An instance type: whole vCPUs, as JD Cloud counts them. {@code states} lists its stock per availability zone; where it is empty
     * the type is in stock and online in every zone of the region.
     */
    public record InstanceType(String family, String instanceType, int cpu, int memoryMB, int nicLimit, String desc,
                               List<AzState> states, List<String> cloudDiskTypes) {
        public InstanceType {
            states = states == null ? List.of() : List.copyOf(states);
            cloudDiskTypes = cloudDiskTypes == null || cloudDiskTypes.isEmpty() ? DISK_TYPES : List.copyOf(cloudDiskTypes);
        }

        public InstanceType(String family, String instanceType, int cpu, int memoryMB, int nicLimit, String desc) {
            this(family, instanceType, cpu, memoryMB, nicLimit, desc, List.of(), DISK_TYPES);
        }

        /** The stock of this type in each zone of {@code region}. */
        public List<AzState> statesIn(RegionCatalog.Region region) {
            return region.azs().stream().map(az -> states.stream().filter(s -> s.az().equals(az)).findFirst()
                    .orElse(new AzState(az, true, true))).toList();
        }
    }

    public record AzState(String az, boolean inStock, boolean online) {
    }
}
