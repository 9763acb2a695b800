package io.podservice.command.pod;

import io.podservice.api.catalog.InstanceTypeCatalog;
import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiException;
import io.podservice.events.ContainerDefinition;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodSpecParts;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The rules of a podSpec that need more than one field or the catalogs (each answered as
 * INVALID_ARGUMENT with the field's path), and the mapping of the accepted spec to the
 * {@link PodDefinition} the events record.
 */
@Component
class PodSpecValidator {

    private final InstanceTypeCatalog instanceTypes;
    private final io.podservice.command.disk.DiskRules diskRules;

    PodSpecValidator(InstanceTypeCatalog instanceTypes, io.podservice.command.disk.DiskRules diskRules) {
        this.instanceTypes = instanceTypes;
        this.diskRules = diskRules;
    }

    PodDefinition accept(RegionCatalog.Region region, PodSpec spec, String name, int maxCount, String clientToken,
                         String clientTokenDigest) {
        InstanceTypeCatalog.InstanceType type = instanceTypes.require("podSpec.instanceType", spec.instanceType());
        String az = az(region, spec.az());
        Set<String> volumeNames = volumes(spec);
        checkNetwork(spec, maxCount);
        Set<String> names = new HashSet<>();
        List<ContainerSpec> containers = spec.containers();
        double cpuRequested = 0;
        int memoryRequested = 0;
        for (int i = 0; i < containers.size(); i++) {
            ContainerSpec container = containers.get(i);
            String path = "podSpec.containers[" + i + "]";
            if (!names.add(container.name())) {
                throw invalid(path + ".name", "'" + container.name()
                        + "' is already the name of another container of the pod; container names must be unique");
            }
            checkContainer(path, container, type, volumeNames);
            PodSpecParts.Resources limits = limits(path, container, type);
            PodSpecParts.Resources requests = requests(path, container);
            cpuRequested += requests == null ? 0 : requests.cpu();
            memoryRequested += requests == null ? 0 : requests.memoryMB();
            if (limits.cpu() > type.cpu() || limits.memoryMB() > type.memoryMB()) {
                throw invalid(path + ".resources.limits", "exceeds the instance type " + type.instanceType() + " ("
                        + type.cpu() + " vCPU, " + type.memoryMB() + " MB)");
            }
        }
        checkWholeMounts(spec);
        if (cpuRequested > type.cpu() || memoryRequested > type.memoryMB()) {
            throw invalid("podSpec.containers[*].resources.requests", "add up to more than the instance type "
                    + type.instanceType() + " offers (" + type.cpu() + " vCPU, " + type.memoryMB() + " MB)");
        }
        return new PodDefinition(name, spec.description(), spec.hostname(), type.instanceType(), az, spec.agId(),
                spec.restartPolicy() == null ? "Always" : spec.restartPolicy(),
                spec.terminationGracePeriodSeconds() == null ? 30 : spec.terminationGracePeriodSeconds(),
                type.cpu(), type.memoryMB(),
                containers(containers, type),
                SpecMapping.dnsConfig(spec.dnsConfig()),
                SpecMapping.hostAliases(spec.hostAliases()),
                SpecMapping.volumes(spec.volumes()),
                tags(spec.userTags()),
                clientToken, null, null, chargeMode(spec.charge()), clientTokenDigest);
    }

    /**
     * resizePod's containers under {@code type}: one named in {@code given} takes the resources given
     * (limits not given: the type's); any other keeps limits of its own, or takes the type's when it
     * had the old type's. Checked as createPods checks them: each container's limits within the
     * type, the requests together too.
     */
    List<ContainerDefinition> resized(PodDefinition current, InstanceTypeCatalog.InstanceType type,
                                      List<PodCommands.ContainerResources> given) {
        Map<String, PodCommands.ContainerResources> byName = new java.util.LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            PodCommands.ContainerResources entry = given.get(i);
            String path = "containerResources[" + i + "]";
            if (entry == null || entry.name() == null || current.containers().stream().noneMatch(c -> c.name().equals(entry.name()))) {
                throw invalid(path + ".name", "the pod has no container " + (entry == null || entry.name() == null
                        ? "without a name" : "'" + entry.name() + "'") + "; its containers: " + String.join(", ",
                        current.containers().stream().map(ContainerDefinition::name).toList()));
            }
            if (byName.put(entry.name(), entry) != null) {
                throw invalid(path + ".name", "'" + entry.name() + "' is named twice");
            }
        }
        List<ContainerDefinition> containers = new java.util.ArrayList<>();
        double cpuRequested = 0;
        int memoryRequested = 0;
        for (int i = 0; i < current.containers().size(); i++) {
            ContainerDefinition container = current.containers().get(i);
            PodCommands.ContainerResources entry = byName.get(container.name());
            String path = entry == null ? "containers[" + i + "] ('" + container.name() + "')"
                    : "containerResources[" + given.indexOf(entry) + "].resources";
            PodSpecParts.Resources limits;
            PodSpecParts.Resources requests;
            if (entry != null) {
                ContainerSpec spec = ContainerSpec.withResources(container.name(), entry.resources());
                checkRequestsWithinLimits(path.replace(".resources", ""), spec);
                limits = limits(path.replace(".resources", ""), spec, type);
                requests = requests(path.replace(".resources", ""), spec);
            } else {
                boolean ownLimits = container.limits() != null && (container.limits().cpu() != current.cpu()
                        || container.limits().memoryMB() != current.memoryMB());
                limits = ownLimits ? container.limits() : new PodSpecParts.Resources(type.cpu(), type.memoryMB());
                requests = container.requests();
            }
            if (limits.cpu() > type.cpu() || limits.memoryMB() > type.memoryMB()) {
                throw invalid(entry != null ? path + ".limits" : path, (entry != null ? "" : "its limits (" + limits.cpu()
                        + " vCPU, " + limits.memoryMB() + " MB) ") + "exceed the instance type " + type.instanceType()
                        + " (" + type.cpu() + " vCPU, " + type.memoryMB() + " MB)" + (entry != null ? ""
                        : "; give it resources in containerResources"));
            }
            cpuRequested += requests == null ? 0 : requests.cpu();
            memoryRequested += requests == null ? 0 : requests.memoryMB();
            containers.add(container.withLimits(limits).withRequests(requests));
        }
        if (cpuRequested > type.cpu() || memoryRequested > type.memoryMB()) {
            throw invalid("containerResources[*].resources.requests", "the containers' requests add up to more than "
                    + "the instance type " + type.instanceType() + " offers (" + type.cpu() + " vCPU, "
                    + type.memoryMB() + " MB)");
        }
        return containers;
    }

    /** rebuildPod's containers as commands: names unique, probes well-formed; the aggregate checks they exist. */
    List<PodCommands.ContainerReplacement> replacements(List<RebuildContainerSpec> specs) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            String path = "containers[" + i + "]";
            if (!seen.add(specs.get(i).name())) {
                throw invalid(path + ".name", "'" + specs.get(i).name() + "' is named twice");
            }
            checkProbe(path + ".livenessProbe", specs.get(i).livenessProbe());
            checkProbe(path + ".readinessProbe", specs.get(i).readinessProbe());
            checkMountPaths(path, specs.get(i).volumeMounts());
            checkCommandLength(path, specs.get(i).command(), specs.get(i).args());
        }
        return specs.stream().map(r -> new PodCommands.ContainerReplacement(r.name(), r.image(), r.secret(), r.command(),
                r.args(), r.env() == null ? null : SpecMapping.env(r.env()), SpecMapping.probe(r.livenessProbe()),
                SpecMapping.probe(r.readinessProbe()), r.tty(), r.workingDir(),
                r.volumeMounts() == null ? null : SpecMapping.volumeMounts(r.volumeMounts()), null)).toList();
    }

    /** The charge mode (docs/billing.md), postpaid_by_duration unless given; a prepaid one's period checked. */
    private static String chargeMode(PodSpec.ChargeSpec charge) {
        String mode = charge == null || charge.chargeMode() == null ? "postpaid_by_duration" : charge.chargeMode();
        if (mode.equals("prepaid_by_duration")) {
            prepaidMonths(charge);
        }
        return mode;
    }

    /**
     * The months a prepaid pod is paid for, by JD Cloud's rules: chargeUnit month (default) with a
     * chargeDuration of 1 to 9, or year with 1 to 3 (default 1).
     */
    static int prepaidMonths(PodSpec.ChargeSpec charge) {
        boolean years = "year".equals(charge.chargeUnit());
        int duration = charge.chargeDuration() == null ? 1 : charge.chargeDuration();
        if (years ? duration < 1 || duration > 3 : duration < 1 || duration > 9) {
            throw invalid("podSpec.charge.chargeDuration", years ? "must be 1 to 3 when chargeUnit is year; got " + duration
                    : "must be 1 to 9 when chargeUnit is month; got " + duration);
        }
        return years ? duration * 12 : duration;
    }

    private static String az(RegionCatalog.Region region, String az) {
        if (az == null || az.isBlank()) {
            return region.azs().isEmpty() ? region.id() : region.azs().get(0);
        }
        if (!region.azs().contains(az)) {
            throw invalid("podSpec.az", "'" + az + "' is not an availability zone of region " + region.id() + "; zones: "
                    + String.join(", ", region.azs()));
        }
        return az;
    }

    private Set<String> volumes(PodSpec spec) {
        Set<String> names = new HashSet<>();
        List<PodSpec.VolumeSpec> volumes = spec.volumes() == null ? List.of() : spec.volumes();
        for (int i = 0; i < volumes.size(); i++) {
            PodSpec.VolumeSpec volume = volumes.get(i);
            String path = "podSpec.volumes[" + i + "]";
            if (!names.add(volume.name())) {
                throw invalid(path + ".name", "'" + volume.name() + "' names another volume too; volume names must be unique");
            }
            int sources = (volume.jdcloudDisk() == null ? 0 : 1) + (volume.emptyDir() == null ? 0 : 1)
                    + (volume.configFile() == null ? 0 : 1);
            if (sources != 1) {
                throw invalid(path, "give exactly one of jdcloudDisk, emptyDir and configFile (CFS volumes are not "
                        + "offered)");
            }
            if (volume.configFile() != null) {
                checkFileToPath(path + ".configFile", volume.configFile());
            }
            PodSpec.CloudDiskSpec disk = volume.jdcloudDisk();
            if (disk == null) {
                continue;
            }
            if (disk.sizeGB() == null && disk.volumeId() == null && disk.snapshotId() == null) {
                throw invalid(path + ".jdcloudDisk.sizeGB", "is required for a new disk (one made from no volumeId or snapshotId)");
            }
            if (disk.volumeId() != null && (disk.snapshotId() != null || disk.sizeGB() != null)) {
                throw invalid(path + ".jdcloudDisk", "an existing disk (volumeId) takes neither snapshotId nor sizeGB");
            }
            if (disk.sizeGB() != null) {
                diskRules.requireSize(path + ".jdcloudDisk.sizeGB", disk.sizeGB(),
                        io.podservice.command.disk.DiskRules.MAX_VOLUME_GB);
            }
        }
        return names;
    }

    /**
     * A config file volume is mounted whole and read-only, so that updates reach it (no subPath, as
     * Kubernetes); an emptyDir whole too, since a sub-path bound beside it would outlive its tmpfs.
     */
    private static void checkWholeMounts(PodSpec spec) {
        Set<String> configFiles = new HashSet<>();
        (spec.volumes() == null ? List.<PodSpec.VolumeSpec>of() : spec.volumes()).stream()
                .filter(v -> v.configFile() != null || v.emptyDir() != null).forEach(v -> configFiles.add(v.name()));
        for (int i = 0; i < spec.containers().size(); i++) {
            List<ContainerSpec.VolumeMountSpec> mounts = spec.containers().get(i).volumeMounts() == null ? List.of()
                    : spec.containers().get(i).volumeMounts();
            for (int j = 0; j < mounts.size(); j++) {
                if (configFiles.contains(mounts.get(j).name()) && mounts.get(j).subPath() != null
                        && !mounts.get(j).subPath().isEmpty()) {
                    throw invalid("podSpec.containers[" + i + "].volumeMounts[" + j + "].subPath", "a config file "
                            + "or emptyDir volume is mounted whole: leave subPath empty");
                }
            }
        }
    }

    /** Paths relative, inside the volume, each used once; keys each once (whether they exist is the config file's). */
    private static void checkFileToPath(String path, PodSpec.ConfigFileVolumeSpec source) {
        List<PodSpec.ConfigFileToPathSpec> items = source.fileToPath() == null ? List.of() : source.fileToPath();
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            PodSpec.ConfigFileToPathSpec item = items.get(i);
            if (item == null) {
                throw invalid(path + ".fileToPath[" + i + "]", "is required (an item with a key)");
            }
            String target = item.path() == null || item.path().isEmpty() ? item.key() : item.path();
            java.nio.file.Path normal;
            try {
                normal = java.nio.file.Path.of(target).normalize();
            } catch (java.nio.file.InvalidPathException notAPath) {
                throw invalid(path + ".fileToPath[" + i + "].path", "is not a file path: " + notAPath.getReason());
            }
            if (target.startsWith("/") || normal.startsWith("..") || normal.toString().isEmpty()
                    || java.util.Arrays.stream(target.split("/")).anyMatch(part -> part.startsWith(".."))) {
                throw invalid(path + ".fileToPath[" + i + "].path", "must be a relative path inside the volume, "
                        + "without '..'; got '" + target + "'");
            }
            if (!paths.add(normal.toString())) {
                throw invalid(path + ".fileToPath[" + i + "].path", "'" + target + "' is the path of another item too");
            }
        }
    }

    private static void checkNetwork(PodSpec spec, int maxCount) {
        PodSpec.NetworkInterfaceAttachmentSpec nic = spec.primaryNetworkInterface();
        if (nic != null) {
            PodSpec.NetworkInterfaceSpec ni = nic.networkInterface();
            String path = "podSpec.primaryNetworkInterface.networkInterface";
            if (maxCount > 1 && ni.primaryIpAddress() != null) {
                throw invalid(path + ".primaryIpAddress", "a fixed IP address needs maxCount 1, got " + maxCount);
            }
            if (ni.secondaryIpAddresses() != null && !ni.secondaryIpAddresses().isEmpty()) {
                throw invalid(path + ".secondaryIpAddresses", "secondary addresses are not supported: a pod has one "
                        + "address, its primaryIpAddress");
            }
            if (ni.secondaryIpCount() != null && ni.secondaryIpCount() > 0) {
                throw invalid(path + ".secondaryIpCount", "secondary addresses are not supported: must be 0");
            }
        }
        if (spec.elasticIp() != null && nic == null) {
            throw invalid("podSpec.elasticIp", "an elastic IP is bound to the pod's primary network interface: "
                    + "podSpec.primaryNetworkInterface is required with it");
        }
    }

    private static void checkContainer(String path, ContainerSpec container, InstanceTypeCatalog.InstanceType type,
                                       Set<String> volumeNames) {
        ContainerSpec.SystemDiskSpec disk = container.systemDisk();
        if (disk != null && disk.sizeGB() != null && disk.sizeGB() % 10 != 0) {
            throw invalid(path + ".systemDisk.sizeGB", "must be a multiple of 10 GB, got " + disk.sizeGB());
        }
        List<ContainerSpec.VolumeMountSpec> mounts = container.volumeMounts() == null ? List.of() : container.volumeMounts();
        for (int j = 0; j < mounts.size(); j++) {
            ContainerSpec.VolumeMountSpec mount = mounts.get(j);
            if (!volumeNames.contains(mount.name())) {
                throw invalid(path + ".volumeMounts[" + j + "].name", "no volume '" + mount.name() + "' in podSpec.volumes");
            }
        }
        checkMountPaths(path, mounts);
        checkCommandLength(path, container.command(), container.args());
        if (container.type() != null && !container.type().isEmpty()) {
            throw invalid(path + ".type", "'" + container.type() + "' is not supported: init containers are not offered "
                    + "by this service (leave type empty)");
        }
        if ((container.image() == null || container.image().isBlank())
                && (container.imageCacheId() == null || container.imageCacheId().isBlank())) {
            throw invalid(path + ".image", "is required, unless imageCacheId names an image cache that holds it");
        }
        checkProbe(path + ".livenessProbe", container.livenessProbe());
        checkProbe(path + ".readinessProbe", container.readinessProbe());
        checkRequestsWithinLimits(path, container);
    }

    /** A container's requests, where both are given, are within its limits. */
    private static void checkRequestsWithinLimits(String path, ContainerSpec container) {
        if (container.resources() != null && container.resources().requests() != null
                && container.resources().limits() != null) {
            ContainerSpec.ResourceAmounts requests = container.resources().requests();
            ContainerSpec.ResourceAmounts limits = container.resources().limits();
            Double requestedCpu = requests.cores(path + ".resources.requests");
            Double limitCpu = limits.cores(path + ".resources.limits");
            if (requestedCpu != null && limitCpu != null && requestedCpu > limitCpu) {
                throw invalid(path + ".resources.requests.cpu", "must not exceed resources.limits.cpu");
            }
            Integer requestedMemory = requests.megabytes(path + ".resources.requests");
            Integer limitMemory = limits.megabytes(path + ".resources.limits");
            if (requestedMemory != null && limitMemory != null && requestedMemory > limitMemory) {
                throw invalid(path + ".resources.requests.memoryMB", "must not exceed resources.limits.memoryMB");
            }
        }
    }

    /** JD Cloud's bounds: a command of at most 256 characters in all, its arguments at most 2048. */
    private static void checkCommandLength(String path, List<String> command, List<String> args) {
        if (command != null && command.stream().mapToInt(String::length).sum() > 256) {
            throw invalid(path + ".command", "must be at most 256 characters in all");
        }
        if (args != null && args.stream().mapToInt(String::length).sum() > 2048) {
            throw invalid(path + ".args", "must be at most 2048 characters in all");
        }
    }

    private static void checkMountPaths(String path, List<ContainerSpec.VolumeMountSpec> mounts) {
        Set<String> mountPaths = new HashSet<>();
        for (int j = 0; mounts != null && j < mounts.size(); j++) {
            if (!mountPaths.add(mounts.get(j).mountPath())) {
                throw invalid(path + ".volumeMounts[" + j + "].mountPath", "'" + mounts.get(j).mountPath()
                        + "' is mounted twice");
            }
        }
    }

    static void checkProbe(String path, ContainerSpec.ProbeSpec probe) {
        if (probe == null) {
            return;
        }
        int actions = (probe.exec() == null ? 0 : 1) + (probe.httpGet() == null ? 0 : 1) + (probe.tcpSocket() == null ? 0 : 1);
        if (actions != 1) {
            throw invalid(path, "must have exactly one of exec, httpGet, tcpSocket (has " + actions + ")");
        }
    }

    /** The container's requests as given, zero for a part not given; null without requests. */
    private static PodSpecParts.Resources requests(String path, ContainerSpec container) {
        ContainerSpec.ResourceAmounts requests = container.resources() == null ? null : container.resources().requests();
        if (requests == null || requests.cpu() == null && requests.memoryMB() == null) {
            return null;
        }
        Double cpu = requests.cores(path + ".resources.requests");
        Integer memory = requests.megabytes(path + ".resources.requests");
        return new PodSpecParts.Resources(cpu == null ? 0 : cpu, memory == null ? 0 : memory);
    }

    private static PodSpecParts.Resources limits(String path, ContainerSpec container,
                                                 InstanceTypeCatalog.InstanceType type) {
        ContainerSpec.ResourceAmounts limits = container.resources() == null ? null : container.resources().limits();
        Double cpu = limits == null ? null : limits.cores(path + ".resources.limits");
        Integer memory = limits == null ? null : limits.megabytes(path + ".resources.limits");
        return new PodSpecParts.Resources(cpu == null ? type.cpu() : cpu, memory == null ? type.memoryMB() : memory);
    }

    private static List<ContainerDefinition> containers(List<ContainerSpec> specs, InstanceTypeCatalog.InstanceType type) {
        List<ContainerDefinition> containers = new java.util.ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            ContainerSpec spec = specs.get(i);
            String path = "podSpec.containers[" + i + "]";
            containers.add(new ContainerDefinition(spec.name(), spec.image(), spec.command(), spec.args(),
                    SpecMapping.env(spec.env()), spec.workingDir(), Boolean.TRUE.equals(spec.tty()), spec.secret(),
                    limits(path, spec, type), SpecMapping.systemDisk(spec.systemDisk()),
                    SpecMapping.volumeMounts(spec.volumeMounts()), SpecMapping.probe(spec.livenessProbe()),
                    SpecMapping.probe(spec.readinessProbe())).withRequests(requests(path, spec)));
            if (spec.imageCacheId() != null && !spec.imageCacheId().isBlank()) {
                // the image the cache holds is filled in (and checked against this one) by ImageCaches.resolve
                containers.set(i, containers.get(i).withImageCache(spec.imageCacheId(), spec.image()));
            }
        }
        return containers;
    }

    private static Map<String, String> tags(List<PodSpec.TagSpec> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags != null) {
            for (int i = 0; i < tags.size(); i++) {
                if (out.put(tags.get(i).key(), tags.get(i).value() == null ? "" : tags.get(i).value()) != null) {
                    throw invalid("podSpec.userTags[" + i + "].key", "'" + tags.get(i).key() + "' is given twice");
                }
            }
        }
        return out;
    }

    static ApiException invalid(String field, String rule) {
        return ApiException.invalidArgument("Invalid " + field + ": " + rule);
    }
}
