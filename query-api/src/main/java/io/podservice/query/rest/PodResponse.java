package io.podservice.query.rest;

import io.podservice.api.network.PrimaryInterfaces;
import io.podservice.api.web.ResourceQuantities;
import io.podservice.events.ContainerDefinition;
import io.podservice.events.ContainerStatusReport;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodPhase;
import io.podservice.events.PodSpecParts;
import io.podservice.query.nodes.NodeStates;
import io.podservice.query.pods.PodView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Pod shape of the API (describePod's {@code result.pod}), built from a {@link PodView}. */
record PodResponse(
        String podId,
        String name,
        String description,
        String az,
        String hostname,
        Ag ag,
        String instanceType,
        String restartPolicy,
        Integer terminationGracePeriodSeconds,
        String vpcId,
        String subnetId,
        String privateIpAddress,
        PodSpecParts.DnsConfig dnsConfig,
        LogConfig logConfig,
        List<PodSpecParts.HostAlias> hostAliases,
        List<PodSpecParts.Volume> volumes,
        List<Container> containers,
        PodStatus podStatus,
        ElasticIp elasticIp,
        NetworkInterfaceAttachment primaryNetworkInterface,
        List<Tag> tags,
        Charge charge,
        Instant createTime) {

    /**
     * The pod as the API shows it; {@code groupNames} names the security groups of its interface,
     * {@code node} is the state of the node it is placed on (null when not known).
     */
    static PodResponse of(PodView view, Map<String, String> groupNames, NodeStates.NodeState node,
                          io.podservice.query.pods.PrepaidPeriods.Period prepaid, Instant arrearRetireAt) {
        PodDefinition definition = view.definition();
        Map<String, ContainerStatusReport> statuses = view.containerStatuses().stream()
                .collect(Collectors.toMap(ContainerStatusReport::name, Function.identity(), (a, b) -> b));
        PodSpecParts.NetworkInterface nic = definition.network();
        PodSpecParts.ElasticIpBinding eip = definition.elasticIp();
        return new PodResponse(view.podId(), definition.name(), definition.description(), definition.az(),
                definition.hostname(), definition.agId() == null ? null : new Ag(definition.agId()),
                definition.instanceType(), definition.restartPolicy(),
                definition.terminationGracePeriodSeconds(),
                nic == null ? null : nic.vpcId(), nic == null ? null : nic.subnetId(),
                nic == null ? view.podIp() : nic.privateIpAddress(),
                definition.dnsConfig(), new LogConfig("default"),
                definition.hostAliases(), definition.volumes(),
                definition.containers().stream().map(c -> Container.of(c, statuses.get(c.name()), view)).toList(),
                PodStatus.of(view, node),
                eip == null ? null : new ElasticIp(eip.elasticIpId(), eip.elasticIpAddress()),
                nic == null ? null : NetworkInterfaceAttachment.of(view, nic, eip, groupNames),
                definition.userTags().entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toList(),
                prepaid == null ? new Charge(definition.chargeMode() == null ? "postpaid_by_duration"
                        : definition.chargeMode(), arrearRetireAt != null ? "arrear" : "normal", view.createTime(), null,
                        arrearRetireAt)
                        : new Charge("prepaid_by_duration", prepaid.status(), prepaid.start(), prepaid.end(),
                        prepaid.retireAt()),
                view.createTime());
    }

    /** The pod's availability group (JD Cloud's {@code ag}). */
    record Ag(String id) {
    }

    /**
     * JD Cloud's Charge model: postpaid pods are charged from their creation and are normal, or arrear
     * while their account's balance is below zero (retired a retention after it went below); prepaid
     * ones are normal until their period ends ({@code chargeExpiredTime}), overdue after, and retired
     * a retention later (docs/billing.md).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Charge(String chargeMode, String chargeStatus, Instant chargeStartTime, Instant chargeExpiredTime,
                  Instant chargeRetireTime) {
    }

    record LogConfig(String logDriver) {
    }

    record ElasticIp(String elasticIpId, String elasticIpAddress) {
    }

    record PrimaryIp(String privateIpAddress, String elasticIpId, String elasticIpAddress) {
    }

    record SecurityGroupRef(String groupId, String groupName) {
    }

    /**
     * JD Cloud's InstanceNetworkInterface. The ID and MAC address are derived from the pod and its
     * address (PrimaryInterfaces); source/destination checking is always on (a pod sends only from its
     * own address).
     */
    record NetworkInterface(String networkInterfaceId, String networkInterfaceName, String macAddress, String description,
                            String vpcId, String subnetId, List<SecurityGroupRef> securityGroups, boolean sanityCheck,
                            PrimaryIp primaryIp, List<PrimaryIp> secondaryIps) {
    }

    /** The pod's primary interface as JD Cloud shows it: deviceIndex is always 1, attached since the pod's creation. */
    record NetworkInterfaceAttachment(boolean autoDelete, int deviceIndex, String attachStatus, Instant attachTime,
                                      NetworkInterface networkInterface) {

        static NetworkInterfaceAttachment of(PodView view, PodSpecParts.NetworkInterface nic,
                                             PodSpecParts.ElasticIpBinding eip, Map<String, String> groupNames) {
            return new NetworkInterfaceAttachment(nic.autoDelete(), 1, "attached", view.createTime(),
                    new NetworkInterface(PrimaryInterfaces.id(view.podId()), nic.networkInterfaceName(),
                            PrimaryInterfaces.macAddress(nic.privateIpAddress()), nic.description(), nic.vpcId(),
                            nic.subnetId(), nic.securityGroupIds().stream()
                                    .map(id -> new SecurityGroupRef(id, groupNames.get(id))).toList(), true,
                            new PrimaryIp(nic.privateIpAddress(), eip == null ? null : eip.elasticIpId(),
                                    eip == null ? null : eip.elasticIpAddress()), List.of()));
        }
    }

    record Tag(String key, String value) {
    }

    record PodStatus(String phase, String reason, String message, String podIP, List<Condition> conditions,
                     Instant startTime) {

        static PodStatus of(PodView view, NodeStates.NodeState node) {
            List<Condition> conditions = new java.util.ArrayList<>(List.of(new Condition("Ready",
                    view.ready() ? "True" : "False", view.ready() ? null : notReadyReason(view), null,
                    view.lastEventTime(), view.readySince())));
            if (node != null) {
                // the node the pod is placed on, as the service last heard it (not a JD Cloud condition: its nodes are hidden)
                conditions.add(new Condition("NodeReady", node.ready() ? "True" : "False", node.ready() ? null : "NodeLost",
                        node.ready() ? null : "node '" + view.nodeId() + "' was declared lost at " + node.since(),
                        view.lastEventTime(), node.since()));
            }
            return new PodStatus(view.phase().wireName(), view.reason(), view.message(), view.podIp(), conditions,
                    view.startTime());
        }

        /** Why the pod is not ready: its containers (running) or its phase itself (PodPending, PodStopped, PodError...). */
        private static String notReadyReason(PodView view) {
            return view.phase() == PodPhase.RUNNING ? "ContainersNotReady" : "Pod" + capitalized(view.phase().wireName());
        }

        private static String capitalized(String word) {
            return Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
    }

    record Condition(String conditionType, String status, String reason, String message, Instant lastProbeTime,
                     Instant lastTransitionTime) {
    }

    record Container(
            String name,
            List<String> command,
            List<String> args,
            List<ContainerDefinition.EnvVar> env,
            String image,
            String secret,
            Boolean tty,
            String workingDir,
            PodSpecParts.Probe livenessProbe,
            PodSpecParts.Probe readinessProbe,
            Resources resources,
            PodSpecParts.Disk systemDisk,
            List<PodSpecParts.VolumeMount> volumeMounts,
            ContainerStatus containerStatus) {

        static Container of(ContainerDefinition definition, ContainerStatusReport report, PodView view) {
            return new Container(definition.name(), definition.command(), definition.args(), definition.env(),
                    definition.image(), definition.secret(), definition.tty(), definition.workingDir(),
                    definition.livenessProbe(), definition.readinessProbe(),
                    Resources.of(definition),
                    definition.systemDisk(), definition.volumeMounts(),
                    ContainerStatus.of(definition.name(), report, view));
        }
    }

    /** JD Cloud's ResourceRequests: CPU and memory as strings ("1000m", "4096Mi"). */
    record Resources(Quantity requests, Quantity limits) {
        static Resources of(ContainerDefinition definition) {
            if (definition.limits() == null && definition.requests() == null) {
                return null;
            }
            return new Resources(Quantity.of(definition.requests()), Quantity.of(definition.limits()));
        }
    }

    record Quantity(String cpu, String memoryMB) {
        static Quantity of(PodSpecParts.Resources resources) {
            return resources == null ? null : new Quantity(ResourceQuantities.cpu(resources.cpu()),
                    ResourceQuantities.memory(resources.memoryMB()));
        }
    }

    record ContainerStatus(String name, int restartCount, boolean ready, ContainerState state, ContainerState lastState) {

        static ContainerStatus of(String name, ContainerStatusReport report, PodView view) {
            if (report == null) {
                // No report for this container: it is being created, or the pod failed before it ran.
                Waiting waiting = view.phase() == PodPhase.ERROR
                        ? new Waiting(view.reason(), view.message())
                        : new Waiting("ContainerCreating", null);
                return new ContainerStatus(name, 0, false, new ContainerState(null, null, waiting), null);
            }
            ContainerState last = report.lastState() == null ? null
                    : new ContainerState(null, Terminated.of(report.lastState()), null);
            return new ContainerStatus(name, report.restartCount(), report.ready(), ContainerState.of(report), last);
        }
    }

    /** Exactly one of running, terminated, waiting. */
    record ContainerState(Running running, Terminated terminated, Waiting waiting) {

        static ContainerState of(ContainerStatusReport report) {
            return switch (report.state()) {
                case "running" -> new ContainerState(new Running(report.startedAt()), null, null);
                case "terminated" -> new ContainerState(null, new Terminated(report.signal(), report.exitCode(),
                        report.reason(), report.message(), report.startedAt(), report.finishedAt()), null);
                default -> new ContainerState(null, null, new Waiting(report.reason(), report.message()));
            };
        }
    }

    record Running(Instant startedAt) {
    }

    record Terminated(Integer signal, Integer exitCode, String reason, String message, Instant startedAt,
                      Instant finishedAt) {

        static Terminated of(ContainerStatusReport.Terminated t) {
            return new Terminated(t.signal(), t.exitCode(), t.reason(), t.message(), t.startedAt(), t.finishedAt());
        }
    }

    record Waiting(String reason, String message) {
    }
}
