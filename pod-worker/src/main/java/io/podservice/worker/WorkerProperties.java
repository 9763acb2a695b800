package io.podservice.worker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The node agent's settings ({@code pod.worker.*}). */
@ConfigurationProperties(prefix = "pod.worker")
public class WorkerProperties {

    /** This node's id in task results; defaults to the host name. */
    private String workerId = defaultWorkerId();

    /**
     * The image of the infra container that holds a pod's network namespace. Made locally by
     * {@code scripts/setup.sh} (busybox-static, {@code docker import}); pulled if missing.
     */
    private String infraImage = "pod-service/pause:1";

    /** The infra container's command: waits for ever and exits at once on SIGTERM. */
    private List<String> infraCommand = List.of("/bin/sh", "-c", "trap 'exit 0' TERM; while :; do sleep 3600 & wait $!; done");

    /**
     * The availability zone this node serves (one of its region's, as describeInstanceTypes lists
     * them), or several, comma-separated (the launcher's single node serves all of its region's).
     */
    private String availabilityZone = "cn-north-1a";

    /** CPU cores pods may use together on this node; 0: every core Docker reports. */
    private double allocatableCpu = 0;

    /** Memory pods may use together on this node, MiB; 0: what Docker reports less {@link #reservedMemoryMb}. */
    private long allocatableMemoryMb = 0;

    /** Memory kept for the node itself (Docker, the worker) when the allocatable memory is taken from Docker. */
    private long reservedMemoryMb = 1024;

    /** How many pods this node runs at most. */
    private int maxPods = 500;

    /**
     * How many times its cores the node offers to pods' instance types (OpenStack Nova's
     * cpu_allocation_ratio): 1.0 places no more vCPUs than the node has; a node whose pods are
     * mostly idle (a developer's machine) may offer more.
     */
    private double cpuAllocationRatio = 1.0;

    /** The same for memory: how many times its allocatable memory the node offers to instance types. */
    private double memoryAllocationRatio = 1.0;

    /** Labels of the node (rack, hardware, ...), shown to operators with the node. */
    private Map<String, String> nodeLabels = Map.of();

    /** How often the node tells the service it is alive (and what it offers): a {@code NodeHeartbeat}. */
    private java.time.Duration heartbeatInterval = java.time.Duration.ofSeconds(5);

    /** Labels added to every container the worker creates (tests put their run's label here). */
    private Map<String, String> extraLabels = Map.of();

    /**
     * The node's own registry credentials (else ~/.docker/config.json): for the infra image, and for
     * tenants' images only in {@link #sharedRegistries}. A tenant's image elsewhere is pulled with its
     * pod's secret or anonymously, never with these.
     */
    private List<RegistryCredential> registryCredentials = List.of();

    /**
     * Registries ({@code host[:port]}) the operator shares with every tenant: their images are
     * pulled with the node's credentials when a container names no secret. None by default.
     */
    private List<String> sharedRegistries = List.of();

    /**
     * Registries ({@code host} or {@code host:port}) a tenant's image may name although they are in a
     * loopback, link-local or private range. None by default: such an image reference is refused, so
     * a tenant cannot make the node's Docker daemon connect to the node's or its network's services.
     */
    private List<String> allowedPrivateRegistries = List.of();

    /** How long a verified right to an image already on the node (credentials, image) holds before it is checked again. */
    private java.time.Duration imageAccessTtl = java.time.Duration.ofMinutes(5);

    /**
     * What pods may reach on the node itself ({@code tcp:PORT} or {@code udp:PORT}), beyond answers to
     * connections the node opened. Nothing by default.
     */
    private List<String> podToNodeAllowed = List.of();

    /** Where pods without a subnet get their account's network on this node: blocks of this range. */
    private String accountNetworkPool = "100.64.0.0/10";

    /**
     * The size of each account's block in {@link #accountNetworkPool}: /22 by default, 1,021 pods of one
     * account on one node, about what one Linux bridge holds (1,024 ports), and 4,096 accounts per node
     * in 100.64.0.0/10. A /24 held 253 pods, fewer than one node can run.
     */
    private int accountNetworkPrefix = 22;

    /**
     * The service installation this worker belongs to: every container, volume and network it makes
     * carries the label {@code pod.cluster=<cluster>}, and it looks at nothing else, so two services on
     * one Docker daemon (a demo beside a test run) never take each other's pods for strays. The
     * launcher generates one into its data directory.
     */
    private String cluster = "default";

    public String getAvailabilityZone() {
        return availabilityZone;
    }

    public void setAvailabilityZone(String availabilityZone) {
        this.availabilityZone = availabilityZone;
    }

    public double getAllocatableCpu() {
        return allocatableCpu;
    }

    public void setAllocatableCpu(double allocatableCpu) {
        this.allocatableCpu = allocatableCpu;
    }

    public long getAllocatableMemoryMb() {
        return allocatableMemoryMb;
    }

    public void setAllocatableMemoryMb(long allocatableMemoryMb) {
        this.allocatableMemoryMb = allocatableMemoryMb;
    }

    public long getReservedMemoryMb() {
        return reservedMemoryMb;
    }

    public void setReservedMemoryMb(long reservedMemoryMb) {
        this.reservedMemoryMb = reservedMemoryMb;
    }

    public double getCpuAllocationRatio() {
        return cpuAllocationRatio;
    }

    public void setCpuAllocationRatio(double cpuAllocationRatio) {
        this.cpuAllocationRatio = cpuAllocationRatio;
    }

    public double getMemoryAllocationRatio() {
        return memoryAllocationRatio;
    }

    public void setMemoryAllocationRatio(double memoryAllocationRatio) {
        this.memoryAllocationRatio = memoryAllocationRatio;
    }

    public int getMaxPods() {
        return maxPods;
    }

    public void setMaxPods(int maxPods) {
        this.maxPods = maxPods;
    }

    public Map<String, String> getNodeLabels() {
        return nodeLabels;
    }

    public void setNodeLabels(Map<String, String> nodeLabels) {
        this.nodeLabels = Map.copyOf(nodeLabels);
    }

    public java.time.Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(java.time.Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public String getCluster() {
        return cluster;
    }

    public void setCluster(String cluster) {
        this.cluster = cluster;
    }

    /** The cgroup under which each pod gets its own, capped at its instance type ({@code /<root>/<podId>}). */
    private String cgroupRoot = "podsvc";

    /** The most processes (and threads) all containers of one pod may have at once. */
    private int podPidsLimit = 1024;

    public String getCgroupRoot() {
        return cgroupRoot;
    }

    public void setCgroupRoot(String cgroupRoot) {
        this.cgroupRoot = cgroupRoot;
    }

    public int getPodPidsLimit() {
        return podPidsLimit;
    }

    public void setPodPidsLimit(int podPidsLimit) {
        this.podPidsLimit = podPidsLimit;
    }

    /** Where the worker keeps node state of its own (subPath binds); the launcher puts it in its data directory. */
    private String stateDir = "/var/lib/pod-service/worker";

    /**
     * Storage classes: the directory whose file system holds the disks of each JD Cloud disk type
     * ({@code ssd.gp1: /mnt/nvme/disks}); a type not named here is kept under the state directory.
     */
    private Map<String, String> diskDirectories = new java.util.LinkedHashMap<>();

    public Map<String, String> getDiskDirectories() {
        return diskDirectories;
    }

    public void setDiskDirectories(Map<String, String> diskDirectories) {
        this.diskDirectories = diskDirectories;
    }

    public String getStateDir() {
        return stateDir;
    }

    public void setStateDir(String stateDir) {
        this.stateDir = stateDir;
    }

    public List<String> getPodToNodeAllowed() {
        return podToNodeAllowed;
    }

    public void setPodToNodeAllowed(List<String> podToNodeAllowed) {
        this.podToNodeAllowed = List.copyOf(podToNodeAllowed);
    }

    public String getAccountNetworkPool() {
        return accountNetworkPool;
    }

    public void setAccountNetworkPool(String accountNetworkPool) {
        this.accountNetworkPool = accountNetworkPool;
    }

    public int getAccountNetworkPrefix() {
        return accountNetworkPrefix;
    }

    public void setAccountNetworkPrefix(int accountNetworkPrefix) {
        this.accountNetworkPrefix = accountNetworkPrefix;
    }

    public List<String> getSharedRegistries() {
        return sharedRegistries;
    }

    public void setSharedRegistries(List<String> sharedRegistries) {
        this.sharedRegistries = List.copyOf(sharedRegistries);
    }

    public List<String> getAllowedPrivateRegistries() {
        return allowedPrivateRegistries;
    }

    public void setAllowedPrivateRegistries(List<String> allowedPrivateRegistries) {
        this.allowedPrivateRegistries = List.copyOf(allowedPrivateRegistries);
    }

    public java.time.Duration getImageAccessTtl() {
        return imageAccessTtl;
    }

    public void setImageAccessTtl(java.time.Duration imageAccessTtl) {
        this.imageAccessTtl = imageAccessTtl;
    }

    /** Consumer threads reading the pod events (each takes a share of the topic's partitions). */
    private int concurrency = 3;

    /**
     * Threads of the pods' workers: how many pods' tasks run at once. The tasks of one pod run one at
     * a time, in order; different pods never wait for each other while a thread is free.
     */
    private int podWorkerThreads = 16;

    /** Events handed to pods' workers and not finished yet, over every pod, before the consumer waits. */
    private int maxEventsInFlight = 512;

    /** How long a partition taken away by a rebalance waits for its running tasks before it is given up. */
    private java.time.Duration rebalanceDrainTimeout = java.time.Duration.ofSeconds(60);

    public int getPodWorkerThreads() {
        return podWorkerThreads;
    }

    public void setPodWorkerThreads(int podWorkerThreads) {
        this.podWorkerThreads = podWorkerThreads;
    }

    public int getMaxEventsInFlight() {
        return maxEventsInFlight;
    }

    public void setMaxEventsInFlight(int maxEventsInFlight) {
        this.maxEventsInFlight = maxEventsInFlight;
    }

    public java.time.Duration getRebalanceDrainTimeout() {
        return rebalanceDrainTimeout;
    }

    public void setRebalanceDrainTimeout(java.time.Duration rebalanceDrainTimeout) {
        this.rebalanceDrainTimeout = rebalanceDrainTimeout;
    }

    /** How often the worker compares what should run on the node with what Docker runs. */
    private java.time.Duration reconcileInterval = java.time.Duration.ofSeconds(30);

    public java.time.Duration getReconcileInterval() {
        return reconcileInterval;
    }

    public void setReconcileInterval(java.time.Duration reconcileInterval) {
        this.reconcileInterval = reconcileInterval;
    }

    /**
     * The base URL on which the query side reaches this node's interactive endpoints (exec, attach,
     * logs). Unset: {@code http://<advertised-host>:<the web server's port>}.
     */
    private String advertisedUrl;

    /** The host part of the default advertised URL; defaults to this machine's address. */
    private String advertisedHost = defaultHost();

    public String getAdvertisedUrl() {
        return advertisedUrl;
    }

    public void setAdvertisedUrl(String advertisedUrl) {
        this.advertisedUrl = advertisedUrl;
    }

    public String getAdvertisedHost() {
        return advertisedHost;
    }

    public void setAdvertisedHost(String advertisedHost) {
        this.advertisedHost = advertisedHost;
    }

    private static String defaultHost() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    /**
     * The prefix of this worker's iptables chains of elastic IP translation: {@code <prefix>-<6 hex
     * digits of the worker id>} in the nat table, with {@code -MASQ} and, in the filter table,
     * {@code -FWD}; at most 16 characters.
     */
    private String natChain = "PODSVC-EIP";

    /** The iptables command (the node's default backend). */
    private String iptables = "iptables";

    /**
     * The network namespace the node's Docker daemon runs in, as a path ({@code /var/run/netns/NAME}),
     * when it is not this process's own: iptables, {@code ip} and the sysctls then run there through
     * {@code nsenter}. Empty: here.
     */
    private String networkNamespace = "";

    /**
     * This node's address on the network between the nodes, where its subnets' VXLAN tunnels end
     * (the overlay that joins a subnet's pods across nodes). Empty: no overlay; a subnet's pods on
     * other nodes are out of reach.
     */
    private String overlayAddress = "";

    /** The UDP port of the VXLAN tunnels (IANA's 4789); the same on every node. */
    private int overlayPort = 4789;

    /**
     * The MTU of the pods' interfaces on an overlaid subnet: the MTU between the nodes less the 50
     * bytes of VXLAN's headers.
     */
    private int overlayMtu = 1450;

    /** A peer whose heartbeats stop for this long is no longer sent a subnet's broadcasts. */
    private java.time.Duration overlayPeerTimeout = java.time.Duration.ofMinutes(2);

    public String getNetworkNamespace() {
        return networkNamespace;
    }

    public void setNetworkNamespace(String networkNamespace) {
        this.networkNamespace = networkNamespace == null ? "" : networkNamespace.trim();
    }

    public String getOverlayAddress() {
        return overlayAddress;
    }

    public void setOverlayAddress(String overlayAddress) {
        String address = overlayAddress == null ? "" : overlayAddress.trim();
        if (!address.isEmpty() && !address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("pod.worker.overlay-address must be an IPv4 address: " + overlayAddress);
        }
        this.overlayAddress = address;
    }

    public int getOverlayPort() {
        return overlayPort;
    }

    public void setOverlayPort(int overlayPort) {
        this.overlayPort = overlayPort;
    }

    public int getOverlayMtu() {
        return overlayMtu;
    }

    public void setOverlayMtu(int overlayMtu) {
        if (overlayMtu < 576 || overlayMtu > 9000) {
            throw new IllegalArgumentException("pod.worker.overlay-mtu must be 576 to 9000: " + overlayMtu);
        }
        this.overlayMtu = overlayMtu;
    }

    public java.time.Duration getOverlayPeerTimeout() {
        return overlayPeerTimeout;
    }

    public void setOverlayPeerTimeout(java.time.Duration overlayPeerTimeout) {
        this.overlayPeerTimeout = overlayPeerTimeout;
    }

    /** Whether subnets reach across nodes: the node has an overlay address. */
    public boolean overlay() {
        return !overlayAddress.isEmpty();
    }

    public String getNatChain() {
        return natChain;
    }

    public void setNatChain(String natChain) {
        if (natChain.length() > 16) {
            throw new IllegalArgumentException("pod.worker.nat-chain must be at most 16 characters: " + natChain);
        }
        this.natChain = natChain;
    }

    public String getIptables() {
        return iptables;
    }

    public void setIptables(String iptables) {
        this.iptables = iptables;
    }

    /** Seconds a single image pull may take. */
    private int pullTimeoutSeconds = 300;

    private static String defaultWorkerId() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "worker";
        }
    }

    public String getWorkerId() {
        return workerId;
    }

    public void setWorkerId(String workerId) {
        this.workerId = workerId;
    }

    public String getInfraImage() {
        return infraImage;
    }

    public void setInfraImage(String infraImage) {
        this.infraImage = infraImage;
    }

    public List<String> getInfraCommand() {
        return infraCommand;
    }

    public void setInfraCommand(List<String> infraCommand) {
        this.infraCommand = List.copyOf(infraCommand);
    }

    public Map<String, String> getExtraLabels() {
        return extraLabels;
    }

    public void setExtraLabels(Map<String, String> extraLabels) {
        this.extraLabels = Map.copyOf(extraLabels);
    }

    public List<RegistryCredential> getRegistryCredentials() {
        return registryCredentials;
    }

    public void setRegistryCredentials(List<RegistryCredential> registryCredentials) {
        this.registryCredentials = List.copyOf(registryCredentials);
    }

    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public int getPullTimeoutSeconds() {
        return pullTimeoutSeconds;
    }

    public void setPullTimeoutSeconds(int pullTimeoutSeconds) {
        this.pullTimeoutSeconds = pullTimeoutSeconds;
    }

    /** Credentials of one registry; {@code toString} never shows the password. */
    public record RegistryCredential(String server, String username, String password) {
        @Override
        public String toString() {
            return "RegistryCredential[server=" + server + ", username=" + username + "]";
        }
    }
}
