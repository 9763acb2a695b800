package io.podservice.command.disk;

import io.podservice.api.web.ApiException;
import io.podservice.command.infrastructure.CommandSender;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodSpecParts;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cloud disks of createPods: a volume naming an existing disk ({@code volumeId}) attaches it,
 * which must be the account's, in the pod's zone and available; any other makes a new disk for the
 * pod, empty or (with {@code snapshotId}) holding a snapshot's content. A disk lives on one node, so
 * such pods go where their disks, or the snapshot their new disk copies, are.
 */
@Service
public class PodDisks {

    private final Disks disks;
    private final DiskIndex index;
    private final CommandSender commands;

    PodDisks(Disks disks, DiskIndex index, CommandSender commands) {
        this.disks = disks;
        this.index = index;
        this.commands = commands;
    }

    /**
     * The node the pods of these volumes must run on (null: any), after checking the disks and snapshots
     * they name; each named disk stays locked until the transaction ends.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String requiredNode(String accountId, String regionId, String az, List<PodSpecParts.Volume> volumes,
                               int maxCount) {
        String node = null;
        String reason = null;
        for (int i = 0; i < volumes.size(); i++) {
            PodSpecParts.Disk disk = volumes.get(i).jdcloudDisk();
            if (disk == null) {
                continue;
            }
            String path = "podSpec.volumes[" + i + "].jdcloudDisk";
            String where;
            if (disk.volumeId() != null) {
                if (maxCount > 1) {
                    throw ApiException.invalidArgument("Invalid " + path + ".volumeId: a disk attaches to one pod; "
                            + "give maxCount 1, got " + maxCount);
                }
                disks.lock(disk.volumeId());
                DiskIndex.Entry found = index.disk(accountId, regionId, disk.volumeId()).orElseThrow(() ->
                        ApiException.notFound("Invalid " + path + ".volumeId: disk '" + disk.volumeId()
                                + "' not found in " + regionId));
                if (!found.az().equals(az)) {
                    throw ApiException.invalidArgument("Invalid " + path + ".volumeId: disk '" + found.diskId()
                            + "' is in availability zone '" + found.az() + "', the pod in '" + az + "'");
                }
                if (!Disk.AVAILABLE.equals(found.status())) {
                    throw ApiException.failedPrecondition("Invalid " + path + ".volumeId: disk '" + found.diskId()
                            + "' is " + found.status() + (found.podId() == null ? "" : " (attached to pod '"
                            + found.podId() + "')") + "; a pod attaches a disk that is available");
                }
                where = found.nodeId();
            } else if (disk.snapshotId() != null) {
                DiskIndex.SnapshotEntry snapshot = disks.availableSnapshot(accountId, regionId, disk.snapshotId(),
                        path + ".snapshotId");
                if (disk.sizeGB() != null && disk.sizeGB() < snapshot.sizeGB()) {
                    throw ApiException.invalidArgument("Invalid " + path + ".sizeGB: at least the snapshot's "
                            + snapshot.sizeGB() + " GB; got " + disk.sizeGB());
                }
                where = snapshot.nodeId();
            } else {
                continue;
            }
            if (node != null && !node.equals(where)) {
                throw ApiException.invalidArgument("Invalid " + path + ": it lives on node '" + where + "' and "
                        + reason + " on node '" + node + "'; a pod's disks and snapshots must be on one node");
            }
            node = where;
            reason = path;
        }
        return node;
    }

    /**
     * Makes or attaches pod {@code podId}'s disks on {@code nodeId}; the definition returned names each
     * by its disk id (and size), as the node needs them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PodDefinition provision(String accountId, String regionId, String podId, PodDefinition definition,
                                   String nodeId) {
        if (definition.volumes().stream().noneMatch(v -> v.jdcloudDisk() != null)) {
            return definition;
        }
        List<PodSpecParts.Volume> volumes = new ArrayList<>();
        for (PodSpecParts.Volume volume : definition.volumes()) {
            PodSpecParts.Disk disk = volume.jdcloudDisk();
            if (disk == null) {
                volumes.add(volume);
            } else if (disk.volumeId() != null) {
                int size = index.disk(accountId, regionId, disk.volumeId()).map(DiskIndex.Entry::sizeGB).orElseThrow();
                commands.send(new DiskCommands.AttachDisk(disk.volumeId(), accountId, definition.az(), podId,
                        Boolean.TRUE.equals(disk.autoDelete())), "Disk", disk.volumeId());
                volumes.add(volume.withDisk(disk.withId(disk.volumeId(), size)));
            } else {
                String diskId = Disks.newDiskId();
                int size = disk.sizeGB() != null ? disk.sizeGB()
                        : index.snapshot(accountId, regionId, disk.snapshotId()).map(DiskIndex.SnapshotEntry::sizeGB)
                        .orElseThrow();
                commands.send(new DiskCommands.CreateDisk(diskId, accountId, regionId, definition.az(),
                        definition.name() + "-" + volume.name(), null, disk.diskType(), size, disk.iops(),
                        disk.fsType(), disk.snapshotId(), nodeId, podId, Boolean.TRUE.equals(disk.autoDelete())),
                        "Disk", diskId);
                volumes.add(volume.withDisk(disk.withId(diskId, size)));
            }
        }
        return definition.withVolumes(volumes);
    }
}
