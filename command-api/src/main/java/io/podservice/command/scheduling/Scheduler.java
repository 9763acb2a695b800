package io.podservice.command.scheduling;

import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places pods on nodes. A pod goes to a ready node of its availability zone, not cordoned, that has room for its
 * instance type (CPU, memory and one more pod, against what the node offers), the least filled one
 * first, so the pods of one createPods spread across the zone's nodes.
 *
 * <p>A node serves one zone or several (its registration lists them comma-separated).
 *
 * <p>Must run in the transaction that then stores the pods' events: it locks the zone's ready nodes
 * (advisory locks) until that transaction ends, sums what is placed on them, and the
 * {@link PlacementLedger} records the new placements in it, so two concurrent requests never take
 * the same room. The lock is per zone: createPods in one zone decide
 * one after the other (a decision takes a few milliseconds).
 */
@Component
public class Scheduler {

    /** The first key of the scheduler's advisory locks (the second is the node id's hash): "PS" + 1. */
    private static final int LOCK_SPACE = 0x505301;

    private final JdbcTemplate jdbc;

    public Scheduler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A ready node's offer and what is placed on it, as locked for the decision (and as it grows during it). */
    private static final class Room {
        final Offer offer;
        long usedMillicores;
        long usedMemory;
        int usedPods;

        Room(Offer offer, long usedMillicores, long usedMemory, int usedPods) {
            this.offer = offer;
            this.usedMillicores = usedMillicores;
            this.usedMemory = usedMemory;
            this.usedPods = usedPods;
        }

        long freeMillicores() {
            return offer.millicores() - usedMillicores;
        }

        long freeMemory() {
            return offer.memoryMB() - usedMemory;
        }

        int freePods() {
            return offer.pods() - usedPods;
        }

        boolean fits(Resources need) {
            return freePods() >= 1 && freeMillicores() >= need.millicores() && freeMemory() >= need.memoryMB();
        }

        /** How full the node is, by its scarcest resource: the scheduler fills the emptiest first. */
        double fill() {
            return Math.max((double) usedPods / Math.max(1, offer.pods()), Math.max(
                    (double) usedMillicores / Math.max(1, offer.millicores()),
                    (double) usedMemory / Math.max(1, offer.memoryMB())));
        }

        void take(Resources need) {
            usedPods++;
            usedMillicores += need.millicores();
            usedMemory += need.memoryMB();
        }
    }

    /**
     * Places up to {@code count} pods that each need {@code need} in {@code az}, best effort: as many
     * as fit, one node each, in the order returned.
     *
     * @param exceptNode a node not to use (the one a pod leaves), or null
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Placement> place(String az, Resources need, int count, String exceptNode) {
        return place(az, need, count, exceptNode, null);
    }

    /**
     * As {@link #place(String, Resources, int, String)}, only on {@code onlyNode} when it is given: the
     * node where the pod's disks (or the snapshot its new disk copies) live.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Placement> place(String az, Resources need, int count, String exceptNode, String onlyNode) {
        List<Room> rooms = lockReadyNodes(az, exceptNode, onlyNode);
        List<Placement> placements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Optional<Room> best = rooms.stream().filter(room -> room.fits(need))
                    .min(Comparator.comparingDouble(Room::fill).thenComparing(room -> room.offer.nodeId()));
            if (best.isEmpty()) {
                break;
            }
            best.get().take(need);
            placements.add(new Placement(best.get().offer.nodeId(), best.get().offer.nodeUrl()));
        }
        return placements;
    }

    /** OUT_OF_STOCK in the API's format: no ready node of the zone has room, and what the roomiest has. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ApiException outOfStock(String az, String instanceType, Resources need, String onlyNode) {
        List<Room> rooms = lockReadyNodes(az, null, onlyNode);
        if (rooms.isEmpty() && onlyNode != null) {
            return new ApiException(ErrorStatus.OUT_OF_STOCK, "Instance type '" + instanceType + "' is out of stock on "
                    + "node '" + onlyNode + "', where the pod's disks live: the node is not ready and schedulable");
        }
        if (rooms.isEmpty()) {
            return new ApiException(ErrorStatus.OUT_OF_STOCK, "Instance type '" + instanceType + "' is out of stock in "
                    + "availability zone '" + az + "': no node of that zone is ready and schedulable");
        }
        long cpu = rooms.stream().mapToLong(Room::freeMillicores).max().orElse(0);
        long memory = rooms.stream().mapToLong(Room::freeMemory).max().orElse(0);
        int pods = rooms.stream().mapToInt(Room::freePods).max().orElse(0);
        return new ApiException(ErrorStatus.OUT_OF_STOCK, "Instance type '" + instanceType + "' is out of stock in "
                + (onlyNode == null ? "availability zone '" + az + "'" : "node '" + onlyNode + "', where the pod's disks live")
                + ": a pod of it needs " + need.describe() + ", and none of the "
                + rooms.size() + " ready node(s) has that room (the most any has free: " + cpu / 1000.0 + " vCPU, "
                + memory + " MiB, " + pods + " pod(s))");
    }

    /**
     * Room on the pod's own node for it to need {@code need} instead of what it holds (resizePod): the
     * node's other pods and this one within what the node offers, decided under the node's lock as a
     * placement is; OUT_OF_STOCK naming what is free otherwise. A node the service no longer knows
     * has no room.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireRoomOnNode(String podId, String nodeId, String instanceType, Resources need) {
        jdbc.query("SELECT pg_advisory_xact_lock(?, hashtext(?))", rs -> null, LOCK_SPACE, nodeId);
        List<Offer> offers = jdbc.query("""
                SELECT node_id, node_url, allocatable_millicores, allocatable_memory_mb, allocatable_pods
                FROM node_index WHERE node_id = ?""",
                (rs, row) -> new Offer(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5)),
                nodeId);
        long[] others = jdbc.query("""
                SELECT COALESCE(sum(millicores), 0), COALESCE(sum(memory_mb), 0) FROM pod_placement
                WHERE node_id = ? AND pod_id <> ?""",
                rs -> rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : new long[2], nodeId, podId);
        long freeCpu = offers.isEmpty() ? 0 : offers.get(0).millicores() - others[0];
        long freeMemory = offers.isEmpty() ? 0 : offers.get(0).memoryMB() - others[1];
        if (need.millicores() > freeCpu || need.memoryMB() > freeMemory) {
            throw new ApiException(ErrorStatus.OUT_OF_STOCK, "Instance type '" + instanceType + "' does not fit on "
                    + "node '" + nodeId + "', where pod '" + podId + "' lives: it needs " + need.describe()
                    + ", and the node has " + Math.max(0, freeCpu) / 1000.0 + " vCPU and " + Math.max(0, freeMemory)
                    + " MiB besides its other pods");
        }
    }

    /**
     * The zone's ready nodes ({@code onlyNode} alone when given), each locked for the rest of the transaction and with what is placed on
     * it, summed once the lock is held. The locks are PostgreSQL advisory locks on the node ids, taken
     * in id order (no deadlock between two schedulers), not row locks: the heartbeats that update the
     * nodes' rows every few seconds never wait for a createPods, nor it for them.
     */
    private List<Room> lockReadyNodes(String az, String exceptNode, String onlyNode) {
        List<Offer> offers = jdbc.query("""
                SELECT node_id, node_url, allocatable_millicores, allocatable_memory_mb, allocatable_pods
                FROM node_index WHERE state = 'ready' AND NOT cordoned
                  AND ? = ANY (string_to_array(availability_zone, ',')) AND node_id <> ?
                  AND (?::text IS NULL OR node_id = ?)
                ORDER BY node_id""",
                (rs, row) -> new Offer(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5)),
                az, exceptNode == null ? "" : exceptNode, onlyNode, onlyNode);
        for (Offer offer : offers) {
            jdbc.query("SELECT pg_advisory_xact_lock(?, hashtext(?))", rs -> null, LOCK_SPACE, offer.nodeId());
        }
        if (offers.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, long[]> used = new java.util.HashMap<>();
        jdbc.query("""
                SELECT node_id, count(*), COALESCE(sum(millicores), 0), COALESCE(sum(memory_mb), 0)
                FROM pod_placement WHERE node_id = ANY (?) GROUP BY node_id""",
                rs -> {
                    used.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                },
                (Object) offers.stream().map(Offer::nodeId).toArray(String[]::new));
        return offers.stream().map(offer -> {
            long[] taken = used.getOrDefault(offer.nodeId(), new long[3]);
            return new Room(offer, taken[1], taken[2], (int) taken[0]);
        }).toList();
    }

    private record Offer(String nodeId, String nodeUrl, long millicores, long memoryMB, int pods) {
    }
}
