package io.podservice.events;

import java.util.List;

/**
 * The value types a {@link PodDefinition} is made of, as the events record them. Lists are
 * never null; absent optional parts are null. Field names follow the API's where they mean the same.
 */
public final class PodSpecParts {

    private PodSpecParts() {
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    public record DnsConfig(List<String> nameservers, List<String> searches, List<DnsOption> options) {
        public DnsConfig {
            nameservers = list(nameservers);
            searches = list(searches);
            options = list(options);
        }
    }

    public record DnsOption(String name, String value) {
    }

    public record HostAlias(List<String> hostnames, String ip) {
        public HostAlias {
            hostnames = list(hostnames);
        }
    }

    /** A volume of the pod: a cloud disk, an emptyDir or a config file (null for the others). */
    public record Volume(String name, Disk jdcloudDisk, EmptyDir emptyDir, ConfigFileSource configFile) {

        /** The same volume on cloud disk {@code disk}. */
        public Volume withDisk(Disk disk) {
            return new Volume(name, disk, emptyDir, configFile);
        }
    }

    /**
     * The files of the account's config file {@code name} (JD Cloud's ConfigFileVolumeSource): every key
     * as a file of its name, or only the keys of {@code fileToPath} at their paths; modes are octal
     * strings ("0644"), {@code defaultMode} for the files without one.
     */
    public record ConfigFileSource(String name, String defaultMode, java.util.List<ConfigFileToPath> fileToPath) {
    }

    public record ConfigFileToPath(String key, String path, String mode) {
    }

    /** Scratch space shared by the pod's containers while it runs, {@code sizeMB} at most (JD Cloud's EmptyDirVolumeSource). */
    public record EmptyDir(int sizeMB) {
    }

    /**
     * A cloud disk; {@code category} ({@code cloud} or {@code local}) only for a container's system disk.
     * A data volume's {@code volumeId} is the disk's id: the existing disk it names, or the one the
     * service made for the pod (from {@code snapshotId} when given).
     */
    public record Disk(String volumeId, String snapshotId, String diskType, Integer sizeGB, String fsType,
                       Boolean formatVolume, Integer iops, Boolean autoDelete, String category) {

        /** The same disk as disk {@code diskId} of {@code size} GB. */
        public Disk withId(String diskId, Integer size) {
            return new Disk(diskId, snapshotId, diskType, size, fsType, formatVolume, iops, autoDelete, category);
        }
    }

    public record VolumeMount(String name, String mountPath, boolean readOnly, String subPath) {
    }

    /** CPU (cores) and memory (MiB) a container may use; resolved from its resources or the instance type. */
    public record Resources(double cpu, int memoryMB) {
    }

    public record Probe(int initialDelaySeconds, int periodSeconds, int timeoutSeconds, int failureThreshold,
                        int successThreshold, ExecAction exec, HttpGetAction httpGet, TcpSocketAction tcpSocket) {
    }

    public record ExecAction(List<String> command) {
        public ExecAction {
            command = list(command);
        }
    }

    public record HttpGetAction(String scheme, String host, int port, String path, List<HttpHeader> httpHeader) {
        public HttpGetAction {
            httpHeader = list(httpHeader);
        }
    }

    public record HttpHeader(String name, String value) {
    }

    public record TcpSocketAction(int port) {
    }

    /**
     * The pod's primary network interface: its subnet (and that subnet's VPC and CIDR, so a node
     * needs nothing else to make the network), the private address the service assigned, and the
     * security groups it belongs to.
     */
    public record NetworkInterface(String vpcId, String subnetId, String subnetCidr, String privateIpAddress,
                                   List<String> securityGroupIds, String networkInterfaceName, String description,
                                   boolean autoDelete, int vni) {
        public NetworkInterface {
            securityGroupIds = list(securityGroupIds);
        }
    }

    /**
     * An elastic IP bound to the pod's primary interface, with the ingress rules in force when it was
     * bound: {@code filtered} false lets everything in (the pod has no security group).
     */
    public record ElasticIpBinding(String elasticIpId, String elasticIpAddress, boolean filtered,
                                   List<SecurityGroupRule> ingressRules) {
        public ElasticIpBinding {
            ingressRules = list(ingressRules);
        }
    }

    /**
     * A security group rule (an ALLOW rule: the only action offered). direction 0 ingress, 1 egress;
     * protocol 300 all, 6 TCP, 17 UDP, 1 ICMP; ports [fromPort, toPort] for TCP and UDP (0
     * otherwise); priority [1, 100] as given (null: JD Cloud's default), which among ALLOW rules
     * changes nothing.
     */
    public record SecurityGroupRule(String ruleId, int direction, int protocol, String addressPrefix, int fromPort,
                                    int toPort, String description, Integer priority) {
    }
}
