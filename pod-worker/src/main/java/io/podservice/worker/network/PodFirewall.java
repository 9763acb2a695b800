package io.podservice.worker.network;

import io.podservice.worker.WorkerProperties;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The node's own services are out of the pods' reach: whatever a pod sends to an address of the
 * node itself (the API, PostgreSQL, Kafka, a registry, the Docker daemon on TCP, any bridge's
 * gateway) is dropped, except answers to connections the node opened and the ports the operator
 * lists ({@code pod.worker.pod-to-node-allowed}, e.g. {@code udp:53}). Pods' bridges all have names
 * starting with {@value #BRIDGE_PREFIX} ({@link AccountNetworks}, {@link SubnetNetworks}); the
 * filter chain {@code <chain>-IN}, jumped to from INPUT for those interfaces, holds the rules. Pods
 * of different bridges never reach each other: Docker isolates its bridges.
 */
@Component
public class PodFirewall implements org.springframework.beans.factory.SmartInitializingSingleton {

    /** Every pod network's bridge interface name starts with this. */
    public static final String BRIDGE_PREFIX = "pod-";

    private static final Logger log = LoggerFactory.getLogger(PodFirewall.class);

    private final Iptables iptables;
    private final WorkerProperties properties;
    private volatile boolean unavailableLogged;

    PodFirewall(Iptables iptables, WorkerProperties properties) {
        this.iptables = iptables;
        this.properties = properties;
    }

    /** Before the worker consumes its first task, so no pod ever runs unguarded. */
    @Override
    public void afterSingletonsInstantiated() {
        ensure();
    }

    /** Makes the guard exactly what it should be; idempotent, run at start and on every reconciliation pass. */
    public synchronized boolean ensure() {
        try {
            String chain = iptables.workerChain() + "-IN";
            if (!iptables.exists("filter", chain)) {
                iptables.run("-t", "filter", "-N", chain);
            }
            List<List<String>> wanted = wanted(chain);
            List<String> present = iptables.run("-t", "filter", "-S", chain).lines()
                    .filter(line -> line.startsWith("-A ")).toList();
            List<String> expected = wanted.stream().map(rule -> String.join(" ", rule)).toList();
            if (!present.equals(expected)) {
                iptables.run("-t", "filter", "-F", chain);
                for (List<String> rule : wanted) {
                    List<String> args = new ArrayList<>(List.of("-t", "filter"));
                    args.addAll(rule);
                    iptables.run(args.toArray(String[]::new));
                }
                log.info("pods may not reach this node's own addresses (chain {}), allowed: {}", chain,
                        properties.getPodToNodeAllowed());
            }
            String[] jump = {"-t", "filter", "-C", "INPUT", "-i", BRIDGE_PREFIX + "+", "-j", chain};
            if (!iptables.succeeds(jump)) {
                iptables.run("-t", "filter", "-I", "INPUT", "1", "-i", BRIDGE_PREFIX + "+", "-j", chain);
            }
            if (properties.overlay()) {
                ensureNoTunnelling(iptables.workerChain() + "-VX");
            }
            return true;
        } catch (Iptables.Unavailable e) {
            if (!unavailableLogged) {
                log.warn("pods are not kept from this node's own services: {}", e.getMessage());
                unavailableLogged = true;
            }
            return false;
        } catch (RuntimeException e) {
            log.warn("guarding the node from its pods failed; the next reconciliation tries again: {}", e.getMessage());
            return false;
        }
    }

    /**
     * VXLAN carries no proof of origin: a pod that could send the overlay's UDP port to another node
     * (masqueraded as this node) could put frames into any subnet's segment. Pods' traffic to that
     * port is dropped on its way out ({@code <chain>-VX}, from DOCKER-USER, else FORWARD, for the pods' bridges).
     */
    private void ensureNoTunnelling(String chain) {
        String port = String.valueOf(properties.getOverlayPort());
        if (!iptables.exists("filter", chain)) {
            iptables.run("-t", "filter", "-N", chain);
        }
        if (!iptables.succeeds("-t", "filter", "-C", chain, "-p", "udp", "--dport", port, "-j", "DROP")) {
            iptables.run("-t", "filter", "-F", chain);
            iptables.run("-t", "filter", "-A", chain, "-p", "udp", "--dport", port, "-j", "DROP");
        }
        // Docker puts its accepts for its bridges back on top of FORWARD whenever it makes a network,
        // and keeps DOCKER-USER above them
        String from = iptables.exists("filter", "DOCKER-USER") ? "DOCKER-USER" : "FORWARD";
        if (!iptables.succeeds("-t", "filter", "-C", from, "-i", BRIDGE_PREFIX + "+", "-j", chain)) {
            iptables.run("-t", "filter", "-I", from, "1", "-i", BRIDGE_PREFIX + "+", "-j", chain);
        }
    }

    /** The rules as {@code iptables -S} prints them. */
    private List<List<String>> wanted(String chain) {
        List<List<String>> rules = new ArrayList<>();
        rules.add(List.of("-A", chain, "-m", "conntrack", "--ctstate", "RELATED,ESTABLISHED", "-j", "RETURN"));
        for (String allowed : properties.getPodToNodeAllowed()) {
            String[] parts = allowed.trim().split(":");
            if (parts.length != 2 || !parts[0].matches("tcp|udp") || !parts[1].matches("\\d{1,5}")) {
                throw new IllegalStateException("pod.worker.pod-to-node-allowed: '" + allowed + "' is not tcp:PORT or udp:PORT");
            }
            rules.add(List.of("-A", chain, "-p", parts[0], "-m", parts[0], "--dport", parts[1], "-j", "RETURN"));
        }
        rules.add(List.of("-A", chain, "-j", "DROP"));
        return rules;
    }
}
