package io.podservice.command.disk;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.podservice.command.domain.CommandRejected;
import io.podservice.events.DiskAttached;
import io.podservice.events.DiskCreated;
import io.podservice.events.DiskDeleted;
import io.podservice.events.DiskDetached;
import io.podservice.events.DiskNodeReported;
import io.podservice.events.NodeRouting;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A cloud disk: a block device of its size on one node, attached to at most one pod. Its status is
 * JD Cloud's: {@code creating} until its node has made it, then {@code in-use} while a pod has it and
 * {@code available} otherwise; {@code error_create} when its node could not make it. Only an
 * available (or failed) disk is attached or deleted; a pod's disk with autoDelete goes with the pod.
 * Another account's disk answers exactly like a missing one.
 */
@Aggregate
public class Disk {

    public static final String CREATING = "creating";
    public static final String AVAILABLE = "available";
    public static final String IN_USE = "in-use";
    public static final String ERROR_CREATE = "error_create";

    @AggregateIdentifier
    private String diskId;
    private String accountId;
    private String regionId;
    private String az;
    private String nodeId;
    private boolean made;
    private boolean failed;
    private String podId;
    private boolean autoDelete;

    protected Disk() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Disk(DiskCommands.CreateDisk c) {
        Instant now = Instant.now();
        MetaData toNode = MetaData.with(NodeRouting.METADATA, NodeRouting.join(List.of(c.nodeId())));
        apply(new DiskCreated(c.diskId(), c.accountId(), c.regionId(), c.az(), c.name(), c.description(), c.diskType(),
                c.sizeGB(), c.iops(), c.fsType(), c.snapshotId(), c.nodeId(), c.podId(), now), toNode);
        if (c.podId() != null) {
            apply(new DiskAttached(c.diskId(), c.accountId(), c.regionId(), c.podId(), c.autoDelete(), now), toNode);
        }
    }

    /** The node's first answer counts, and only the disk's own node's. */
    @CommandHandler
    public boolean handle(DiskCommands.RecordDiskReport report) {
        if (!nodeId.equals(report.nodeId()) || made || failed) {
            return false;
        }
        apply(new DiskNodeReported(diskId, accountId, regionId, report.nodeId(), report.status(), report.message(),
                Instant.now()));
        return true;
    }

    @CommandHandler
    public void handle(DiskCommands.AttachDisk command) {
        requireOwner(command.accountId());
        if (!az.equals(command.az())) {
            throw CommandRejected.invalid("volumeId", "disk '" + diskId + "' is in availability zone '" + az
                    + "', the pod in '" + command.az() + "'; a pod attaches disks of its own zone");
        }
        if (!AVAILABLE.equals(status())) {
            throw CommandRejected.of(CommandRejected.Reason.FAILED_PRECONDITION, "Disk '" + diskId + "' is "
                    + status() + (podId == null ? "" : " (attached to pod '" + podId + "')")
                    + "; a pod attaches a disk that is available");
        }
        apply(new DiskAttached(diskId, accountId, regionId, command.podId(), command.autoDelete(), Instant.now()),
                toNode());
    }

    /** Idempotent: a pod's deletion seen twice, or a disk already released, changes nothing. */
    @CommandHandler
    public void handle(DiskCommands.ReleaseDisk command) {
        if (podId == null || !podId.equals(command.podId())) {
            return;
        }
        if (autoDelete) {
            apply(new DiskDeleted(diskId, accountId, regionId, nodeId, Instant.now()), toNode());
        } else {
            apply(new DiskDetached(diskId, accountId, regionId, podId, Instant.now()), toNode());
        }
    }

    @CommandHandler
    public void handle(DiskCommands.DeleteDisk command) {
        requireOwner(command.accountId());
        if (podId != null) {
            throw CommandRejected.of(CommandRejected.Reason.FAILED_PRECONDITION, "Disk '" + diskId + "' is in use "
                    + "by pod '" + podId + "'; a disk is deleted once available (delete the pod first: the disk goes "
                    + "with it unless its volume has autoDelete false)");
        }
        if (CREATING.equals(status())) {
            throw CommandRejected.of(CommandRejected.Reason.FAILED_PRECONDITION, "Disk '" + diskId + "' is creating; "
                    + "a disk is deleted once available (or error_create)");
        }
        apply(new DiskDeleted(diskId, accountId, regionId, nodeId, Instant.now()), toNode());
    }

    String status() {
        return status(made, failed, podId);
    }

    /** JD Cloud's status of a disk from what its node answered and whether a pod has it. */
    static String status(boolean made, boolean failed, String podId) {
        if (failed) {
            return ERROR_CREATE;
        }
        if (!made) {
            return CREATING;
        }
        return podId == null ? AVAILABLE : IN_USE;
    }

    private MetaData toNode() {
        return MetaData.with(NodeRouting.METADATA, NodeRouting.join(List.of(nodeId)));
    }

    private void requireOwner(String caller) {
        if (!accountId.equals(caller)) {
            throw CommandRejected.notFound("Disk", diskId);
        }
    }

    @EventSourcingHandler
    void on(DiskCreated event) {
        diskId = event.diskId();
        accountId = event.accountId();
        regionId = event.regionId();
        az = event.az();
        nodeId = event.nodeId();
    }

    @EventSourcingHandler
    void on(DiskNodeReported event) {
        made = AVAILABLE.equals(event.status());
        failed = !made;
    }

    @EventSourcingHandler
    void on(DiskAttached event) {
        podId = event.podId();
        autoDelete = event.autoDelete();
    }

    @EventSourcingHandler
    void on(DiskDetached event) {
        podId = null;
        autoDelete = false;
    }

    @EventSourcingHandler
    void on(DiskDeleted event) {
        markDeleted();
    }
}
