package io.podservice.query.nodes;

import io.podservice.api.catalog.InstanceTypeCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The room left on the ready nodes, as the read side sees it: what each offers ({@code node_view})
 * less the instance types of the pods on it that are not deleted ({@code pod_view}). It answers
 * describeInstanceTypes' {@code inStock}; the scheduler decides on the command side's own counters,
 * so a type shown in stock can still be refused by a createPods that races another for the last room.
 */
@Component
public class FreeCapacity {

    private final JdbcTemplate jdbc;
    private final InstanceTypeCatalog instanceTypes;

    FreeCapacity(JdbcTemplate jdbc, InstanceTypeCatalog instanceTypes) {
        this.jdbc = jdbc;
        this.instanceTypes = instanceTypes;
    }

    /** A ready node's zones and what it has free. */
    public record Room(Set<String> zones, double cpu, long memoryMB, long pods) {

        public boolean fits(String az, InstanceTypeCatalog.InstanceType type) {
            return zones.contains(az) && pods >= 1 && cpu >= type.cpu() && memoryMB >= type.memoryMB();
        }
    }

    /** Every ready node's room now, but for those an operator cordoned. */
    public List<Room> readyNodes() {
        List<InstanceTypeCatalog.InstanceType> types = instanceTypes.getInstanceTypes();
        StringBuilder sizes = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (InstanceTypeCatalog.InstanceType type : types) {
            sizes.append(sizes.isEmpty() ? "" : ", ").append("(?, ?, ?)");
            args.addAll(List.of(type.instanceType(), type.cpu(), type.memoryMB()));
        }
        if (types.isEmpty()) {
            sizes.append("(NULL, 0, 0)");
        }
        return jdbc.query("""
                WITH sizes (instance_type, cpu, memory_mb) AS (VALUES %s),
                used AS (SELECT p.node_id, count(*) AS pods, sum(s.cpu) AS cpu, sum(s.memory_mb) AS memory_mb
                         FROM pod_view p JOIN sizes s ON s.instance_type = p.instance_type
                         WHERE NOT p.deleted AND p.node_id IS NOT NULL GROUP BY p.node_id)
                SELECT n.availability_zone, n.allocatable_cpu - COALESCE(u.cpu, 0),
                       n.allocatable_memory_mb - COALESCE(u.memory_mb, 0), n.allocatable_pods - COALESCE(u.pods, 0)
                FROM node_view n LEFT JOIN used u ON u.node_id = n.node_id WHERE n.state = 'ready' AND n.schedulable""".formatted(sizes),
                (rs, row) -> new Room(Set.copyOf(Arrays.asList(rs.getString(1).split(","))), rs.getDouble(2),
                        rs.getLong(3), rs.getLong(4)), args.toArray());
    }
}
