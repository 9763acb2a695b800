package io.podservice.command.pod;

import io.podservice.command.domain.CommandRejected;
import io.podservice.events.ContainerDefinition;
import io.podservice.events.ContainerStatusReport;
import io.podservice.events.PodCreated;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodFailed;
import io.podservice.events.PodElasticIpAssociated;
import io.podservice.events.PodPlaced;
import io.podservice.events.PodRunning;
import io.podservice.events.PodScheduled;
import io.podservice.command.scheduling.Placement;
import io.podservice.command.scheduling.EvacuatePod;
import io.podservice.command.scheduling.Scheduler;
import io.podservice.events.PodSpecParts;
import io.podservice.events.PodTaskResult;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Pod aggregate's rules, with no I/O: given events, when a command, then events. */
class PodTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final PodDefinition DEFINITION = new PodDefinition("web", null, null, "g.n2.medium", "cn-north-1a",
            "Always", 30, 1, 4096,
            List.of(new ContainerDefinition("app", "busybox:1", List.of("sleep"), List.of("60"), List.of(), null, false)));

    private AggregateTestFixture<Pod> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Pod.class);
    }

    @Test
    void creatingAPodRecordsItPendingWithATask() {
        fixture.givenNoPriorActivity()
                .when(new CreatePod("pod-1", "acct-1", "cn-north-1", DEFINITION,
                        new Placement("node-1", "http://node-1:8081"), NOW))
                .expectEventsMatching(Matchers.exactSequenceOf(
                        Matchers.messageWithPayload(Matchers.matches(e -> e instanceof PodCreated created
                                && created.podId().equals("pod-1") && created.taskId() != null
                                && created.definition().equals(DEFINITION))),
                        Matchers.messageWithPayload(Matchers.equalTo(PodScheduled.placement("pod-1", "node-1",
                                "http://node-1:8081", 1, null, NOW))),
                        Matchers.andNoMore()));
    }

    @Test
    void aReportFromANodeThePodIsNotPlacedOnChangesNothing() {
        fixture.given(created("task-1"), PodScheduled.placement("pod-1", "node-2", null, 1, null, NOW))
                .when(new RecordTaskResult("pod-1", result("task-1", PodTaskResult.Outcome.SUCCEEDED)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aPodThatMayNotBeRestartedFailsWithNodeLostWhenItsNodeIsLost() {
        PodDefinition never = new PodDefinition("web", null, null, "g.n2.medium", "cn-north-1a", "Never", 30, 1, 4096,
                DEFINITION.containers());
        fixture.registerInjectableResource(new Scheduler(null));
        fixture.given(new PodCreated("pod-1", "acct-1", "cn-north-1", "task-1", never, NOW),
                        PodScheduled.placement("pod-1", "node-1", null, 1, null, NOW),
                        new PodRunning("pod-1", "task-1", "172.17.0.2", NOW, List.of()))
                .when(new EvacuatePod("pod-1", "node-1", true))
                .expectResultMessagePayload(EvacuatePod.Outcome.FAILED)
                .expectEventsMatching(Matchers.exactSequenceOf(
                        Matchers.messageWithPayload(Matchers.matches(e -> e instanceof PodFailed failed
                                && failed.reason().equals("NodeLost") && failed.message().contains("restartPolicy Never"))),
                        Matchers.andNoMore()));
    }

    @Test
    void aPodAlreadyMovedOffTheLostNodeIsLeftAlone() {
        fixture.registerInjectableResource(new Scheduler(null));
        fixture.given(created("task-1"), new PodScheduled("pod-1", "node-2", null, 2, "node-1", "task-2",
                        "acct-1", "cn-north-1", DEFINITION, NOW))
                .when(new EvacuatePod("pod-1", "node-1", true))
                .expectResultMessagePayload(EvacuatePod.Outcome.NOT_THERE)
                .expectNoEvents();
    }

    @Test
    void aSuccessfulResultOfTheTaskInFlightMakesThePodRun() {
        fixture.given(created("task-1"))
                .when(new RecordTaskResult("pod-1", result("task-1", PodTaskResult.Outcome.SUCCEEDED)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(true)
                .expectEvents(new PodPlaced("pod-1", "node-1", null, NOW),
                        new PodRunning("pod-1", "task-1", "172.17.0.2", NOW,
                        List.of(ContainerStatusReport.running("app", NOW))));
    }

    @Test
    void aReportFromTheKnownNodeRecordsNoPlacementAgain() {
        fixture.given(created("task-1"), new PodPlaced("pod-1", "node-1", null, NOW))
                .when(new RecordTaskResult("pod-1", result("task-1", PodTaskResult.Outcome.SUCCEEDED)))
                .expectEvents(new PodRunning("pod-1", "task-1", "172.17.0.2", NOW,
                        List.of(ContainerStatusReport.running("app", NOW))));
    }

    @Test
    void aSecondElasticIpIsRefusedNamingTheOneBound() {
        PodDefinition inSubnet = DEFINITION.withNetwork(new PodSpecParts.NetworkInterface("vpc-1", "subnet-1",
                "10.0.0.0/24", "10.0.0.3", List.of(), null, null, true, 4096));
        fixture.given(new PodCreated("pod-1", "acct-1", "cn-north-1", "task-1", inSubnet, NOW),
                        new PodElasticIpAssociated("pod-1", "fip-1", "127.100.0.1", false, List.of(), NOW))
                .when(new PodCommands.AssociateElasticIp("pod-1", "acct-1", "cn-north-1", "fip-2", "127.100.0.2", false, List.of()))
                .expectException(CommandRejected.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("fip-1"));
    }

    @Test
    void aFailedResultPutsThePodInErrorWithTheWorkersReason() {
        fixture.given(created("task-1"))
                .when(new RecordTaskResult("pod-1", result("task-1", PodTaskResult.Outcome.FAILED)))
                .expectEvents(new PodFailed("pod-1", "task-1", "ErrImagePull", "no such image", NOW,
                        List.of(ContainerStatusReport.running("app", NOW))));
    }

    @Test
    void aResultOfAnotherTaskChangesNothing() {
        fixture.given(created("task-1"))
                .when(new RecordTaskResult("pod-1", result("task-0", PodTaskResult.Outcome.FAILED)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aDuplicatedResultChangesNothing() {
        fixture.given(created("task-1"), new PodRunning("pod-1", "task-1", "172.17.0.2", NOW, List.of()))
                .when(new RecordTaskResult("pod-1", result("task-1", PodTaskResult.Outcome.SUCCEEDED)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    private static PodCreated created(String taskId) {
        return new PodCreated("pod-1", "acct-1", "cn-north-1", taskId, DEFINITION, NOW);
    }

    private static PodTaskResult result(String taskId, PodTaskResult.Outcome outcome) {
        boolean ok = outcome == PodTaskResult.Outcome.SUCCEEDED;
        return new PodTaskResult("pod-1", taskId, outcome, ok ? null : "ErrImagePull", ok ? null : "no such image",
                ok ? "172.17.0.2" : null, List.of(ContainerStatusReport.running("app", NOW)), "node-1", NOW);
    }
}
