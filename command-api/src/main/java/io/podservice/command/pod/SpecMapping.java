package io.podservice.command.pod;

import io.podservice.events.ContainerDefinition;
import io.podservice.events.PodSpecParts;
import java.util.List;

/** From the API's spec types (validated) to the event's value types. */
final class SpecMapping {

    private SpecMapping() {
    }

    static List<ContainerDefinition.EnvVar> env(List<ContainerSpec.EnvVar> env) {
        return env == null ? List.of() : env.stream().map(e -> new ContainerDefinition.EnvVar(e.name(), e.value())).toList();
    }

    static PodSpecParts.DnsConfig dnsConfig(PodSpec.DnsConfigSpec dns) {
        if (dns == null) {
            return null;
        }
        return new PodSpecParts.DnsConfig(dns.nameservers(), dns.searches(), dns.options() == null ? List.of()
                : dns.options().stream().map(o -> new PodSpecParts.DnsOption(o.name(), o.value())).toList());
    }

    static List<PodSpecParts.HostAlias> hostAliases(List<PodSpec.HostAliasSpec> aliases) {
        return aliases == null ? List.of()
                : aliases.stream().map(a -> new PodSpecParts.HostAlias(a.hostnames(), a.ip())).toList();
    }

    /** JD Cloud's default size of an emptyDir given without one: the largest it allows. */
    static final int EMPTY_DIR_DEFAULT_MB = 1024;

    static List<PodSpecParts.Volume> volumes(List<PodSpec.VolumeSpec> volumes) {
        return volumes == null ? List.of() : volumes.stream().map(SpecMapping::volume).toList();
    }

    private static PodSpecParts.Volume volume(PodSpec.VolumeSpec v) {
        if (v.emptyDir() != null) {
            return new PodSpecParts.Volume(v.name(), null, new PodSpecParts.EmptyDir(
                    v.emptyDir().sizeMB() == null ? EMPTY_DIR_DEFAULT_MB : v.emptyDir().sizeMB()), null);
        }
        if (v.configFile() != null) {
            PodSpec.ConfigFileVolumeSpec source = v.configFile();
            return new PodSpecParts.Volume(v.name(), null, null, new PodSpecParts.ConfigFileSource(source.name(),
                    source.defaultMode() == null ? "0644" : source.defaultMode(), source.fileToPath() == null ? List.of()
                    : source.fileToPath().stream().map(item -> new PodSpecParts.ConfigFileToPath(item.key(),
                            item.path() == null || item.path().isEmpty() ? item.key() : item.path(), item.mode()))
                    .toList()));
        }
        PodSpec.CloudDiskSpec disk = v.jdcloudDisk();
        return new PodSpecParts.Volume(v.name(), new PodSpecParts.Disk(disk.volumeId(), disk.snapshotId(),
                disk.diskType() == null ? "ssd.gp1" : disk.diskType(), disk.sizeGB(),
                disk.fsType() == null ? "xfs" : disk.fsType(), disk.formatVolume(), disk.iops(),
                // JD Cloud: a new data disk is deleted with its pod unless told otherwise; an existing one
                // (volumeId) is kept unless told to go
                disk.autoDelete() == null ? disk.volumeId() == null : disk.autoDelete(), null), null, null);
    }

    static PodSpecParts.Disk systemDisk(ContainerSpec.SystemDiskSpec disk) {
        if (disk == null) {
            return null;
        }
        return new PodSpecParts.Disk(null, null, disk.diskType() == null ? "ssd.gp1" : disk.diskType(),
                disk.sizeGB() == null ? 20 : disk.sizeGB(), null, null, null,
                disk.autoDelete() == null || disk.autoDelete(), disk.category() == null ? "local" : disk.category());
    }

    static List<PodSpecParts.VolumeMount> volumeMounts(List<ContainerSpec.VolumeMountSpec> mounts) {
        return mounts == null ? List.of() : mounts.stream().map(m -> new PodSpecParts.VolumeMount(m.name(), m.mountPath(),
                Boolean.TRUE.equals(m.readOnly()), m.subPath())).toList();
    }

    static PodSpecParts.Probe probe(ContainerSpec.ProbeSpec probe) {
        if (probe == null) {
            return null;
        }
        return new PodSpecParts.Probe(
                probe.initialDelaySeconds() == null ? 10 : probe.initialDelaySeconds(), // JD Cloud's default
                probe.periodSeconds() == null ? 10 : probe.periodSeconds(),
                probe.timeoutSeconds() == null ? 1 : probe.timeoutSeconds(),
                probe.failureThreshold() == null ? 3 : probe.failureThreshold(),
                probe.successThreshold() == null ? 1 : probe.successThreshold(),
                probe.exec() == null ? null : new PodSpecParts.ExecAction(probe.exec().command()),
                probe.httpGet() == null ? null : new PodSpecParts.HttpGetAction(
                        probe.httpGet().scheme() == null ? "HTTP" : probe.httpGet().scheme().toUpperCase(java.util.Locale.ROOT),
                        probe.httpGet().host(), probe.httpGet().port(),
                        probe.httpGet().path() == null ? "/" : probe.httpGet().path(),
                        probe.httpGet().httpHeader() == null ? List.of() : probe.httpGet().httpHeader().stream()
                                .map(h -> new PodSpecParts.HttpHeader(h.name(), h.value())).toList()),
                probe.tcpSocket() == null ? null : new PodSpecParts.TcpSocketAction(probe.tcpSocket().port()));
    }
}
