package io.podservice.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one fold of a pod's events: what each event means, written once. */
class PodStateTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final PodDefinition DEFINITION = new PodDefinition("web", null, null, "g.n2.medium", "cn-north-1a",
            "Always", 30, 1, 4096,
            List.of(new ContainerDefinition("app", "busybox:1", List.of("sleep"), List.of("60"), List.of(), null, false)));
    private static final ContainerStatusReport APP_READY = ContainerStatusReport.running("app", T0);
    private static final ContainerStatusReport APP_NOT_READY =
            new ContainerStatusReport("app", "running", null, null, T0, null, null, 0, false);

    private static PodState created() {
        return PodState.created(new PodCreated("pod-1", "acct-1", "cn-north-1", "task-1", DEFINITION, T0), T0);
    }

    @Test
    void aCreatedPodIsPendingWithItsCreationTaskInFlight() {
        PodState state = created();
        assertThat(state.phase()).isEqualTo(PodPhase.PENDING);
        assertThat(state.taskInFlight()).isEqualTo("task-1");
        assertThat(state.ready()).isFalse();
        assertThat(state.createTime()).isEqualTo(T0);
    }

    @Test
    void runningEndsTheTaskRemembersTheRunAndIsReadyWhenEveryContainerIs() {
        PodState running = created().apply(new PodRunning("pod-1", "task-1", "100.64.0.2", T0.plusSeconds(1),
                List.of(APP_READY)), T0.plusSeconds(1));
        assertThat(running.phase()).isEqualTo(PodPhase.RUNNING);
        assertThat(running.taskInFlight()).isNull();
        assertThat(running.runningTask()).isEqualTo("task-1");
        assertThat(running.podIp()).isEqualTo("100.64.0.2");
        assertThat(running.ready()).isTrue();
        assertThat(running.readySince()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void theNodesWordOnReadinessCountsAndTheTransitionTimeMovesOnlyOnAChange() {
        PodState running = created().apply(new PodRunning("pod-1", "task-1", "100.64.0.2", T0, List.of(APP_READY)), T0);
        PodState stillReady = running.apply(new PodContainersChanged("pod-1", "task-1", T0.plusSeconds(5), true,
                List.of(APP_READY)), T0.plusSeconds(5));
        assertThat(stillReady.readySince()).isEqualTo(T0);
        PodState notReady = stillReady.apply(new PodContainersChanged("pod-1", "task-1", T0.plusSeconds(9), false,
                List.of(APP_NOT_READY)), T0.plusSeconds(9));
        assertThat(notReady.ready()).isFalse();
        assertThat(notReady.readySince()).isEqualTo(T0.plusSeconds(9));
        assertThat(notReady.phase()).as("a container's readiness is no change of phase").isEqualTo(PodPhase.RUNNING);
    }

    @Test
    void aFailureKeepsItsReasonUntilTheNextTaskClearsIt() {
        PodState failed = created().apply(new PodFailed("pod-1", "task-1", "ErrImagePull", "no such image", T0,
                List.of()), T0);
        assertThat(failed.phase()).isEqualTo(PodPhase.ERROR);
        assertThat(failed.reason()).isEqualTo("ErrImagePull");
        assertThat(failed.taskInFlight()).isNull();
        PodState deleting = failed.apply(new PodDeleting("pod-1", "task-2", 30, false), T0.plusSeconds(1));
        assertThat(deleting.phase()).isEqualTo(PodPhase.DELETING);
        assertThat(deleting.reason()).isNull();
        assertThat(deleting.taskInFlight()).isEqualTo("task-2");
        PodState deleted = deleting.apply(new PodDeleted("pod-1", "task-2", T0.plusSeconds(2)), T0.plusSeconds(2));
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.ready()).isFalse();
    }

    @Test
    void elasticIpsAttributesAndPlacementChangeOnlyWhatTheyName() {
        PodState running = created().apply(new PodRunning("pod-1", "task-1", "10.0.0.5", T0, List.of(APP_READY)), T0);
        PodState bound = running.apply(new PodElasticIpAssociated("pod-1", "eip-1", "127.100.0.9", false, List.of(), T0),
                T0);
        assertThat(bound.definition().elasticIp().elasticIpAddress()).isEqualTo("127.100.0.9");
        assertThat(bound.phase()).isEqualTo(PodPhase.RUNNING);
        assertThat(bound.apply(new PodElasticIpDisassociated("pod-1", "eip-1", "127.100.0.9", T0), T0).definition()
                .elasticIp()).isNull();
        assertThat(bound.apply(new PodAttributesModified("pod-1", "renamed", "d"), T0).definition().name())
                .isEqualTo("renamed");
        PodState placed = bound.apply(new PodPlaced("pod-1", "node-2", "http://node-2:8080", T0), T0);
        assertThat(placed.nodeId()).isEqualTo("node-2");
        assertThat(placed.runningTask()).isEqualTo("task-1");
    }

    @Test
    void stopStartAndRebuildWalkThePhasesOfAStoppedPod() {
        PodState running = created().apply(new PodRunning("pod-1", "task-1", "10.0.0.5", T0, List.of(APP_READY)), T0);
        PodState stopped = running.apply(new PodStopping("pod-1", "task-2", 30), T0)
                .apply(new PodStopped("pod-1", "task-2", T0, List.of()), T0);
        assertThat(stopped.phase()).isEqualTo(PodPhase.STOPPED);
        assertThat(stopped.ready()).isFalse();
        PodState rebuilding = stopped.apply(new PodRebuilding("pod-1", "cn-north-1", "task-3",
                DEFINITION.withAttributes("web", "rebuilt"), "acct-1"), T0);
        assertThat(rebuilding.definition().description()).isEqualTo("rebuilt");
        assertThat(rebuilding.apply(new PodRebuilt("pod-1", "task-3", T0, List.of()), T0).phase())
                .isEqualTo(PodPhase.STOPPED);
        assertThat(stopped.apply(new PodStarting("pod-1", "cn-north-1", "task-4", DEFINITION, "acct-1"), T0)
                .taskInFlight()).isEqualTo("task-4");
    }
}
