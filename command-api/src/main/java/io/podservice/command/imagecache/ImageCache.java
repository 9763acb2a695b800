package io.podservice.command.imagecache;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.podservice.command.domain.CommandRejected;
import io.podservice.events.ImageCacheCreated;
import io.podservice.events.ImageCacheDeleted;
import io.podservice.events.ImageCacheNodeReported;
import io.podservice.events.ImageCacheUpdated;
import io.podservice.events.NodeRouting;
import org.axonframework.messaging.MetaData;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An image cache: the image, the nodes asked to hold it and what each answered. Its status is
 * {@code Creating} until every node asked has answered, then {@code Ready} when all hold the image,
 * else {@code Error}. JD Cloud's rules: only a cache that is Ready or Error is deleted; a new
 * retention may not end before now. Another account's cache answers exactly like a missing one.
 */
@Aggregate
public class ImageCache {

    static final String CREATING = "Creating";
    static final String READY = "Ready";
    static final String ERROR = "Error";

    @AggregateIdentifier
    private String imageCacheId;
    private String accountId;
    private String regionId;
    private String name;
    private int retentionDays;
    private Instant createdAt;
    private List<String> nodeIds;
    private final Map<String, String> answers = new LinkedHashMap<>();

    protected ImageCache() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public ImageCache(ImageCacheCommands.CreateImageCache c) {
        // addressed to the nodes asked: the others pass it over by its header
        apply(new ImageCacheCreated(c.imageCacheId(), c.accountId(), c.regionId(), c.name(), c.image(), c.secret(),
                c.registryAuth(), c.sizeGB(), c.retentionDays(), c.nodeIds(), Instant.now()),
                MetaData.with(NodeRouting.METADATA, NodeRouting.join(c.nodeIds())));
    }

    @CommandHandler
    public void handle(ImageCacheCommands.UpdateImageCache command) {
        requireOwner(command.accountId());
        int days = command.retentionDays() == null ? retentionDays : command.retentionDays();
        if (days > 0 && !createdAt.plus(Duration.ofDays(days)).isAfter(Instant.now())) {
            throw CommandRejected.invalid("retentionDays", days + " days from the cache's creation (" + createdAt
                    + ") end before now; give more days, or 0 for no end");
        }
        String newName = command.name() == null ? name : command.name();
        if (days != retentionDays || !newName.equals(name)) {
            apply(new ImageCacheUpdated(imageCacheId, accountId, regionId, newName, days, Instant.now()));
        }
    }

    /** A node's answer counts once: the first one it gives, and only from a node that was asked. */
    @CommandHandler
    public boolean handle(ImageCacheCommands.RecordNodeReport report) {
        if (!nodeIds.contains(report.nodeId()) || answers.containsKey(report.nodeId())) {
            return false;
        }
        apply(new ImageCacheNodeReported(imageCacheId, accountId, regionId, report.nodeId(), report.status(),
                report.message(), report.sizeBytes(), Instant.now()));
        return true;
    }

    @CommandHandler
    public void handle(ImageCacheCommands.DeleteImageCache command) {
        requireOwner(command.accountId());
        if (CREATING.equals(status())) {
            throw CommandRejected.of(CommandRejected.Reason.FAILED_PRECONDITION, "ImageCache '" + imageCacheId
                    + "' is Creating (" + answers.size() + " of " + nodeIds.size() + " nodes have answered); a cache "
                    + "is deleted once it is Ready or Error");
        }
        apply(new ImageCacheDeleted(imageCacheId, accountId, regionId, Instant.now()));
    }

    private String status() {
        return status(nodeIds.size(), answers.values());
    }

    /** The cache's status from the answers of the {@code asked} nodes so far. */
    static String status(int asked, java.util.Collection<String> answered) {
        if (asked == 0) {
            return ERROR;
        }
        if (answered.size() < asked) {
            return CREATING;
        }
        return answered.stream().allMatch(READY::equals) ? READY : ERROR;
    }

    private void requireOwner(String caller) {
        if (!accountId.equals(caller)) {
            throw CommandRejected.notFound("ImageCache", imageCacheId);
        }
    }

    @EventSourcingHandler
    void on(ImageCacheCreated event) {
        imageCacheId = event.imageCacheId();
        accountId = event.accountId();
        regionId = event.regionId();
        name = event.name();
        retentionDays = event.retentionDays();
        createdAt = event.createdAt();
        nodeIds = event.nodeIds();
    }

    @EventSourcingHandler
    void on(ImageCacheUpdated event) {
        name = event.name();
        retentionDays = event.retentionDays();
    }

    @EventSourcingHandler
    void on(ImageCacheNodeReported event) {
        answers.put(event.nodeId(), event.status());
    }

    @EventSourcingHandler
    void on(ImageCacheDeleted event) {
        markDeleted();
    }
}
