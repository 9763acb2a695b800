package io.podservice.worker.runtime.docker;

import io.podservice.worker.DaemonThreads;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import io.podservice.api.network.PrimaryInterfaces;
import io.podservice.events.ContainerDefinition;
import io.podservice.events.ContainerStatusReport;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodSpecParts;
import io.podservice.worker.WorkerProperties;
import io.podservice.worker.runtime.PodProgress;
import io.podservice.worker.runtime.PodRuntime;
import io.podservice.worker.runtime.PodTaskFailure;
import io.podservice.worker.runtime.RunningPod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pods on the local Docker daemon through docker-java. A pod is an infra container holding the
 * network namespace, hostname, resolv.conf and /etc/hosts, plus the user's containers joined to
 * it, so they share one IP and reach each other on localhost, like a Kubernetes pod. Containers
 * have no Docker restart policy: the worker's supervisor restarts them per the pod's policy.
 */
@Component
public class DockerPodRuntime implements PodRuntime {

    private static final Logger log = LoggerFactory.getLogger(DockerPodRuntime.class);
    private static final Map<String, String> LOG_ROTATION = Map.of("max-size", "10m", "max-file", "3");
    /**
     * Docker calls of one pod made side by side (its containers' creations, its containers' stops):
     * they wait on the daemon, not the CPU, so a thread per call.
     */
    private static final ExecutorService DOCKER_CALLS = Executors.newCachedThreadPool(
            DaemonThreads.named("pod-docker-call"));

    private final DockerClient docker;
    private final ImagePuller images;
    private final WorkerProperties properties;
    private final PodProgress progress;

    private final SubnetNetworks subnets;
    private final AccountNetworks accounts;
    private final SubPathMounts subPaths;
    private final PodCgroups cgroups;
    private final NetworkSweeps networkSweeps;
    private final OomKills oomKills;
    private final ConfigFileVolumes configFiles;
    private final io.podservice.worker.disk.NodeDisks disks;
    private final ContainerLimits limits;
    private volatile MachineResources machine;
    /**
     * Docker 20.10 (Debian 12's docker.io 20.10.24 among them) can deadlock its network controller
     * when a container leaves a network while the endpoint of another one that just left is being
     * forgotten (moby/moby#46661, fixed by moby/libnetwork#2679): it happened here when 300 pods of
     * one account were deleted 16 at a time, after which every network call of the daemon hung until
     * it was restarted (docs/operations.md). Infra containers are the only ones of a pod on a network,
     * so they leave one at a time on this node (their stops hold this lock), which leaves
     * Docker's own clean-up of one the time it takes to finish the call before the next begins.
     */
    private final java.util.concurrent.locks.ReentrantLock networkLeaves = new java.util.concurrent.locks.ReentrantLock();

    public DockerPodRuntime(DockerClient docker, ImagePuller images, WorkerProperties properties, PodProgress progress,
                            SubnetNetworks subnets, AccountNetworks accounts, SubPathMounts subPaths,
                            PodCgroups cgroups, NetworkSweeps networkSweeps, OomKills oomKills,
                            ConfigFileVolumes configFiles, ContainerLimits limits,
                            io.podservice.worker.disk.NodeDisks disks) {
        this.disks = disks;
        this.limits = limits;
        this.configFiles = configFiles;
        this.networkSweeps = networkSweeps;
        this.oomKills = oomKills;
        this.subnets = subnets;
        this.cgroups = cgroups;
        this.subPaths = subPaths;
        this.accounts = accounts;
        this.docker = docker;
        this.images = images;
        this.properties = properties;
        this.progress = progress;
    }

    @Override
    public long holdImage(String image, ContainerDefinition.RegistryAuth auth) {
        return images.pullForCache(image, auth);
    }

    @Override
    public RunningPod create(PodRef pod, PodDefinition definition) {
        List<Container> existing = withoutOtherNodes(pod.podId());
        if (!existing.isEmpty() && allRunningFor(pod.taskId(), definition, existing)) {
            log.info("pod {} already runs for task {}; reporting it again", pod.podId(), pod.taskId());
            return describe(pod.podId(), definition);
        }
        remove(existing);
        build(pod, definition, true);
        return describe(pod.podId(), definition);
    }

    @Override
    public RunningPod start(PodRef pod, PodDefinition definition) {
        List<Container> existing = containersOf(pod.podId());
        if (existing.size() != definition.containers().size() + 1) {
            log.info("pod {} is incomplete on this node ({} containers); creating it anew", pod.podId(), existing.size());
            return create(pod, definition);
        }
        // the pod's budget and each container's limits as the definition says them now (resizePod changes
        // them while the pod is stopped)
        cgroups.prepare(pod.podId(), definition.cpu(), definition.memoryMB());
        startInfra(PodContainers.infraName(pod.podId()), definition);
        attachDisks(pod.podId(), definition);
        Map<String, String> volumes = volumesOf(pod.podId(), definition);
        for (ContainerDefinition container : definition.containers()) {
            String name = PodContainers.containerName(pod.podId(), container.name());
            limits.apply(name, container.limits() != null ? container.limits()
                    : new PodSpecParts.Resources(definition.cpu(), definition.memoryMB()));
            // subPaths are checked and pinned again at every start
            bindSubPaths(pod.podId(), container, volumes);
            start(name, name);
        }
        return describe(pod.podId(), definition);
    }

    @Override
    public List<ContainerStatusReport> rebuild(PodRef pod, PodDefinition definition) {
        List<Container> existing = containersOf(pod.podId());
        stopAll(existing, 0);
        remove(existing);
        build(pod, definition, false);
        return inspect(pod.podId(), definition);
    }

    @Override
    public List<ContainerStatusReport> stop(String podId, int gracePeriodSeconds) {
        List<Container> containers = containersOf(podId);
        stopAll(containers.stream().filter(c -> !isInfra(c)).toList(), gracePeriodSeconds);
        stopAll(containers.stream().filter(DockerPodRuntime::isInfra).toList(), 0);
        List<ContainerStatusReport> statuses = new ArrayList<>();
        for (Container container : containers) {
            if (!isInfra(container)) {
                String name = container.getLabels().get(PodContainers.LABEL_CONTAINER);
                statuses.add(ContainerStates.of(name, docker.inspectContainerCmd(container.getId()).exec(), false,
                        oomKills));
            }
        }
        return statuses;
    }

    @Override
    public void delete(String podId, int gracePeriodSeconds) {
        List<Container> containers = containersOf(podId);
        stopAll(containers.stream().filter(c -> !isInfra(c)).toList(), gracePeriodSeconds);
        remove(containers);
        List<InspectVolumeResponse> volumes = docker.listVolumesCmd()
                .withFilter("label", java.util.stream.Stream.concat(Stream.of(PodContainers.LABEL_POD_ID + "=" + podId,
                        PodContainers.LABEL_AUTO_DELETE + "=true"), PodContainers.ownershipFilter(properties).stream()).toList())
                .exec().getVolumes();
        for (InspectVolumeResponse volume : volumes == null ? List.<InspectVolumeResponse>of() : volumes) {
            try {
                docker.removeVolumeCmd(volume.getName()).exec();
            } catch (NotFoundException gone) {
                // removed meanwhile
            }
        }
        subPaths.release(podId);
        configFiles.release(podId);
        disks.release(podId);
        cgroups.release(podId);
        networkSweeps.request();
    }

    @Override
    public List<ContainerStatusReport> inspect(String podId, PodDefinition definition) {
        List<ContainerStatusReport> statuses = new ArrayList<>();
        for (ContainerDefinition container : definition.containers()) {
            try {
                InspectContainerResponse inspected =
                        docker.inspectContainerCmd(PodContainers.containerName(podId, container.name())).exec();
                statuses.add(ContainerStates.of(container.name(), inspected, container.readinessProbe() == null,
                        oomKills));
            } catch (NotFoundException absent) {
                // not on this node
            }
        }
        return statuses;
    }

    @Override
    public void startContainer(String podId, PodDefinition definition, String container) {
        String name = PodContainers.containerName(podId, container);
        attachDisks(podId, definition);
        definition.containers().stream().filter(c -> c.name().equals(container)).findFirst()
                .ifPresent(c -> bindSubPaths(podId, c, volumesOf(podId, definition)));
        start(name, name);
    }

    private static boolean isConfigFile(PodDefinition definition, String volume) {
        return definition.volumes().stream().anyMatch(v -> v.name().equals(volume) && v.configFile() != null);
    }

    /**
     * Volume name to what the containers mount: a Docker volume's name, or for a cloud disk the
     * absolute path of the directory it is mounted on (Docker volume names never begin with '/').
     */
    private Map<String, String> volumesOf(String podId, PodDefinition definition) {
        Map<String, String> volumes = new HashMap<>();
        definition.volumes().forEach(v -> volumes.put(v.name(), isCloudDisk(v)
                ? disks.directory(v.jdcloudDisk().volumeId()).toString() : PodContainers.volumeName(podId, v.name())));
        return volumes;
    }

    /** A data volume on a cloud disk of the service (one with its disk id; a pod from before disks had none). */
    private static boolean isCloudDisk(PodSpecParts.Volume volume) {
        return volume.jdcloudDisk() != null && volume.jdcloudDisk().volumeId() != null;
    }

    /** Mounts the pod's cloud disks (again: after the node restarted, they are not). */
    private void attachDisks(String podId, PodDefinition definition) {
        definition.volumes().stream().filter(DockerPodRuntime::isCloudDisk)
                .forEach(v -> disks.attach(podId, v.jdcloudDisk()));
    }

    @Override
    public void stopContainer(String podId, String container, int gracePeriodSeconds) {
        stopOne(PodContainers.containerName(podId, container), gracePeriodSeconds);
    }

    @Override
    public OptionalInt exec(String podId, String container, List<String> command, int timeoutSeconds) {
        String target = container == null ? PodContainers.infraName(podId) : PodContainers.containerName(podId, container);
        String execId = docker.execCreateCmd(target).withCmd(command.toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        try {
            boolean finished = docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>())
                    .awaitCompletion(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                return OptionalInt.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
        Long exitCode = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode.intValue());
    }

    @Override
    public boolean infraRunning(String podId) {
        try {
            return Boolean.TRUE.equals(docker.inspectContainerCmd(PodContainers.infraName(podId)).exec().getState().getRunning());
        } catch (NotFoundException absent) {
            return false;
        }
    }

    @Override
    public Set<String> podsOnNode() {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(PodContainers.ownership(properties)).exec().stream()
                .filter(this::ofThisNode)
                .map(c -> c.getLabels().get(PodContainers.LABEL_POD_ID))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    @Override
    public MachineResources machine() {
        MachineResources known = machine;
        if (known == null) {
            // the daemon's machine does not change while it runs: asked once
            var info = docker.infoCmd().exec();
            known = new MachineResources(info.getNCPU() == null ? 1 : info.getNCPU(),
                    info.getMemTotal() == null ? 0 : info.getMemTotal() / (1024 * 1024));
            machine = known;
        }
        return known;
    }

    /** Pulls the images, makes the volumes and the containers; starts them when asked. Leaves nothing on failure. */
    private void build(PodRef pod, PodDefinition definition, boolean startThem) {
        try {
            images.ensureNodeImage(properties.getInfraImage());
            for (ContainerDefinition container : definition.containers()) {
                Runnable pulling = () -> progress.pulling(pod, definition, container.name(), container.image());
                if (container.imageCacheId() != null) {
                    images.ensureCachedImage(container.image(), container.registryAuth(), pulling);
                } else {
                    images.ensureTenantImage(container.image(), container.registryAuth(), pulling);
                }
            }
            Map<String, String> volumes = ensureVolumes(pod, definition);
            // the instance type is the whole pod's budget: one cgroup for all its containers
            String cgroupParent = cgroups.prepare(pod.podId(), definition.cpu(), definition.memoryMB());
            // the containers are made while the infra container starts (Docker sets up its network meanwhile)
            List<CompletableFuture<String>> made = new ArrayList<>();
            try {
                createInfra(pod, definition, cgroupParent, startThem, infraId -> definition.containers().forEach(
                        container -> made.add(CompletableFuture.supplyAsync(() -> createContainer(pod, definition,
                                container, infraId, volumes, cgroupParent), DOCKER_CALLS))));
            } finally {
                // whatever happens, nothing is still being made when this returns or cleans up
                CompletableFuture.allOf(made.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
            }
            for (int i = 0; i < made.size(); i++) {
                String id;
                try {
                    id = made.get(i).join();
                } catch (CompletionException failed) {
                    throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
                }
                if (startThem) {
                    start(id, PodContainers.containerName(pod.podId(), definition.containers().get(i).name()));
                }
            }
        } catch (RuntimeException e) {
            // nothing half-done is left behind: a pod that cannot run keeps no containers
            remove(containersOf(pod.podId()));
            throw e instanceof PodTaskFailure failure ? failure
                    : new PodTaskFailure("ContainerCreateFailed", DockerErrors.message(e), e);
        }
    }

    /**
     * One named Docker volume per volume of the pod; returns volume name to Docker volume name. A
     * cloud disk's is kept across stops (and after the pod with autoDelete false). An emptyDir's is a
     * tmpfs of its size (the kernel refuses writes past it), mounted while the pod's infra container
     * runs, so its content outlives container restarts, not the pod's stop.
     */
    private Map<String, String> ensureVolumes(PodRef pod, PodDefinition definition) {
        Map<String, String> names = new HashMap<>();
        for (PodSpecParts.Volume volume : definition.volumes()) {
            if (volume.configFile() != null) {
                // a directory of this node, bound into the containers (ConfigFileVolumes), not a Docker volume
                configFiles.prepare(pod.podId(), pod.regionId(), pod.accountId(), volume.name(), volume.configFile());
                continue;
            }
            if (isCloudDisk(volume)) {
                // a block device of the disk's size, mounted on this node and bound into the containers (NodeDisks)
                names.put(volume.name(), disks.attach(pod.podId(), volume.jdcloudDisk()).toString());
                continue;
            }
            String dockerName = PodContainers.volumeName(pod.podId(), volume.name());
            try {
                docker.inspectVolumeCmd(dockerName).exec();
            } catch (NotFoundException absent) {
                Map<String, String> labels = new HashMap<>(properties.getExtraLabels());
                labels.put(PodContainers.LABEL_POD_ID, pod.podId());
                labels.put(PodContainers.LABEL_VOLUME, volume.name());
                labels.putAll(PodContainers.ownership(properties));
                labels.put(PodContainers.LABEL_AUTO_DELETE, Boolean.toString(volume.emptyDir() != null
                        || volume.jdcloudDisk() != null && Boolean.TRUE.equals(volume.jdcloudDisk().autoDelete())));
                var create = docker.createVolumeCmd().withName(dockerName).withLabels(labels);
                if (volume.emptyDir() != null) {
                    create.withDriver("local").withDriverOpts(Map.of("type", "tmpfs", "device", "tmpfs",
                            "o", "size=" + volume.emptyDir().sizeMB() + "m,mode=1777"));
                }
                create.exec();
            }
            names.put(volume.name(), dockerName);
        }
        return names;
    }

    /**
     * The infra container, made (and started, when asked) while its network cannot be removed;
     * {@code onCreated} is told its id as soon as it exists, before its start.
     */
    private String createInfra(PodRef pod, PodDefinition definition, String cgroupParent, boolean startIt,
                               java.util.function.Consumer<String> onCreated) {
        HostConfig host = HostConfig.newHostConfig()
                .withCgroupParent(cgroupParent)
                // the pod's emptyDir volumes stay mounted as long as the pod runs, whichever container restarts
                .withMounts(definition.volumes().stream().filter(v -> v.emptyDir() != null)
                        .map(v -> new Mount().withType(MountType.VOLUME)
                                .withSource(PodContainers.volumeName(pod.podId(), v.name()))
                                .withTarget("/.pod-empty-dir/" + v.name()))
                        .toList())
                .withIpcMode("shareable")
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, LOG_ROTATION))
                .withRestartPolicy(RestartPolicy.noRestart())
                .withExtraHosts(definition.hostAliases().stream()
                        .flatMap(alias -> alias.hostnames().stream().map(name -> name + ":" + alias.ip()))
                        .toArray(String[]::new));
        PodSpecParts.DnsConfig dns = definition.dnsConfig();
        if (dns != null) {
            if (!dns.nameservers().isEmpty()) {
                host.withDns(dns.nameservers());
            }
            if (!dns.searches().isEmpty()) {
                host.withDnsSearch(dns.searches());
            }
            if (!dns.options().isEmpty()) {
                host.withDnsOptions(dns.options().stream()
                        .map(o -> o.value() == null || o.value().isEmpty() ? o.name() : o.name() + ":" + o.value())
                        .toList());
            }
        }
        PodSpecParts.NetworkInterface nic = definition.network();
        if (nic == null) {
            // no subnet: the account's own network on this node, never a bridge shared with other accounts
            return accounts.joining(pod.accountId(), (network, remake) -> startedIf(startIt, definition, onCreated,
                    remake, createInfra(pod, definition, host.withNetworkMode(network), null)));
        }
        // the pod's primary interface: its subnet's network, at the address the service assigned
        return subnets.joining(nic, (network, remake) -> startedIf(startIt, definition, onCreated, remake,
                createInfra(pod, definition, host.withNetworkMode(network), nic.privateIpAddress())));
    }

    private String startedIf(boolean startIt, PodDefinition definition, java.util.function.Consumer<String> onCreated,
                             Runnable remakeNetwork, String infraId) {
        onCreated.accept(infraId);
        if (startIt) {
            try {
                docker.startContainerCmd(infraId).exec();
            } catch (NotFoundException networkGone) {
                // the container exists (just made): what Docker did not find is its network
                remakeNetwork.run();
                start(infraId, infraId);
            }
            applyDnsConfig(infraId, definition);
        }
        return infraId;
    }

    private String createInfra(PodRef pod, PodDefinition definition, HostConfig host, String address) {
        try (CreateContainerCmd cmd = docker.createContainerCmd(ImageReference.parse(properties.getInfraImage()).fullName())) {
            cmd.withName(PodContainers.infraName(pod.podId()))
                    .withHostName(definition.hostname() != null ? definition.hostname() : definition.name())
                    .withCmd(properties.getInfraCommand())
                    .withLabels(labels(pod, PodContainers.INFRA))
                    .withHostConfig(host);
            if (address != null) {
                // the subnet's interface has the address the service assigned and the MAC describePod shows
                cmd.withIpv4Address(address).withMacAddress(PrimaryInterfaces.macAddress(address));
            }
            return cmd.exec().getId();
        }
    }

    private String createContainer(PodRef pod, PodDefinition definition, ContainerDefinition container, String infraId,
                                   Map<String, String> volumes, String cgroupParent) {
        PodSpecParts.Resources limits = container.limits() != null ? container.limits()
                : new PodSpecParts.Resources(definition.cpu(), definition.memoryMB());
        HostConfig host = HostConfig.newHostConfig()
                .withCgroupParent(cgroupParent)
                .withNetworkMode("container:" + infraId)
                .withIpcMode("container:" + infraId)
                .withNanoCPUs(Math.round(limits.cpu() * 1_000_000_000L))
                .withMemory((long) limits.memoryMB() * 1024 * 1024)
                // no swap beyond the limit, so a process over its memory is OOM-killed, as on a VM
                .withMemorySwap((long) limits.memoryMB() * 1024 * 1024)
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, LOG_ROTATION))
                .withRestartPolicy(RestartPolicy.noRestart());
        List<Mount> mounts = new ArrayList<>();
        List<Bind> binds = new ArrayList<>();
        Map<Integer, String> subPathBinds = bindSubPaths(pod.podId(), container, volumes);
        for (int i = 0; i < container.volumeMounts().size(); i++) {
            PodSpecParts.VolumeMount mount = container.volumeMounts().get(i);
            if (isConfigFile(definition, mount.name())) {
                // read-only whatever the mount says: the files are the config file's, updated by the node
                binds.add(new Bind(configFiles.directory(pod.podId(), mount.name()).toString(),
                        new Volume(mount.mountPath()), com.github.dockerjava.api.model.AccessMode.ro));
            } else if ((mount.subPath() == null || mount.subPath().isBlank()) && volumes.get(mount.name()).startsWith("/")) {
                // a cloud disk's directory
                binds.add(new Bind(volumes.get(mount.name()), new Volume(mount.mountPath()),
                        mount.readOnly() ? com.github.dockerjava.api.model.AccessMode.ro
                                : com.github.dockerjava.api.model.AccessMode.rw));
            } else if (mount.subPath() == null || mount.subPath().isBlank()) {
                mounts.add(new Mount().withType(MountType.VOLUME).withSource(volumes.get(mount.name()))
                        .withTarget(mount.mountPath()).withReadOnly(mount.readOnly()));
            } else {
                // Docker 20.10 has no volume subpath: bind the sub-directory, pinned through no link (SubPathMounts)
                binds.add(new Bind(subPathBinds.get(i), new Volume(mount.mountPath()),
                        mount.readOnly() ? com.github.dockerjava.api.model.AccessMode.ro
                                : com.github.dockerjava.api.model.AccessMode.rw));
            }
        }
        host.withMounts(mounts).withBinds(binds);
        try (CreateContainerCmd cmd = docker.createContainerCmd(ImageReference.parse(container.image()).fullName())) {
            cmd.withName(PodContainers.containerName(pod.podId(), container.name()))
                    .withLabels(labels(pod, container.name()))
                    .withEnv(container.env().stream().map(e -> e.name() + "=" + Objects.toString(e.value(), "")).toList())
                    .withTty(container.tty())
                    .withStdinOpen(container.tty())
                    .withHostConfig(host);
            // Kubernetes semantics, as JD Cloud's: command replaces the entrypoint, args the image's CMD
            if (!container.command().isEmpty()) {
                cmd.withEntrypoint(container.command());
            }
            if (!container.args().isEmpty()) {
                cmd.withCmd(container.args());
            }
            if (container.workingDir() != null && !container.workingDir().isBlank()) {
                cmd.withWorkingDir(container.workingDir());
            }
            return cmd.exec().getId();
        }
    }

    /** Binds (again) each subPath mount of the container; mount index to the host directory Docker binds. */
    private Map<Integer, String> bindSubPaths(String podId, ContainerDefinition container, Map<String, String> volumes) {
        Map<Integer, String> binds = new HashMap<>();
        for (int i = 0; i < container.volumeMounts().size(); i++) {
            PodSpecParts.VolumeMount mount = container.volumeMounts().get(i);
            if (mount.subPath() != null && !mount.subPath().isBlank()) {
                String source = volumes.get(mount.name());
                String data = source.startsWith("/") ? source : docker.inspectVolumeCmd(source).exec().getMountpoint();
                binds.put(i, subPaths.bind(podId, container.name(), i, source.startsWith("/")
                        ? Path.of(source).getFileName().toString() : source, data, mount.subPath()));
            }
        }
        return binds;
    }

    private Map<String, String> withOwnership(Map<String, String> labels) {
        Map<String, String> all = new HashMap<>(labels);
        all.putAll(PodContainers.ownership(properties));
        return all;
    }

    /** The infra container first: it holds the network and the resolv.conf every container of the pod reads. */
    private void startInfra(String idOrName, PodDefinition definition) {
        start(idOrName, idOrName);
        applyDnsConfig(idOrName, definition);
    }

    /** The pod's dnsConfig into the resolv.conf the infra container holds for all its containers. */
    private void applyDnsConfig(String idOrName, PodDefinition definition) {
        if (definition.dnsConfig() != null) {
            ResolvConf.apply(docker.inspectContainerCmd(idOrName).exec().getResolvConfPath(), definition.dnsConfig());
        }
    }

    private void start(String id, String name) {
        try {
            docker.startContainerCmd(id).exec();
        } catch (NotModifiedException alreadyRunning) {
            // started before: starting is idempotent
        } catch (RuntimeException e) {
            throw new PodTaskFailure("ContainerCannotRun", "Container " + name + " cannot start: " + DockerErrors.message(e), e);
        }
    }

    /**
     * {@code docker stop} of every container at once (SIGTERM, SIGKILL after the grace period),
     * so a pod's stop takes one grace period, not one per container.
     */
    private void stopAll(List<Container> containers, int gracePeriodSeconds) {
        List<CompletableFuture<Void>> stops = containers.stream()
                .filter(DockerPodRuntime::isUp)
                .map(c -> CompletableFuture.runAsync(() -> leaving(c, () -> stopOne(c.getId(), gracePeriodSeconds)),
                        DOCKER_CALLS))
                .toList();
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw new PodTaskFailure("StopFailed", DockerErrors.message(e.getCause()), e.getCause());
        }
    }

    /** Runs {@code step} (a stop of {@code container}) alone if it takes an infra container off its network. */
    private void leaving(Container container, Runnable step) {
        if (!isInfra(container)) {
            step.run();
            return;
        }
        networkLeaves.lock();
        try {
            step.run();
        } finally {
            networkLeaves.unlock();
        }
    }

    private void stopOne(String containerId, int gracePeriodSeconds) {
        try {
            docker.stopContainerCmd(containerId).withTimeout(gracePeriodSeconds).exec();
        } catch (NotFoundException | NotModifiedException gone) {
            // removed or stopped meanwhile
        }
    }

    private RunningPod describe(String podId, PodDefinition definition) {
        InspectContainerResponse infra = docker.inspectContainerCmd(PodContainers.infraName(podId)).exec();
        return new RunningPod(ipOf(infra), ContainerStates.time(infra.getState().getStartedAt()), inspect(podId, definition));
    }

    private static String ipOf(InspectContainerResponse infra) {
        if (infra.getNetworkSettings() == null || infra.getNetworkSettings().getNetworks() == null) {
            return null;
        }
        return infra.getNetworkSettings().getNetworks().values().stream()
                .map(ContainerNetwork::getIpAddress)
                .filter(ip -> ip != null && !ip.isBlank())
                .findFirst().orElse(null);
    }

    private static boolean allRunningFor(String taskId, PodDefinition definition, List<Container> existing) {
        long running = existing.stream()
                .filter(c -> taskId.equals(c.getLabels().get(PodContainers.LABEL_TASK)))
                .filter(c -> "running".equals(c.getState()))
                .count();
        return running == definition.containers().size() + 1;
    }

    /** The pod's containers that this node made (or that name no node: made before nodes were labelled). */
    private List<Container> containersOf(String podId) {
        return allContainersOf(podId).stream().filter(this::ofThisNode).toList();
    }

    /** Every container of the pod on this daemon, whichever node made it. */
    private List<Container> allContainersOf(String podId) {
        return docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(withOwnership(Map.of(PodContainers.LABEL_POD_ID, podId)))
                .exec();
    }

    private boolean ofThisNode(Container container) {
        String node = container.getLabels().get(PodContainers.LABEL_NODE);
        return node == null || node.equals(properties.getWorkerId());
    }

    /**
     * The pod's containers that this node made, listed once; those another node made on this Docker
     * daemon (nodes sharing one daemon, as the tests' do, after the pod moved off a lost or drained
     * node) hold the pod's names, so they are removed first.
     */
    private List<Container> withoutOtherNodes(String podId) {
        java.util.Map<Boolean, List<Container>> byNode = allContainersOf(podId).stream()
                .collect(Collectors.partitioningBy(this::ofThisNode));
        List<Container> others = byNode.get(false);
        if (!others.isEmpty()) {
            log.info("pod {}: removing {} container(s) another node left on this daemon", podId, others.size());
            stopAll(others.stream().filter(c -> !isInfra(c)).toList(), 0);
            remove(others);
        }
        return byNode.get(true);
    }

    private void remove(List<Container> containers) {
        // user containers first: they live in the infra container's namespace
        containers.stream()
                .sorted((a, b) -> Boolean.compare(isInfra(a), isInfra(b)))
                .forEach(c -> {
                    if (isInfra(c) && isUp(c)) {
                        // it leaves its network when it stops: that alone, the removal of its files need not wait
                        leaving(c, () -> stopOne(c.getId(), 0));
                    }
                    try {
                        docker.removeContainerCmd(c.getId()).withForce(true).exec();
                    } catch (NotFoundException gone) {
                        // already removed
                    }
                });
    }

    /** Whether the container runs (or Docker is restarting it): a stop has something to do. */
    private static boolean isUp(Container container) {
        return "running".equals(container.getState()) || "restarting".equals(container.getState());
    }

    private static boolean isInfra(Container container) {
        return PodContainers.INFRA.equals(container.getLabels().get(PodContainers.LABEL_CONTAINER));
    }

    private Map<String, String> labels(PodRef pod, String container) {
        Map<String, String> labels = new HashMap<>(properties.getExtraLabels());
        labels.put(PodContainers.LABEL_POD_ID, pod.podId());
        labels.put(PodContainers.LABEL_CONTAINER, container);
        labels.put(PodContainers.LABEL_REGION, pod.regionId());
        labels.put(PodContainers.LABEL_TASK, pod.taskId());
        labels.put(PodContainers.LABEL_NODE, properties.getWorkerId());
        labels.putAll(PodContainers.ownership(properties));
        return labels;
    }
}
