package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.podservice.api.consistency.WritePositions;
import io.podservice.api.node.NodeToken;
import io.podservice.api.node.PodDirectory;
import io.podservice.command.consistency.WrittenPositions;
import io.podservice.command.infrastructure.AxonEventHistory;
import io.podservice.events.EventEnvelope;
import io.podservice.gateway.RemotePodDirectory;
import io.podservice.query.consistency.RemoteCommandSide;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The internal APIs the applications of a distributed deployment speak to each other, over real
 * HTTP with the node token: what the remote client reads equals what the owning side's bean says.
 */
class InternalApisTest extends ServiceTest {

    @Autowired
    NodeToken nodeToken;
    @Autowired
    PodDirectory podDirectory;
    @Autowired
    AxonEventHistory eventHistory;
    @Autowired
    WrittenPositions writtenPositions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theGatewayFindsPodsThroughTheReadSidesEndpoint() {
        String podId = createPod("""
                {"name": "directory", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]},
                                {"name": "side", "image": "%s", "command": ["sleep", "3600"]}]}"""
                .formatted(IMAGE, IMAGE));
        awaitPhase(podId, "running");
        RemotePodDirectory remote = new RemotePodDirectory(endpoint(), nodeToken);
        PodDirectory.PodPlacement placement = remote.find(podId).orElseThrow();
        assertThat(placement).isEqualTo(podDirectory.find(podId).orElseThrow());
        assertThat(placement.containers()).containsExactly("app", "side");
        assertThat(placement.nodeId()).as("the node that runs it").isNotBlank();
        assertThat(remote.find("pod-nosuchpod0")).isEmpty();
    }

    @Test
    void theReadSideGetsAnAggregatesHistoryAndTheCallersWritesFromTheCommandSide() {
        String podId = createPod("""
                {"name": "history", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}""".formatted(IMAGE));
        awaitPhase(podId, "running");
        RemoteCommandSide remote = new RemoteCommandSide(endpoint(), nodeToken);

        List<EventEnvelope> local = eventHistory.after(podId, -1);
        List<EventEnvelope> fetched = remote.after(podId, -1);
        assertThat(fetched).hasSameSizeAs(local).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 0; i < local.size(); i++) {
            assertThat(fetched.get(i).eventId()).isEqualTo(local.get(i).eventId());
            assertThat(fetched.get(i).sequence()).isEqualTo(local.get(i).sequence());
            assertThat(fetched.get(i).timestamp()).as("to the nanosecond").isEqualTo(local.get(i).timestamp());
            assertThat(fetched.get(i).payload()).isEqualTo(local.get(i).payload());
        }
        assertThat(remote.after(podId, 0)).hasSize(local.size() - 1);

        String accountId = jdbc.queryForObject("SELECT account_id FROM account WHERE name = 'default'", String.class);
        List<WritePositions.Position> positions = remote.recent(accountId);
        assertThat(positions).isEqualTo(writtenPositions.recent(accountId)).isNotEmpty();
    }
}
