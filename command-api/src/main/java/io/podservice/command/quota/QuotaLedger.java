package io.podservice.command.quota;

import io.podservice.api.catalog.QuotaLimits;
import io.podservice.events.ConfigFileCreated;
import io.podservice.events.ConfigFileDeleted;
import io.podservice.events.ElasticIpCreated;
import io.podservice.events.ElasticIpDeleted;
import io.podservice.events.ImageCacheCreated;
import io.podservice.events.ImageCacheDeleted;
import io.podservice.events.NetworkEvent;
import io.podservice.events.PodCreated;
import io.podservice.events.PodDeleted;
import io.podservice.events.PodTemplateCreated;
import io.podservice.events.PodTemplateDeleted;
import io.podservice.events.SecretCreated;
import io.podservice.events.SecretDeleted;
import io.podservice.events.SecurityGroupCreated;
import io.podservice.events.SecurityGroupDeleted;
import io.podservice.events.SubnetCreated;
import io.podservice.events.SubnetDeleted;
import io.podservice.events.VpcCreated;
import io.podservice.events.VpcDeleted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Usage per account, region and resource type, from the Pod aggregate's events. Runs in the
 * subscribing processor {@value #PROCESSING_GROUP}: in the same transaction as the events it
 * counts, so the ledger and the event store never disagree.
 */
@Component
@ProcessingGroup(QuotaLedger.PROCESSING_GROUP)
class QuotaLedger {

    static final String PROCESSING_GROUP = "quota-ledger";

    private final JdbcTemplate jdbc;
    private final EventStore events;

    QuotaLedger(JdbcTemplate jdbc, EventStore events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventHandler
    void on(PodCreated created) {
        add(created.accountId(), created.regionId(), QuotaLimits.POD, 1);
        add(created.accountId(), created.regionId(), QuotaLimits.CONTAINER, created.definition().containers().size());
    }

    @EventHandler
    void on(SecretCreated created) {
        add(created.accountId(), created.regionId(), QuotaLimits.SECRET, 1);
    }

    @EventHandler
    void on(SecretDeleted deleted) {
        add(deleted.accountId(), deleted.regionId(), QuotaLimits.SECRET, -1);
    }

    @EventHandler
    void on(ConfigFileCreated created) {
        add(created.accountId(), created.regionId(), QuotaLimits.CONFIG_FILE, 1);
    }

    @EventHandler
    void on(ConfigFileDeleted deleted) {
        add(deleted.accountId(), deleted.regionId(), QuotaLimits.CONFIG_FILE, -1);
    }

    @EventHandler
    void on(ImageCacheCreated created) {
        add(created.accountId(), created.regionId(), QuotaLimits.IMAGE_CACHE, 1);
    }

    @EventHandler
    void on(ImageCacheDeleted deleted) {
        add(deleted.accountId(), deleted.regionId(), QuotaLimits.IMAGE_CACHE, -1);
    }

    @EventHandler
    void on(io.podservice.events.DiskCreated created) {
        add(created.accountId(), created.regionId(), QuotaLimits.DISK, 1);
    }

    @EventHandler
    void on(io.podservice.events.DiskDeleted deleted) {
        add(deleted.accountId(), deleted.regionId(), QuotaLimits.DISK, -1);
    }

    @EventHandler
    void on(io.podservice.events.SnapshotCreated created) {
        add(created.accountId(), created.regionId(), QuotaLimits.SNAPSHOT, 1);
    }

    @EventHandler
    void on(io.podservice.events.SnapshotDeleted deleted) {
        add(deleted.accountId(), deleted.regionId(), QuotaLimits.SNAPSHOT, -1);
    }

    @EventHandler
    void on(PodTemplateCreated created) {
        add(created.accountId(), created.regionId(), QuotaLimits.POD_TEMPLATE, 1);
    }

    @EventHandler
    void on(PodTemplateDeleted deleted) {
        add(deleted.accountId(), deleted.regionId(), QuotaLimits.POD_TEMPLATE, -1);
    }

    @EventHandler
    void on(NetworkEvent event) {
        if (event instanceof VpcCreated || event instanceof VpcDeleted) {
            add(event.accountId(), event.regionId(), QuotaLimits.VPC, event instanceof VpcCreated ? 1 : -1);
        } else if (event instanceof SubnetCreated || event instanceof SubnetDeleted) {
            add(event.accountId(), event.regionId(), QuotaLimits.SUBNET, event instanceof SubnetCreated ? 1 : -1);
        } else if (event instanceof SecurityGroupCreated || event instanceof SecurityGroupDeleted) {
            add(event.accountId(), event.regionId(), QuotaLimits.SECURITY_GROUP,
                    event instanceof SecurityGroupCreated ? 1 : -1);
        } else if (event instanceof ElasticIpCreated || event instanceof ElasticIpDeleted) {
            add(event.accountId(), event.regionId(), QuotaLimits.ELASTIC_IP, event instanceof ElasticIpCreated ? 1 : -1);
        }
    }

    @EventHandler
    void on(PodDeleted deleted) {
        // the creation event says whose pod it was and how many containers it had
        events.readEvents(deleted.podId()).asStream()
                .map(message -> message.getPayload())
                .filter(PodCreated.class::isInstance)
                .map(PodCreated.class::cast)
                .findFirst()
                .ifPresent(created -> {
                    add(created.accountId(), created.regionId(), QuotaLimits.POD, -1);
                    add(created.accountId(), created.regionId(), QuotaLimits.CONTAINER,
                            -created.definition().containers().size());
                });
    }

    private void add(String accountId, String regionId, String resourceType, long delta) {
        jdbc.update("""
                INSERT INTO quota_usage (account_id, region_id, resource_type, used) VALUES (?, ?, ?, ?)
                ON CONFLICT (account_id, region_id, resource_type) DO UPDATE SET used = quota_usage.used + EXCLUDED.used""",
                accountId, regionId, resourceType, delta);
    }
}
