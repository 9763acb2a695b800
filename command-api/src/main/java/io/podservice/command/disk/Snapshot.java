package io.podservice.command.disk;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.podservice.command.domain.CommandRejected;
import io.podservice.events.NodeRouting;
import io.podservice.events.SnapshotCreated;
import io.podservice.events.SnapshotDeleted;
import io.podservice.events.SnapshotNodeReported;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A disk's content at the moment its node copied it (the file system frozen meanwhile when a pod has
 * the disk mounted). JD Cloud's statuses: {@code creating} until the node answers, then
 * {@code available} or {@code error_create}. A snapshot that is creating is not deleted.
 */
@Aggregate
public class Snapshot {

    public static final String CREATING = "creating";
    public static final String AVAILABLE = "available";
    public static final String ERROR_CREATE = "error_create";

    @AggregateIdentifier
    private String snapshotId;
    private String accountId;
    private String regionId;
    private String nodeId;
    private String status;

    protected Snapshot() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Snapshot(DiskCommands.CreateSnapshot c) {
        apply(new SnapshotCreated(c.snapshotId(), c.accountId(), c.regionId(), c.diskId(), c.name(), c.description(),
                c.sizeGB(), c.nodeId(), Instant.now()), MetaData.with(NodeRouting.METADATA, c.nodeId()));
    }

    @CommandHandler
    public boolean handle(DiskCommands.RecordSnapshotReport report) {
        if (!nodeId.equals(report.nodeId()) || !CREATING.equals(status)) {
            return false;
        }
        apply(new SnapshotNodeReported(snapshotId, accountId, regionId, report.nodeId(), report.status(),
                report.message(), Instant.now()));
        return true;
    }

    @CommandHandler
    public void handle(DiskCommands.DeleteSnapshot command) {
        if (!accountId.equals(command.accountId())) {
            throw CommandRejected.notFound("Snapshot", snapshotId);
        }
        if (CREATING.equals(status)) {
            throw CommandRejected.of(CommandRejected.Reason.FAILED_PRECONDITION, "Snapshot '" + snapshotId + "' is "
                    + "creating; a snapshot is deleted once available or error_create");
        }
        apply(new SnapshotDeleted(snapshotId, accountId, regionId, nodeId, Instant.now()),
                MetaData.with(NodeRouting.METADATA, NodeRouting.join(List.of(nodeId))));
    }

    @EventSourcingHandler
    void on(SnapshotCreated event) {
        snapshotId = event.snapshotId();
        accountId = event.accountId();
        regionId = event.regionId();
        nodeId = event.nodeId();
        status = CREATING;
    }

    @EventSourcingHandler
    void on(SnapshotNodeReported event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(SnapshotDeleted event) {
        markDeleted();
    }
}
