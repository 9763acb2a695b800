package io.podservice.command.network;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** Network settings of the service ({@code pod.network.*}). */
@Component
@ConfigurationProperties(prefix = "pod.network")
public class NetworkProperties {

    /**
     * Where elastic IP addresses come from. The default, a loopback block, works on one machine
     * (the node maps each address to its pod with iptables; it needs route_localnet). A deployment
     * uses addresses routed to its nodes.
     */
    private String elasticIpPool = "127.100.0.0/24";

    /** Blocks no subnet may overlap: the Docker daemon's own networks (docker0 is 172.17.0.0/16). */
    private List<String> reservedCidrs = new ArrayList<>(List.of("172.17.0.0/16"));

    public String getElasticIpPool() {
        return elasticIpPool;
    }

    public void setElasticIpPool(String elasticIpPool) {
        this.elasticIpPool = elasticIpPool;
    }

    public List<String> getReservedCidrs() {
        return reservedCidrs;
    }

    public void setReservedCidrs(List<String> reservedCidrs) {
        this.reservedCidrs = new ArrayList<>(reservedCidrs);
    }
}
