package io.podservice.query.network;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The names of security groups by ID, for the interfaces describePod(s) shows (JD Cloud's SecurityGroupSimple). */
@Component
public class SecurityGroupNames {

    private final JdbcTemplate jdbc;

    SecurityGroupNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The name of each of {@code ids} that is a security group of the network read model, deleted or not. */
    public Map<String, String> of(Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.query("SELECT resource_id, name FROM network_view WHERE kind = ? AND resource_id = ANY (?)",
                rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                }, NetworkProjection.SECURITY_GROUP, ids.toArray(String[]::new));
        return names;
    }
}
