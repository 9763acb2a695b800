package io.podservice.command.imagecache;

import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A node declared lost answers no more: every image cache still waiting for it records Error for it
 * ("node lost before it answered"), so the cache settles (and can be deleted) instead of staying
 * Creating. Checked with the nodes' liveness, every {@code pod.nodes.check-interval}.
 */
@Component
class LostNodeAnswers {

    private static final Logger log = LoggerFactory.getLogger(LostNodeAnswers.class);

    private final ImageCacheIndex index;
    private final CommandGateway commands;

    LostNodeAnswers(ImageCacheIndex index, CommandGateway commands) {
        this.index = index;
        this.commands = commands;
    }

    @Scheduled(initialDelayString = "${pod.nodes.check-interval:PT5S}", fixedDelayString = "${pod.nodes.check-interval:PT5S}")
    void answerForLostNodes() {
        for (ImageCacheIndex.Unanswered owed : index.owedByLostNodes()) {
            try {
                commands.sendAndWait(new ImageCacheCommands.RecordNodeReport(owed.imageCacheId(), owed.nodeId(),
                        ImageCache.ERROR, "node " + owed.nodeId() + " was lost before it answered", 0), 30,
                        TimeUnit.SECONDS);
                log.info("image cache {}: node {} lost before it answered; recorded as Error", owed.imageCacheId(),
                        owed.nodeId());
            } catch (RuntimeException e) {
                log.warn("image cache {}: the lost node {}'s answer not recorded this time: {}", owed.imageCacheId(),
                        owed.nodeId(), e.getMessage());
            }
        }
    }
}
