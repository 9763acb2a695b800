package io.podservice.command.disk;

import io.podservice.api.catalog.QuotaLimits;
import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import io.podservice.command.domain.GeneralNames;
import io.podservice.command.infrastructure.CommandSender;
import io.podservice.command.node.NodeIndex;
import io.podservice.command.quota.Quotas;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * createDisks, deleteDisk, createSnapshot and deleteSnapshot by JD Cloud's rules, and the nodes'
 * answers. A new disk goes to the ready node of its zone that holds the fewest disks (or, made from
 * a snapshot, to the snapshot's node, where its content is); every decision about one disk or
 * snapshot is taken under its lock, so two requests never attach one disk twice.
 */
@Service
public class Disks {

    private static final int MAX_COUNT = 100;
    private static final int LOCK_SPACE = 0x505302;

    private final CommandSender commands;
    private final CommandGateway gateway;
    private final DiskIndex index;
    private final DiskRules rules;
    private final NodeIndex nodes;
    private final Quotas quotas;
    private final JdbcTemplate jdbc;

    Disks(CommandSender commands, CommandGateway gateway, DiskIndex index, DiskRules rules, NodeIndex nodes,
          Quotas quotas, JdbcTemplate jdbc) {
        this.commands = commands;
        this.gateway = gateway;
        this.index = index;
        this.rules = rules;
        this.nodes = nodes;
        this.quotas = quotas;
        this.jdbc = jdbc;
    }

    /** createDisks' diskSpec (JD Cloud's DiskSpec; charge, policyId and encrypt are not offered). */
    public record DiskSpec(String az, String name, String description, String diskType, Integer diskSizeGB,
                           Integer iops, String snapshotId, Boolean multiAttachable, Boolean encrypt) {
    }

    /** Makes {@code maxCount} disks of the spec, all or none; named {@code name-i} when several, as JD Cloud. */
    @Transactional
    public List<String> create(RegionCatalog.Region region, String accountId, DiskSpec spec, Integer maxCount,
                               String clientToken) {
        if (spec == null) {
            throw ApiException.invalidArgument("Invalid diskSpec: is required");
        }
        int count = maxCount == null ? 1 : maxCount;
        if (count < 1 || count > MAX_COUNT) {
            throw ApiException.invalidArgument("Invalid maxCount: 1 to " + MAX_COUNT + "; got " + count);
        }
        if (spec.az() == null || !region.azs().contains(spec.az())) {
            throw ApiException.invalidArgument("Invalid diskSpec.az: one of " + String.join(", ", region.azs())
                    + "; got " + (spec.az() == null ? "none" : "'" + spec.az() + "'"));
        }
        GeneralNames.require("diskSpec.name", spec.name());
        requireDescription("diskSpec.description", spec.description());
        if (spec.diskType() == null) {
            throw ApiException.invalidArgument("Invalid diskSpec.diskType: is required (one of "
                    + String.join(", ", DiskRules.TYPES) + ")");
        }
        DiskRules.requireType("diskSpec.diskType", spec.diskType());
        if (Boolean.TRUE.equals(spec.multiAttachable())) {
            throw ApiException.invalidArgument("Invalid diskSpec.multiAttachable: a disk attaches to one pod at a time "
                    + "here; shared disks are not offered");
        }
        if (Boolean.TRUE.equals(spec.encrypt())) {
            throw ApiException.invalidArgument("Invalid diskSpec.encrypt: encrypted disks are not offered");
        }
        requireIops("diskSpec.iops", spec.diskType(), spec.iops());
        String nodeId;
        int size;
        if (spec.snapshotId() != null) {
            DiskIndex.SnapshotEntry snapshot = availableSnapshot(accountId, region.id(), spec.snapshotId(),
                    "diskSpec.snapshotId");
            size = spec.diskSizeGB() == null ? snapshot.sizeGB() : spec.diskSizeGB();
            if (size < snapshot.sizeGB()) {
                throw ApiException.invalidArgument("Invalid diskSpec.diskSizeGB: at least the snapshot's " + snapshot.sizeGB()
                        + " GB; got " + size);
            }
            rules.requireSize("diskSpec.diskSizeGB", size, DiskRules.MAX_DISK_GB);
            nodeId = snapshot.nodeId();
        } else {
            rules.requireSize("diskSpec.diskSizeGB", spec.diskSizeGB(), DiskRules.MAX_DISK_GB);
            size = spec.diskSizeGB();
            nodeId = null;
        }
        // a request replayed with its clientToken finds the disks it made (their ids derive from it)
        List<String> ids = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = clientToken == null ? newDiskId()
                    : io.podservice.command.domain.ResourceIds.forClientToken("vol", accountId, clientToken, i);
            if (clientToken != null) {
                lock(id);
            }
            ids.add(id);
            if (index.disk(accountId, region.id(), id).isEmpty()) {
                fresh.add(id);
            }
        }
        quotas.requireRoom(accountId, region.id(), QuotaLimits.DISK, fresh.size());
        for (int i = 1; i <= count; i++) {
            String id = ids.get(i - 1);
            if (!fresh.contains(id)) {
                continue;
            }
            String node = nodeId != null ? nodeId : emptiestNode(spec.az());
            commands.send(new DiskCommands.CreateDisk(id, accountId, region.id(), spec.az(),
                    count == 1 ? spec.name() : spec.name() + "-" + i, spec.description(), spec.diskType(), size,
                    spec.iops(), null, spec.snapshotId(), node, null, false), "Disk", id);
        }
        return ids;
    }

    @Transactional
    public void delete(String accountId, String regionId, String diskId) {
        lock(diskId);
        String id = index.disk(accountId, regionId, diskId).map(DiskIndex.Entry::diskId)
                .orElseThrow(() -> ApiException.notFound("Disk '" + diskId + "' not found in " + regionId));
        commands.send(new DiskCommands.DeleteDisk(id, accountId), "Disk", id);
    }

    /** createSnapshot: a copy of the disk as it is when its node takes it. */
    @Transactional
    public String snapshot(RegionCatalog.Region region, String accountId, String name, String description,
                           String diskId) {
        GeneralNames.require("snapshotSpec.name", name);
        requireDescription("snapshotSpec.description", description);
        if (diskId == null) {
            throw ApiException.invalidArgument("Invalid snapshotSpec.diskId: is required");
        }
        lock(diskId);
        DiskIndex.Entry disk = index.disk(accountId, region.id(), diskId).orElseThrow(() -> ApiException.notFound(
                "Invalid snapshotSpec.diskId: disk '" + diskId + "' not found in " + region.id()));
        if (Disk.CREATING.equals(disk.status()) || Disk.ERROR_CREATE.equals(disk.status())) {
            throw ApiException.failedPrecondition("Disk '" + diskId + "' is " + disk.status() + "; a snapshot is taken "
                    + "of a disk that is available or in-use");
        }
        quotas.requireRoom(accountId, region.id(), QuotaLimits.SNAPSHOT, 1);
        String id = io.podservice.command.domain.ResourceIds.next("snapshot");
        commands.send(new DiskCommands.CreateSnapshot(id, accountId, region.id(), diskId, name, description,
                disk.sizeGB(), disk.nodeId()), "Snapshot", id);
        return id;
    }

    @Transactional
    public void deleteSnapshot(String accountId, String regionId, String snapshotId) {
        lock(snapshotId);
        String id = index.snapshot(accountId, regionId, snapshotId).map(DiskIndex.SnapshotEntry::snapshotId)
                .orElseThrow(() -> ApiException.notFound("Snapshot '" + snapshotId + "' not found in " + regionId));
        List<String> copying = index.creatingFrom(id);
        if (!copying.isEmpty()) {
            throw ApiException.failedPrecondition("Snapshot '" + id + "' is being copied to disk(s) " + copying
                    + "; delete it once they are made");
        }
        commands.send(new DiskCommands.DeleteSnapshot(id, accountId), "Snapshot", id);
    }

    /** A node's answer about a disk; false when it no longer matters (answered, deleted). */
    public boolean recordDiskReport(String diskId, String nodeId, String status, String message) {
        requireAnswer(status);
        return sendNodeCommand(new DiskCommands.RecordDiskReport(diskId, nodeId, status, message));
    }

    /** A node's answer about a snapshot; false when it no longer matters. */
    public boolean recordSnapshotReport(String snapshotId, String nodeId, String status, String message) {
        requireAnswer(status);
        return sendNodeCommand(new DiskCommands.RecordSnapshotReport(snapshotId, nodeId, status, message));
    }

    private boolean sendNodeCommand(Object command) {
        try {
            // a node's call, not a tenant's: sent as the service's own command
            Boolean recorded = gateway.sendAndWait(command, 30, TimeUnit.SECONDS);
            return Boolean.TRUE.equals(recorded);
        } catch (AggregateNotFoundException gone) {
            return false;
        }
    }

    private static void requireAnswer(String status) {
        if (!Disk.AVAILABLE.equals(status) && !Disk.ERROR_CREATE.equals(status)) {
            throw ApiException.invalidArgument("Invalid status: available or error_create; got '" + status + "'");
        }
    }

    /** The snapshot, available, or the error naming {@code field}. */
    DiskIndex.SnapshotEntry availableSnapshot(String accountId, String regionId, String snapshotId, String field) {
        DiskIndex.SnapshotEntry snapshot = index.snapshot(accountId, regionId, snapshotId).orElseThrow(() ->
                ApiException.notFound("Invalid " + field + ": snapshot '" + snapshotId + "' not found in " + regionId));
        if (!Snapshot.AVAILABLE.equals(snapshot.status())) {
            throw ApiException.failedPrecondition("Invalid " + field + ": snapshot '" + snapshotId + "' is "
                    + snapshot.status() + "; a disk is made from an available snapshot");
        }
        return snapshot;
    }

    /** JD Cloud's rule for a disk's or snapshot's description: any characters, at most 256. */
    private static void requireDescription(String field, String description) {
        if (description != null && description.length() > 256) {
            throw ApiException.invalidArgument("Invalid " + field + ": at most 256 characters; got "
                    + description.length());
        }
    }

    static void requireIops(String field, String diskType, Integer iops) {
        if (iops != null && !"ssd.io1".equals(diskType)) {
            throw ApiException.invalidArgument("Invalid " + field + ": only an ssd.io1 disk takes iops; the disk is "
                    + (diskType == null ? "ssd.gp1" : diskType));
        }
    }

    /** Holds the disk's (or snapshot's) lock until the transaction ends. */
    void lock(String id) {
        jdbc.query("SELECT pg_advisory_xact_lock(?, hashtext(?))", rs -> null, LOCK_SPACE, id);
    }

    static String newDiskId() {
        return io.podservice.command.domain.ResourceIds.next("vol");
    }

    private String emptiestNode(String az) {
        List<String> ready = nodes.readyIn(List.of(az));
        if (ready.isEmpty()) {
            throw new ApiException(ErrorStatus.OUT_OF_STOCK, "No node of availability zone '" + az + "' is ready to "
                    + "hold a disk");
        }
        Map<String, Integer> counts = index.diskCounts(ready);
        return ready.stream().min(Comparator.comparing((String id) -> counts.get(id)).thenComparing(id -> id))
                .orElseThrow();
    }
}
