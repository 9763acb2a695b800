package io.podservice.command.node;

import io.podservice.events.NodeHeartbeat;
import io.podservice.events.NodeCordoned;
import io.podservice.events.NodeLost;
import io.podservice.events.NodeUncordoned;
import io.podservice.events.NodeReady;
import io.podservice.events.NodeRegistered;
import java.time.Instant;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Node aggregate's rules: heartbeats record only changes, silence makes a node lost once. */
class NodeTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(5);

    private AggregateTestFixture<Node> fixture;

    /** When the nodes were last heard from, as node_index has it. */
    private final Map<String, Instant> lastHeard = new java.util.HashMap<>(Map.of("node-1", T0));

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Node.class);
        fixture.registerInjectableResource((LastHeartbeats) nodeId -> java.util.Optional.ofNullable(lastHeard.get(nodeId)));
    }

    private static NodeHeartbeat heartbeat(Map<String, String> labels, int runningPods) {
        return new NodeHeartbeat("node-1", "http://10.0.0.7:8080", "cn-north-1a", 2, 23000, 500, labels, runningPods, T0, null);
    }

    private static NodeRegistered registered(Map<String, String> labels, Instant at) {
        return heartbeat(labels, 0).registration(at);
    }

    @Test
    void theFirstHeartbeatRegistersTheNode() {
        fixture.givenNoPriorActivity()
                .when(new NodeCommands.RecordHeartbeat("node-1", heartbeat(Map.of("rack", "r1"), 0), T0))
                .expectEvents(registered(Map.of("rack", "r1"), T0));
    }

    @Test
    void aHeartbeatThatChangesNothingRecordsNothing() {
        // the pods it holds change all the time: that is no news about the node
        fixture.given(registered(Map.of("rack", "r1"), T0))
                .when(new NodeCommands.RecordHeartbeat("node-1", heartbeat(Map.of("rack", "r1"), 12), T1))
                .expectNoEvents();
    }

    @Test
    void aHeartbeatWithNewLabelsRegistersTheNodeAgain() {
        fixture.given(registered(Map.of("rack", "r1"), T0))
                .when(new NodeCommands.RecordHeartbeat("node-1", heartbeat(Map.of("rack", "r2"), 0), T1))
                .expectEvents(registered(Map.of("rack", "r2"), T1));
    }

    @Test
    void aSilentNodeIsLostOnce() {
        fixture.given(registered(Map.of(), T0))
                .when(new NodeCommands.MarkNodeLost("node-1", T0, T1))
                .expectEvents(new NodeLost("node-1", T0, T1))
                .expectResultMessagePayload(true);
        fixture.given(registered(Map.of(), T0), new NodeLost("node-1", T0, T1))
                .when(new NodeCommands.MarkNodeLost("node-1", T0, T1.plusSeconds(1)))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aNodeHeardFromAfterTheSilenceWasSeenIsNotLost() {
        // the liveness check saw T0 as the last heartbeat; one came at T1 before its command ran
        lastHeard.put("node-1", T1);
        fixture.given(registered(Map.of(), T0))
                .when(new NodeCommands.MarkNodeLost("node-1", T0, T1.plusSeconds(1)))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aLostNodeHeardFromIsReadyAgain() {
        fixture.given(registered(Map.of(), T0), new NodeLost("node-1", T0, T1))
                .when(new NodeCommands.RecordHeartbeat("node-1", heartbeat(Map.of(), 3), T1.plusSeconds(2)))
                .expectEvents(new NodeReady("node-1", T1.plusSeconds(2)));
    }

    @Test
    void aCordonIsRecordedOnceAndADrainAfterItIsRecordedToo() {
        fixture.given(registered(Map.of(), T0))
                .when(new NodeCommands.CordonNode("node-1", false))
                .expectResultMessagePayload(true)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.axonframework.test.matchers.Matchers.matches(e -> e instanceof NodeCordoned c
                                        && !c.drain())),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
        fixture.given(registered(Map.of(), T0), new NodeCordoned("node-1", false, T1))
                .when(new NodeCommands.CordonNode("node-1", false))
                .expectResultMessagePayload(false)
                .expectNoEvents();
        fixture.given(registered(Map.of(), T0), new NodeCordoned("node-1", false, T1))
                .when(new NodeCommands.CordonNode("node-1", true))
                .expectResultMessagePayload(true)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.axonframework.test.matchers.Matchers.matches(e -> e instanceof NodeCordoned c
                                        && c.drain())),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void onlyACordonedNodeIsUncordoned() {
        fixture.given(registered(Map.of(), T0))
                .when(new NodeCommands.UncordonNode("node-1"))
                .expectResultMessagePayload(false)
                .expectNoEvents();
        fixture.given(registered(Map.of(), T0), new NodeCordoned("node-1", true, T1))
                .when(new NodeCommands.UncordonNode("node-1"))
                .expectResultMessagePayload(true)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.axonframework.test.matchers.Matchers.matches(e -> e instanceof NodeUncordoned)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }
}
