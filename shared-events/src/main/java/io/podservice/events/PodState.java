package io.podservice.events;

import java.time.Instant;
import java.util.List;

/**
 * A pod as its events have made it: the one fold of the Pod aggregate's events, used by the
 * aggregate itself (to decide), by the describePods projection (to show) and by a node's desired
 * state (to converge). Each event's meaning is written here once.
 *
 * @param taskInFlight the task a worker is carrying out, whose result alone is accepted
 * @param runningTask  the task whose success made the pod run: reports about this run name it
 * @param ready        the pod's Ready condition: running and every container ready
 * @param readySince   when {@code ready} last changed (the condition's transition time)
 * @param placement    the generation of the pod's placement by the scheduler ({@link PodScheduled}); 0 for a
 *                     pod from before placements, which belongs to the node that reported it ({@link PodPlaced})
 */
public record PodState(
        String podId,
        String accountId,
        String regionId,
        Instant createTime,
        PodDefinition definition,
        PodPhase phase,
        String reason,
        String message,
        String taskInFlight,
        String runningTask,
        String podIp,
        Instant startTime,
        List<ContainerStatusReport> containerStatuses,
        boolean ready,
        Instant readySince,
        String nodeId,
        String nodeUrl,
        long placement,
        boolean deleted) {

    public PodState {
        containerStatuses = containerStatuses == null ? List.of() : List.copyOf(containerStatuses);
    }

    /** The pod as {@code created} makes it, at {@code at}: pending, its creation task in flight. */
    public static PodState created(PodCreated created, Instant at) {
        // a pod in a subnet has its address from the start: the service assigned it
        String address = created.definition().network() == null ? null : created.definition().network().privateIpAddress();
        return new PodState(created.podId(), created.accountId(), created.regionId(), created.createdAt(),
                created.definition(), PodPhase.PENDING, null, null, created.taskId(), null, address, null, List.of(),
                false, at, null, null, 0, false);
    }

    /**
     * The pod after {@code event}, which happened at {@code at}. A {@link PodCreated} starts a pod
     * afresh: use {@link #created}.
     */
    public PodState apply(PodEvent event, Instant at) {
        if (event instanceof PodCreated created) {
            return created(created, at);
        }
        Builder next = new Builder(this);
        Boolean reportedReady = null;
        if (event instanceof PodRunning e) {
            next.phase(PodPhase.RUNNING).status(null, null).task(null).runningTask(e.taskId()).podIp(e.podIp())
                    .startTime(e.startedAt()).containers(e.containers());
        } else if (event instanceof PodFailed e) {
            next.phase(PodPhase.ERROR).status(e.reason(), e.message()).task(null).containers(e.containers());
        } else if (event instanceof PodStopping e) {
            next.phase(PodPhase.STOPPING).status(null, null).task(e.taskId());
        } else if (event instanceof PodStopped e) {
            next.phase(PodPhase.STOPPED).status(null, null).task(null).containers(e.containers());
        } else if (event instanceof PodStarting e) {
            next.phase(PodPhase.STARTING).status(null, null).task(e.taskId()).definition(e.definition());
        } else if (event instanceof PodDeleting e) {
            next.phase(PodPhase.DELETING).status(null, null).task(e.taskId());
        } else if (event instanceof PodDeleted) {
            next.task(null).deleted();
        } else if (event instanceof PodRebuilding e) {
            next.phase(PodPhase.REBUILDING).status(null, null).task(e.taskId()).definition(e.definition());
        } else if (event instanceof PodRebuilt e) {
            next.phase(PodPhase.STOPPED).status(null, null).task(null).containers(e.containers());
        } else if (event instanceof PodContainersChanged e) {
            next.status(null, null).containers(e.containers());
            reportedReady = e.ready();
        } else if (event instanceof PodElasticIpAssociated e) {
            next.definition(definition.withElasticIp(new PodSpecParts.ElasticIpBinding(e.elasticIpId(),
                    e.elasticIpAddress(), e.filtered(), e.ingressRules())));
        } else if (event instanceof PodElasticIpDisassociated) {
            next.definition(definition.withElasticIp(null));
        } else if (event instanceof PodPlaced e) {
            next.node(e.nodeId(), e.nodeUrl());
        } else if (event instanceof PodScheduled e) {
            next.node(e.nodeId(), e.nodeUrl()).placement(e.generation());
            if (e.taskId() != null) {
                // moved off a lost node: created afresh on the new one, nothing of the old run is known
                next.phase(PodPhase.PENDING).status(null, null).task(e.taskId()).runningTask(null).startTime(null)
                        .containers(List.of());
            }
        } else if (event instanceof PodResized e) {
            next.definition(e.definition());
        } else if (event instanceof PodAttributesModified e) {
            next.definition(definition.withAttributes(e.name(), e.description()));
        } else if (event instanceof PodSuspended || event instanceof PodRetired) {
            // steps of the charge's life: the stop or the deletion that follows is what changes the pod
            next.definition(definition);
        } else {
            throw new IllegalArgumentException("PodState does not know " + event.getClass().getSimpleName()
                    + ": give it a meaning here");
        }
        return next.build(at, reportedReady);
    }

    /** The next state, field by field, from the one before. */
    private static final class Builder {
        private final PodState before;
        private PodDefinition definition;
        private PodPhase phase;
        private String reason;
        private String message;
        private String taskInFlight;
        private String runningTask;
        private String podIp;
        private Instant startTime;
        private List<ContainerStatusReport> containers;
        private String nodeId;
        private String nodeUrl;
        private long placement;
        private boolean deleted;

        Builder(PodState before) {
            this.before = before;
            definition = before.definition;
            phase = before.phase;
            reason = before.reason;
            message = before.message;
            taskInFlight = before.taskInFlight;
            runningTask = before.runningTask;
            podIp = before.podIp;
            startTime = before.startTime;
            containers = before.containerStatuses;
            nodeId = before.nodeId;
            nodeUrl = before.nodeUrl;
            placement = before.placement;
            deleted = before.deleted;
        }

        Builder phase(PodPhase value) {
            phase = value;
            return this;
        }

        Builder status(String newReason, String newMessage) {
            reason = newReason;
            message = newMessage;
            return this;
        }

        Builder task(String value) {
            taskInFlight = value;
            return this;
        }

        Builder runningTask(String value) {
            runningTask = value;
            return this;
        }

        Builder podIp(String value) {
            podIp = value;
            return this;
        }

        Builder startTime(Instant value) {
            startTime = value;
            return this;
        }

        Builder containers(List<ContainerStatusReport> value) {
            containers = value;
            return this;
        }

        Builder definition(PodDefinition value) {
            definition = value;
            return this;
        }

        Builder node(String id, String url) {
            nodeId = id;
            nodeUrl = url;
            return this;
        }

        Builder placement(long generation) {
            placement = generation;
            return this;
        }

        Builder deleted() {
            deleted = true;
            return this;
        }

        /**
         * The state, its Ready condition worked out: a running pod is ready when the node says so
         * ({@code reportedReady}) or, without a word from it, when it has containers and all are ready.
         */
        PodState build(Instant at, Boolean reportedReady) {
            boolean ready = !deleted && phase == PodPhase.RUNNING && (reportedReady != null ? reportedReady
                    : !containers.isEmpty() && containers.stream().allMatch(ContainerStatusReport::ready));
            Instant readySince = ready == before.ready && before.readySince != null ? before.readySince : at;
            return new PodState(before.podId, before.accountId, before.regionId, before.createTime, definition, phase,
                    reason, message, taskInFlight, runningTask, podIp, startTime, containers, ready, readySince, nodeId,
                    nodeUrl, placement, deleted);
        }
    }
}
