package io.podservice.command.pod;

import io.podservice.command.domain.CommandRejected;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.podservice.events.ContainerDefinition;
import io.podservice.events.PodAttributesModified;
import io.podservice.events.PodContainersChanged;
import io.podservice.events.PodRebuilding;
import io.podservice.events.PodResized;
import io.podservice.events.PodRebuilt;
import io.podservice.events.PodCreated;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodDeleted;
import io.podservice.events.PodDeleting;
import io.podservice.events.PodFailed;
import io.podservice.events.PodPhase;
import io.podservice.events.PodPlaced;
import io.podservice.events.PodScheduled;
import io.podservice.events.NodeRouting;
import io.podservice.command.scheduling.Placement;
import io.podservice.command.scheduling.Resources;
import io.podservice.command.scheduling.EvacuatePod;
import io.podservice.command.scheduling.Scheduler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateLifecycle;
import io.podservice.events.PodElasticIpAssociated;
import io.podservice.events.PodElasticIpDisassociated;
import io.podservice.events.PodEvent;
import io.podservice.events.PodState;
import io.podservice.events.PodRunning;
import io.podservice.events.PodStarting;
import io.podservice.events.PodStopped;
import io.podservice.events.PodStopping;
import io.podservice.events.PodSuspended;
import io.podservice.events.PodRetired;
import io.podservice.command.account.UnpaidPods;
import io.podservice.events.PodTaskResult;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The Pod aggregate: decides every change of a pod's phase (shared/API.md "Pod phases"). Work
 * goes to workers as tasks, each with an id, and a worker's result is accepted only for the task
 * still in flight, so stale, duplicated or reordered reports change nothing. Another account's
 * pod answers exactly like a missing one.
 *
 * <p>A pod is placed on one node ({@link PodScheduled}) and every event of it is addressed to that
 * node ({@link NodeRouting}); only that node's reports count. When the node is lost the pod is moved
 * (restartPolicy Always) or failed with reason {@code NodeLost}.
 */
@Aggregate
public class Pod {

    private static final Set<PodPhase> DELETABLE = EnumSet.of(PodPhase.RUNNING, PodPhase.STOPPED, PodPhase.ERROR);

    @AggregateIdentifier
    private String podId;
    /** The pod as its events made it (the one fold, shared with the projection and the nodes). */
    private PodState state;
    /** Why the service suspended the pod's current run (overdue, arrear), or null; a start clears it. */
    private String suspendedFor;

    protected Pod() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Pod(CreatePod command) {
        Placement placement = command.placement();
        MetaData toNode = MetaData.with(NodeRouting.METADATA, placement.nodeId());
        AggregateLifecycle.apply(new PodCreated(command.podId(), command.accountId(), command.regionId(), newTask(),
                command.definition(), command.requestedAt()), toNode);
        AggregateLifecycle.apply(PodScheduled.placement(command.podId(), placement.nodeId(), placement.nodeUrl(), 1, null,
                command.requestedAt()), toNode);
    }

    /**
     * The pod's node was lost, or an operator drains it. A pod that should run is created afresh on
     * another node with room (a new placement generation and task; its address in a subnet moves
     * with it, an address Docker gave does not); a stopped one is moved without starting. From a
     * lost node only pods with restartPolicy Always move: any other pod that was running or on
     * its way there fails with reason {@code NodeLost}, and a deletion in flight completes (the
     * node's containers went with it, and the node removes them if it comes back). From a drained
     * node every pod moves where there is room; one in the middle of a task waits for it.
     */
    @CommandHandler
    public EvacuatePod.Outcome handle(EvacuatePod command, Scheduler scheduler) {
        if (state.deleted() || !command.nodeId().equals(state.nodeId())) {
            return EvacuatePod.Outcome.NOT_THERE;
        }
        Instant now = Instant.now();
        boolean shouldRun = EnumSet.of(PodPhase.RUNNING, PodPhase.PENDING, PodPhase.STARTING).contains(state.phase());
        boolean atRest = EnumSet.of(PodPhase.STOPPED, PodPhase.ERROR).contains(state.phase());
        if (!command.lost()) {
            if (!shouldRun && !atRest) {
                return EvacuatePod.Outcome.BUSY;
            }
            return moveElsewhere(scheduler, shouldRun, now) ? EvacuatePod.Outcome.MOVED : EvacuatePod.Outcome.STAYED;
        }
        if (state.phase() == PodPhase.DELETING) {
            apply(new PodDeleted(podId, state.taskInFlight(), now));
            return EvacuatePod.Outcome.DELETED;
        }
        if (state.phase() == PodPhase.STOPPING) {
            apply(new PodStopped(podId, state.taskInFlight(), now, List.of()));
            atRest = true;
        }
        boolean restartable = "Always".equals(state.definition().restartPolicy());
        if (restartable && (shouldRun || atRest) && moveElsewhere(scheduler, shouldRun, now)) {
            return EvacuatePod.Outcome.MOVED;
        }
        if (shouldRun || state.phase() == PodPhase.REBUILDING) {
            apply(new PodFailed(podId, state.taskInFlight() == null ? state.runningTask() : state.taskInFlight(),
                    "NodeLost", "node '" + state.nodeId() + "' that ran the pod was lost" + (onItsDisks()
                    ? "; its cloud disks live on that node, so it is not moved to another node"
                    : restartable ? "; no other node of availability zone '" + state.definition().az() + "' has room for it"
                    : "; restartPolicy " + state.definition().restartPolicy() + " does not move it to another node"),
                    now, List.of()));
            return EvacuatePod.Outcome.FAILED;
        }
        return EvacuatePod.Outcome.STAYED;
    }

    /** A pod with cloud disks stays on their node: a disk lives on one node (docs/operations.md). */
    private boolean onItsDisks() {
        return state.definition().volumes().stream().anyMatch(v -> v.jdcloudDisk() != null
                && v.jdcloudDisk().volumeId() != null);
    }

    /**
     * Places the pod on another node of its zone with room, with what that node needs to know it
     * (it saw none of its events) and, when it should run, the task that creates it there.
     *
     * @return false when no other node has room
     */
    private boolean moveElsewhere(Scheduler scheduler, boolean run, Instant now) {
        if (onItsDisks()) {
            return false;
        }
        List<Placement> to = scheduler.place(state.definition().az(), Resources.of(state.definition()), 1,
                state.nodeId());
        if (to.isEmpty()) {
            return false;
        }
        String from = state.nodeId();
        AggregateLifecycle.apply(new PodScheduled(podId, to.get(0).nodeId(), to.get(0).nodeUrl(), state.placement() + 1,
                        from, run ? newTask() : null, state.accountId(), state.regionId(), state.definition(), now),
                MetaData.with(NodeRouting.METADATA, NodeRouting.join(List.of(from, to.get(0).nodeId()))));
        return true;
    }

    @CommandHandler
    public void handle(PodCommands.StopPod command) {
        requireOwner(command.accountId());
        requirePhase("stopPod", EnumSet.of(PodPhase.RUNNING), "running");
        apply(new PodStopping(podId, newTask(), gracePeriod()));
    }

    @CommandHandler
    public void handle(PodCommands.StartPod command) {
        requireOwner(command.accountId());
        requirePhase("startPod", EnumSet.of(PodPhase.STOPPED), "stopped");
        apply(new PodStarting(podId, state.regionId(), newTask(), state.definition(), state.accountId()));
    }

    @CommandHandler
    public void handle(PodCommands.DeletePod command) {
        requireOwner(command.accountId());
        requirePhase("deletePod", DELETABLE, "running, stopped or error");
        beginDeletion(command.deletePrimaryNetworkInterfaceAllElasticIp());
    }

    private void beginDeletion(boolean releaseElasticIp) {
        if (state.definition().elasticIp() != null) {
            // a pod being deleted keeps no elastic IP: unbound now, released too when the caller asks
            apply(new PodElasticIpDisassociated(podId, state.definition().elasticIp().elasticIpId(),
                    state.definition().elasticIp().elasticIpAddress(), Instant.now()));
        }
        apply(new PodDeleting(podId, newTask(), gracePeriod(), releaseElasticIp));
    }

    /**
     * Nobody pays for the pod ({@code overdue} or {@code arrear}): recorded once per run, and a running
     * pod is stopped; a pod in the middle of a task is asked again later.
     */
    @CommandHandler
    public UnpaidPods.Outcome handle(UnpaidPods.SuspendPod command) {
        if (state.deleted() || state.phase() == PodPhase.DELETING) {
            return UnpaidPods.Outcome.GONE;
        }
        if (command.chargeStatus().equals(suspendedFor)) {
            return UnpaidPods.Outcome.ALREADY;
        }
        boolean running = state.phase() == PodPhase.RUNNING;
        if (!running && !EnumSet.of(PodPhase.STOPPED, PodPhase.ERROR).contains(state.phase())) {
            return UnpaidPods.Outcome.BUSY;
        }
        apply(new PodSuspended(podId, command.chargeStatus(), command.message(), command.retireAt(), Instant.now()));
        if (running) {
            apply(new PodStopping(podId, newTask(), gracePeriod()));
        }
        return UnpaidPods.Outcome.SUSPENDED;
    }

    /** Still not paid for when its retention ended: deleted, as deletePod would (its elastic IP unbound). */
    @CommandHandler
    public UnpaidPods.Outcome handle(UnpaidPods.RetirePod command) {
        if (state.deleted()) {
            return UnpaidPods.Outcome.GONE;
        }
        if (state.phase() == PodPhase.DELETING) {
            return UnpaidPods.Outcome.ALREADY;
        }
        if (!DELETABLE.contains(state.phase())) {
            return UnpaidPods.Outcome.BUSY;
        }
        apply(new PodRetired(podId, command.chargeStatus(), command.message(), Instant.now()));
        beginDeletion(false);
        return UnpaidPods.Outcome.RETIRED;
    }

    @CommandHandler
    public void handle(PodCommands.AssociateElasticIp command) {
        requireOwner(command.accountId());
        if (!state.regionId().equals(command.regionId())) {
            // an elastic IP serves pods of its own region only; the pod is not in this one
            throw CommandRejected.notFound("Pod", podId);
        }
        if (state.phase() == PodPhase.DELETING) {
            throw wrongPhase(podId, "associateElasticIp", state.phase(), "not being deleted");
        }
        if (state.definition().network() == null) {
            throw CommandRejected.of(CommandRejected.Reason.FAILED_PRECONDITION, "Pod '" + podId + "' has no primary "
                    + "network interface (it was created without podSpec.primaryNetworkInterface), so it cannot have "
                    + "an elastic IP");
        }
        if (state.definition().elasticIp() != null) {
            throw CommandRejected.of(CommandRejected.Reason.FAILED_PRECONDITION, "Pod '" + podId + "' already has "
                    + "elastic IP '" + state.definition().elasticIp().elasticIpId() + "' (" + state.definition().elasticIp()
                    .elasticIpAddress() + "); a pod has at most one: disassociate it first");
        }
        apply(new PodElasticIpAssociated(podId, command.elasticIpId(), command.elasticIpAddress(), command.filtered(),
                command.ingressRules(), Instant.now()));
    }

    @CommandHandler
    public void handle(PodCommands.DisassociateElasticIp command) {
        requireOwner(command.accountId());
        if (state.definition().elasticIp() == null || !state.definition().elasticIp().elasticIpId().equals(command.elasticIpId())) {
            throw CommandRejected.of(CommandRejected.Reason.FAILED_PRECONDITION, "Elastic IP '" + command.elasticIpId()
                    + "' is not associated with pod '" + podId + "'" + (state.definition().elasticIp() == null
                    ? "; the pod has no elastic IP" : "; its elastic IP is '" + state.definition().elasticIp().elasticIpId() + "'"));
        }
        apply(new PodElasticIpDisassociated(podId, command.elasticIpId(), state.definition().elasticIp().elasticIpAddress(),
                Instant.now()));
    }

    @CommandHandler
    public void handle(PodCommands.RebuildPod command) {
        requireOwner(command.accountId());
        requirePhase("rebuildPod", EnumSet.of(PodPhase.STOPPED), "stopped");
        java.util.Map<String, PodCommands.ContainerReplacement> byName = new java.util.HashMap<>();
        for (int i = 0; i < command.containers().size(); i++) {
            PodCommands.ContainerReplacement replacement = command.containers().get(i);
            if (state.definition().containers().stream().noneMatch(c -> c.name().equals(replacement.name()))) {
                throw CommandRejected.invalid("containers[" + i + "].name", "pod '" + podId + "' has no container '"
                        + replacement.name() + "'");
            }
            if (replacement.volumeMounts() != null) {
                for (int j = 0; j < replacement.volumeMounts().size(); j++) {
                    String volume = replacement.volumeMounts().get(j).name();
                    if (state.definition().volumes().stream().noneMatch(v -> v.name().equals(volume))) {
                        throw CommandRejected.invalid("containers[" + i + "].volumeMounts[" + j + "].name", "pod '" + podId
                                + "' has no volume '" + volume + "'");
                    }
                    String subPath = replacement.volumeMounts().get(j).subPath();
                    if (subPath != null && !subPath.isEmpty() && state.definition().volumes().stream().anyMatch(v ->
                            v.name().equals(volume) && (v.configFile() != null || v.emptyDir() != null))) {
                        throw CommandRejected.invalid("containers[" + i + "].volumeMounts[" + j + "].subPath", "a config "
                                + "file or emptyDir volume is mounted whole: leave subPath empty");
                    }
                }
            }
            byName.put(replacement.name(), replacement);
        }
        apply(new PodRebuilding(podId, state.regionId(), newTask(), state.definition().withContainers(state.definition().containers().stream()
                .map(c -> byName.containsKey(c.name()) ? rebuilt(c, byName.get(c.name())) : c)
                .toList()), state.accountId()));
    }

    /**
     * resizePod: only a stopped pod, only to another type, its containers' resources within the new type,
     * and room for it on its node (it stays there). Answers the type it had.
     */
    @CommandHandler
    public String handle(PodCommands.ResizePod command, PodSpecValidator validator, Scheduler scheduler) {
        requireOwner(command.accountId());
        requirePhase("resizePod", EnumSet.of(PodPhase.STOPPED), "stopped");
        String from = state.definition().instanceType();
        io.podservice.api.catalog.InstanceTypeCatalog.InstanceType type = command.type();
        if (type.instanceType().equals(from)) {
            throw CommandRejected.invalid("instanceType", "pod '" + podId + "' is of type '" + from
                    + "' already; name another type");
        }
        try {
            List<ContainerDefinition> containers = validator.resized(state.definition(), type,
                    command.containerResources() == null ? List.of() : command.containerResources());
            PodDefinition resized = state.definition().withInstanceType(type.instanceType(), type.cpu(),
                    type.memoryMB(), containers);
            if (state.nodeId() != null) {
                scheduler.requireRoomOnNode(podId, state.nodeId(), type.instanceType(),
                        Resources.of(resized));
            }
            apply(new PodResized(podId, state.accountId(), state.regionId(), from, resized, Instant.now()));
        } catch (io.podservice.api.web.ApiException e) {
            throw CommandRejected.of(CommandRejected.Reason.valueOf(e.status().name()), e.getMessage());
        }
        return from;
    }

    private static ContainerDefinition rebuilt(ContainerDefinition c, PodCommands.ContainerReplacement r) {
        return new ContainerDefinition(c.name(), r.image(),
                r.command() == null ? c.command() : r.command(),
                r.args() == null ? c.args() : r.args(),
                r.env() == null ? c.env() : r.env(),
                r.workingDir() == null ? c.workingDir() : r.workingDir(),
                r.tty() == null ? c.tty() : r.tty(),
                r.secret() == null ? c.secret() : r.secret(), c.limits(), c.systemDisk(),
                r.volumeMounts() == null ? c.volumeMounts() : r.volumeMounts(),
                r.livenessProbe() == null ? c.livenessProbe() : r.livenessProbe(),
                r.readinessProbe() == null ? c.readinessProbe() : r.readinessProbe(),
                r.secret() == null ? c.registryAuth() : r.registryAuth(), c.requests());
    }

    @CommandHandler
    public void handle(PodCommands.ModifyPodAttribute command) {
        requireOwner(command.accountId());
        String name = command.name() == null ? state.definition().name() : command.name();
        String description = command.description() == null ? state.definition().description() : command.description();
        if (!Objects.equals(name, state.definition().name()) || !Objects.equals(description, state.definition().description())) {
            apply(new PodAttributesModified(podId, name, description));
        }
    }

    /** @return whether the result answered the task in flight and was recorded */
    @CommandHandler
    public boolean handle(RecordTaskResult command) {
        PodTaskResult result = command.result();
        if (result.outcome() == PodTaskResult.Outcome.OBSERVED) {
            // what a worker saw on the pod: about the run it belongs to, or the progress of the task in flight
            boolean aboutThisRun = state.phase() == PodPhase.RUNNING && result.taskId().equals(state.runningTask());
            boolean aboutTaskInFlight = (state.phase() == PodPhase.PENDING || state.phase() == PodPhase.STARTING)
                    && result.taskId().equals(state.taskInFlight());
            if (!aboutThisRun && !aboutTaskInFlight || !fromPodsNode(result)) {
                return false;
            }
            placeOn(result);
            apply(new PodContainersChanged(podId, result.taskId(), result.reportedAt(),
                    Boolean.TRUE.equals(result.ready()), result.containers()));
            return true;
        }
        if (state.taskInFlight() == null || !state.taskInFlight().equals(result.taskId())) {
            return false;
        }
        if (!fromPodsNode(result)) {
            return false;
        }
        if (result.outcome() == PodTaskResult.Outcome.FAILED) {
            apply(new PodFailed(podId, result.taskId(), result.reason(), result.message(), result.reportedAt(),
                    result.containers()));
            return true;
        }
        switch (state.phase()) {
            case PENDING, STARTING -> {
                placeOn(result);
                apply(new PodRunning(podId, result.taskId(), result.podIp(), result.reportedAt(),
                        result.containers()));
            }
            case STOPPING -> apply(new PodStopped(podId, result.taskId(), result.reportedAt(), result.containers()));
            case DELETING -> apply(new PodDeleted(podId, result.taskId(), result.reportedAt()));
            case REBUILDING -> apply(new PodRebuilt(podId, result.taskId(), result.reportedAt(), result.containers()));
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a report comes from the node the pod is placed on: a node the pod was moved away from
     * (lost, and back) is heard no more. A pod from before placements takes any node's word.
     */
    private boolean fromPodsNode(PodTaskResult result) {
        return state.placement() == 0 || Objects.equals(result.workerId(), state.nodeId());
    }

    /**
     * Every event of the pod goes to the node it is placed on ({@link NodeRouting}), which alone acts
     * on it; a pod from before placements has none, and its events go to every node.
     */
    private void apply(PodEvent event) {
        if (state != null && state.nodeId() != null && state.placement() > 0) {
            AggregateLifecycle.apply(event, MetaData.with(NodeRouting.METADATA, state.nodeId()));
        } else {
            AggregateLifecycle.apply(event);
        }
    }

    /** Records which node runs the pod when a report comes from a node other than the one known. */
    private void placeOn(PodTaskResult result) {
        if (result.workerId() != null
                && (!result.workerId().equals(state.nodeId()) || !Objects.equals(result.workerUrl(), state.nodeUrl()))) {
            apply(new PodPlaced(podId, result.workerId(), result.workerUrl(), result.reportedAt()));
        }
    }

    private void requireOwner(String caller) {
        if (!state.accountId().equals(caller)) {
            throw CommandRejected.notFound("Pod", podId);
        }
    }

    private void requirePhase(String operation, Set<PodPhase> allowed, String allowedWords) {
        if (!allowed.contains(state.phase())) {
            throw wrongPhase(podId, operation, state.phase(), allowedWords);
        }
    }

    private static CommandRejected wrongPhase(String podId, String operation, PodPhase phase, String allowed) {
        return CommandRejected.of(CommandRejected.Reason.FAILED_PRECONDITION, operation + " is not allowed while pod '"
                + podId + "' is " + phase.wireName() + "; it needs a pod that is " + allowed);
    }

    private int gracePeriod() {
        Integer seconds = state.definition().terminationGracePeriodSeconds();
        return seconds == null ? 30 : seconds;
    }

    private static String newTask() {
        return UUID.randomUUID().toString();
    }

    @EventSourcingHandler
    void on(PodEvent event, @Timestamp Instant at) {
        if (event instanceof PodSuspended suspended) {
            suspendedFor = suspended.chargeStatus();
        } else if (event instanceof PodStarting) {
            suspendedFor = null;
        }
        if (event instanceof PodCreated created) {
            podId = created.podId();
            state = PodState.created(created, at);
        } else {
            state = state.apply(event, at);
        }
        if (state.deleted()) {
            markDeleted();
        }
    }
}
