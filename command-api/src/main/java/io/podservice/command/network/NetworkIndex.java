package io.podservice.command.network;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podservice.events.ElasticIpCreated;
import io.podservice.events.ElasticIpDeleted;
import io.podservice.events.EventJson;
import io.podservice.events.PodCreated;
import io.podservice.events.PodDeleted;
import io.podservice.events.PodElasticIpAssociated;
import io.podservice.events.PodElasticIpDisassociated;
import io.podservice.events.PodSpecParts.NetworkInterface;
import io.podservice.events.PodSpecParts.SecurityGroupRule;
import io.podservice.events.SecurityGroupCreated;
import io.podservice.events.SecurityGroupDeleted;
import io.podservice.events.SecurityGroupRulesAdded;
import io.podservice.events.SubnetCreated;
import io.podservice.events.SubnetDeleted;
import io.podservice.events.VpcCreated;
import io.podservice.events.VpcDeleted;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live network resources and the pods' primary interfaces ({@code network_resource},
 * {@code pod_network}), kept by the subscribing processor {@value #PROCESSING_GROUP} in the
 * transaction that stores the events, and the questions the commands ask of them. {@link #lock}
 * serializes the decisions that the tables' unique indexes back (addresses, bindings, overlaps).
 */
@Component
@ProcessingGroup(NetworkIndex.PROCESSING_GROUP)
public class NetworkIndex {

    static final String PROCESSING_GROUP = "network-index";
    static final String VPC = "vpc";
    static final String SUBNET = "subnet";
    static final String SECURITY_GROUP = "securityGroup";
    static final String ELASTIC_IP = "elasticIp";

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final TypeReference<List<SecurityGroupRule>> RULES = new TypeReference<>() { };

    private final JdbcTemplate jdbc;

    NetworkIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A live resource as the commands need it. */
    public record Resource(String id, String kind, String accountId, String regionId, String vpcId, String name,
                           String addressPrefix, String address, List<SecurityGroupRule> rules, int vni) {
    }

    /** A live pod's primary interface. */
    public record PodNic(String podId, String subnetId, String privateIp, List<String> securityGroupIds,
                         String elasticIpId) {
    }

    /**
     * A VXLAN network identifier no other subnet has had (sequence {@code subnet_vni}): the subnet's
     * segment of the overlay that joins its pods across nodes. Never reused, so a deleted subnet's
     * stray frames never reach a new one.
     */
    public int nextVni() {
        return jdbc.queryForObject("SELECT nextval('subnet_vni')", Integer.class);
    }

    /** Holds a transaction-scoped lock on {@code key} (PostgreSQL advisory lock) until the transaction ends. */
    public void lock(String key) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", key);
    }

    /** The caller's live resource of that kind, or empty (another account's is not found either). */
    public Optional<Resource> find(String kind, String accountId, String regionId, String id) {
        return jdbc.query("SELECT * FROM network_resource WHERE resource_id = ? AND kind = ? AND account_id = ? "
                + "AND region_id = ?", NetworkIndex::resource, id, kind, accountId, regionId).stream().findFirst();
    }

    /** The region of a live resource. */
    /** The caller's resource of {@code kind}, or NOT_FOUND naming it as {@code label} ("Subnet 'x' not found in r"). */
    public Resource require(String kind, String label, String accountId, String regionId, String id) {
        return find(kind, accountId, regionId, id)
                .orElseThrow(() -> io.podservice.api.web.ApiException.notFound(label + " '" + id + "' not found in "
                        + regionId));
    }

    public Optional<String> regionOf(String id) {
        return jdbc.queryForList("SELECT region_id FROM network_resource WHERE resource_id = ?", String.class, id)
                .stream().findFirst();
    }

    /** Every live resource of a kind, of every account (overlaps and addresses are node-wide). */
    public List<Resource> all(String kind) {
        return jdbc.query("SELECT * FROM network_resource WHERE kind = ? ORDER BY resource_id", NetworkIndex::resource,
                kind);
    }

    public List<String> idsInVpc(String kind, String vpcId) {
        return jdbc.queryForList("SELECT resource_id FROM network_resource WHERE kind = ? AND vpc_id = ? "
                + "ORDER BY resource_id", String.class, kind, vpcId);
    }

    public Optional<PodNic> nicOf(String podId) {
        return jdbc.query("SELECT * FROM pod_network WHERE pod_id = ?", NetworkIndex::nic, podId).stream().findFirst();
    }

    public List<String> addressesIn(String subnetId) {
        return jdbc.queryForList("SELECT private_ip FROM pod_network WHERE subnet_id = ?", String.class, subnetId);
    }

    public Optional<String> holderOf(String subnetId, String ip) {
        return jdbc.queryForList("SELECT pod_id FROM pod_network WHERE subnet_id = ? AND private_ip = ?", String.class,
                subnetId, ip).stream().findFirst();
    }

    public Optional<String> podInSubnet(String subnetId) {
        return jdbc.queryForList("SELECT pod_id FROM pod_network WHERE subnet_id = ? ORDER BY pod_id LIMIT 1",
                String.class, subnetId).stream().findFirst();
    }

    public Optional<String> podInSecurityGroup(String securityGroupId) {
        return jdbc.queryForList("SELECT pod_id FROM pod_network WHERE ? = ANY (security_group_ids) ORDER BY pod_id "
                + "LIMIT 1", String.class, securityGroupId).stream().findFirst();
    }

    public Optional<String> podOfElasticIp(String elasticIpId) {
        return jdbc.queryForList("SELECT pod_id FROM pod_network WHERE elastic_ip_id = ?", String.class, elasticIpId)
                .stream().findFirst();
    }

    @EventHandler
    void on(VpcCreated e) {
        insert(e.vpcId(), VPC, e.accountId(), e.regionId(), null, e.vpcName(), e.addressPrefix(), null);
    }

    @EventHandler
    void on(VpcDeleted e) {
        delete(e.vpcId());
    }

    @EventHandler
    void on(SubnetCreated e) {
        insert(e.subnetId(), SUBNET, e.accountId(), e.regionId(), e.vpcId(), e.subnetName(), e.addressPrefix(), null);
        if (e.vni() != 0) {
            jdbc.update("UPDATE network_resource SET vni = ? WHERE resource_id = ?", e.vni(), e.subnetId());
        }
    }

    @EventHandler
    void on(SubnetDeleted e) {
        delete(e.subnetId());
    }

    @EventHandler
    void on(SecurityGroupCreated e) {
        insert(e.networkSecurityGroupId(), SECURITY_GROUP, e.accountId(), e.regionId(), e.vpcId(),
                e.networkSecurityGroupName(), null, null);
    }

    @EventHandler
    void on(SecurityGroupRulesAdded e) {
        jdbc.update("UPDATE network_resource SET rules = rules || ?::jsonb WHERE resource_id = ?", json(e.rules()),
                e.networkSecurityGroupId());
    }

    @EventHandler
    void on(SecurityGroupDeleted e) {
        delete(e.networkSecurityGroupId());
    }

    @EventHandler
    void on(ElasticIpCreated e) {
        insert(e.elasticIpId(), ELASTIC_IP, e.accountId(), e.regionId(), null, null, null, e.elasticIpAddress());
    }

    @EventHandler
    void on(ElasticIpDeleted e) {
        delete(e.elasticIpId());
    }

    @EventHandler
    void on(PodCreated e) {
        NetworkInterface nic = e.definition().network();
        if (nic != null) {
            jdbc.update("INSERT INTO pod_network (pod_id, subnet_id, private_ip, security_group_ids) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (pod_id) DO NOTHING", e.podId(), nic.subnetId(), nic.privateIpAddress(),
                    nic.securityGroupIds().toArray(String[]::new));
        }
    }

    @EventHandler
    void on(PodElasticIpAssociated e) {
        jdbc.update("UPDATE pod_network SET elastic_ip_id = ? WHERE pod_id = ?", e.elasticIpId(), e.podId());
    }

    @EventHandler
    void on(PodElasticIpDisassociated e) {
        jdbc.update("UPDATE pod_network SET elastic_ip_id = NULL WHERE pod_id = ? AND elastic_ip_id = ?", e.podId(),
                e.elasticIpId());
    }

    @EventHandler
    void on(PodDeleted e) {
        // the pod's address goes back to its subnet
        jdbc.update("DELETE FROM pod_network WHERE pod_id = ?", e.podId());
    }

    private void insert(String id, String kind, String accountId, String regionId, String vpcId, String name,
                        String addressPrefix, String address) {
        jdbc.update("""
                INSERT INTO network_resource (resource_id, kind, account_id, region_id, vpc_id, name, address_prefix, address)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (resource_id) DO NOTHING""",
                id, kind, accountId, regionId, vpcId, name, addressPrefix, address);
    }

    private void delete(String id) {
        jdbc.update("DELETE FROM network_resource WHERE resource_id = ?", id);
    }

    private static Resource resource(ResultSet rs, int row) throws SQLException {
        try {
            return new Resource(rs.getString("resource_id"), rs.getString("kind"), rs.getString("account_id"),
                    rs.getString("region_id"), rs.getString("vpc_id"), rs.getString("name"),
                    rs.getString("address_prefix"), rs.getString("address"), JSON.readValue(rs.getString("rules"), RULES),
                    rs.getInt("vni"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PodNic nic(ResultSet rs, int row) throws SQLException {
        Array groups = rs.getArray("security_group_ids");
        return new PodNic(rs.getString("pod_id"), rs.getString("subnet_id"), rs.getString("private_ip"),
                groups == null ? List.of() : Arrays.asList((String[]) groups.getArray()), rs.getString("elastic_ip_id"));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
