package io.podservice.query.nodes;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.Paging;
import io.podservice.api.web.QueryFilters;
import io.podservice.events.EventJson;
import io.podservice.identity.Operators;
import io.podservice.persistence.SqlQuery;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The nodes of a region's availability zones, as operators see them: what each offers, holds and is. */
@Service
public class NodeDirectory {

    private static final String COLUMNS = "n.node_id, n.node_url, n.availability_zone, n.allocatable_cpu, "
            + "n.allocatable_memory_mb, n.allocatable_pods, n.labels, n.state, n.registered_at, n.state_changed_at, "
            + "n.last_heartbeat_at, (SELECT count(*) FROM pod_view p WHERE p.node_id = n.node_id AND NOT p.deleted), "
            + "n.schedulable, n.draining";

    private final JdbcTemplate jdbc;
    private final RegionCatalog regions;
    private final Operators operators;

    NodeDirectory(JdbcTemplate jdbc, RegionCatalog regions, Operators operators) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.operators = operators;
    }

    /** What a node offers pods: CPU cores, memory in MiB, pods. */
    public record Allocatable(double cpu, long memoryMB, int pods) {
    }

    /**
     * A node: {@code state} is {@code ready} or {@code lost}; {@code pods} counts the pods placed on it;
     * {@code lastHeartbeatTime} is when a lost node was last heard from; {@code schedulable} is false
     * while an operator has it cordoned, {@code draining} while its pods are being moved off it.
     */
    public record Node(String nodeId, String nodeUrl, String az, String state, Allocatable allocatable, long pods,
                       Map<String, String> labels, Instant registeredTime, Instant stateChangedTime,
                       Instant lastHeartbeatTime, boolean schedulable, boolean draining) {
    }

    public record NodePage(List<Node> nodes, long totalCount) {
    }

    /** describeNodes: filters {@code nodeId}, {@code az}, {@code state}; the caller must be an operator. */
    public NodePage describeNodes(String regionId, Paging paging, Map<String, String[]> parameters) {
        operators.requireOperator();
        RegionCatalog.Region region = regions.require(regionId);
        // a node serves one zone or several (comma-separated): listed when it serves any asked for
        String servesZone = "? = ANY (string_to_array(availability_zone, ','))";
        SqlQuery query = SqlQuery.where("TRUE").andAny(servesZone, region.azs());
        for (QueryFilters.Filter filter : QueryFilters.parse(parameters)) {
            switch (filter.name()) {
                case "nodeId" -> query.andIn("node_id", filter.values());
                case "az" -> query.andAny(servesZone, filter.values());
                case "state" -> query.andIn("state", filter.values());
                default -> throw ApiException.invalidArgument("Invalid filters." + filter.index() + ".name: unknown filter '"
                        + filter.name() + "'; filters: nodeId, az, state");
            }
        }
        long total = query.count(jdbc, "node_view");
        List<Node> nodes = query.page(jdbc, "SELECT " + COLUMNS + " FROM node_view n", "node_id", paging.pageSize(),
                paging.offset(), (rs, row) -> node(rs));
        return new NodePage(nodes, total);
    }

    private static Node node(ResultSet rs) throws SQLException {
        return new Node(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(8),
                new Allocatable(rs.getDouble(4), rs.getLong(5), rs.getInt(6)),
                rs.getLong(12), labels(rs.getString(7)), instant(rs, 9), instant(rs, 10), instant(rs, 11),
                rs.getBoolean(13), rs.getBoolean(14));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> labels(String json) {
        return EventJson.read(json.getBytes(StandardCharsets.UTF_8), Map.class);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
