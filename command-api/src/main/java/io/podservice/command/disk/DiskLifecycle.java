package io.podservice.command.disk;

import io.podservice.events.PodDeleted;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A deleted pod's disks are released: each goes with the pod (autoDelete) or is available again.
 * Runs in the tracking processor {@value #PROCESSING_GROUP}, after the pod's deletion is stored, with
 * its token in PostgreSQL: a failure is retried from the same event, and the release is idempotent.
 */
@Component
@ProcessingGroup(DiskLifecycle.PROCESSING_GROUP)
class DiskLifecycle {

    static final String PROCESSING_GROUP = "disk-lifecycle";

    private final DiskIndex index;
    private final CommandGateway commands;

    DiskLifecycle(DiskIndex index, CommandGateway commands) {
        this.index = index;
        this.commands = commands;
    }

    @EventHandler
    void on(PodDeleted deleted) {
        for (String diskId : index.disksOf(deleted.podId())) {
            commands.sendAndWait(new DiskCommands.ReleaseDisk(diskId, deleted.podId()), 30, TimeUnit.SECONDS);
        }
    }
}
