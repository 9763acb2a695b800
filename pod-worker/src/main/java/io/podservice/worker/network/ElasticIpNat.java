package io.podservice.worker.network;

import io.podservice.api.network.Ipv4Cidr;
import io.podservice.events.PodSpecParts.SecurityGroupRule;
import io.podservice.worker.WorkerProperties;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The 1:1 NAT of elastic IPs on this node, with iptables. In the nat table, chain {@code <chain>}
 * ({@code pod.worker.nat-chain} and a digest of the worker id: each worker has its own chains)
 * (jumped to from PREROUTING and OUTPUT) DNATs each elastic IP to its pod's private address, and
 * {@code <chain>-MASQ} (from POSTROUTING) masquerades loopback sources going to it, so the host
 * itself can use loopback elastic IPs (with route_localnet). In the filter table,
 * {@code <chain>-FWD} (from DOCKER-USER, else FORWARD) accepts the translated traffic coming from other hosts.
 *
 * <p>When the pod has security groups, only what their ingress rules allow (protocol, ports,
 * source prefix) is translated; anything else sent to the elastic IP reaches nothing.
 *
 * <p>The same chains carry the routes between the subnets of one VPC on this node ({@link Route}).
 *
 * <p>Every rule carries a comment {@code podsvc:<worker>:<pod or route>:<digest>}; {@link #sync}
 * makes this worker's rules exactly the desired ones, in chains no other worker touches.
 */
@Component
public class ElasticIpNat {

    private static final Logger log = LoggerFactory.getLogger(ElasticIpNat.class);
    private static final String ROUTE_LOCALNET = "net.ipv4.conf.all.route_localnet";
    private static final Ipv4Cidr LOOPBACK = Ipv4Cidr.parse("127.0.0.0/8").orElseThrow();

    private final WorkerProperties properties;
    private final Iptables iptables;
    private final NodeCommands commands;
    private boolean unavailableLogged;

    ElasticIpNat(WorkerProperties properties, Iptables iptables, NodeCommands commands) {
        this.properties = properties;
        this.iptables = iptables;
        this.commands = commands;
    }

    /** A set of rules this worker keeps: what it is for (in its tag) and a digest of its content. */
    sealed interface Wanted permits Binding, Route {
        String key();

        String digest();

        /** How many rules it is made of. */
        int ruleCount();
    }

    /** What one pod's elastic IP should do: a DNAT per allowed match, one MASQUERADE, one FORWARD accept. */
    public record Binding(String podId, String elasticIp, String privateIp, boolean filtered,
                          List<SecurityGroupRule> ingressRules) implements Wanted {

        @Override
        public String key() {
            return podId;
        }

        @Override
        public String digest() {
            return Integer.toHexString(Objects.hash(elasticIp, privateIp, filtered, ingressRules));
        }

        @Override
        public int ruleCount() {
            return (filtered ? ingressRules.size() : 1) + 2;
        }
    }

    /**
     * Traffic from one subnet to another of the same VPC: forwarded between their bridges (past
     * Docker's isolation of bridges) and not masqueraded, so the receiving pod sees the sender's
     * address, as in a VPC.
     */
    public record Route(String vpcId, String fromCidr, String toCidr) implements Wanted {

        @Override
        public String key() {
            return "route-" + fromCidr.replace('/', '_') + "-" + toCidr.replace('/', '_');
        }

        @Override
        public String digest() {
            return Integer.toHexString(Objects.hash(vpcId, fromCidr, toCidr));
        }

        @Override
        public int ruleCount() {
            return 2;
        }
    }

    /**
     * Makes this worker's rules exactly {@code bindings} and {@code routes}; returns false when
     * iptables could not be used.
     */
    public synchronized boolean sync(List<Binding> bindings, List<Route> routes) {
        try {
            String chain = chain();
            if (bindings.isEmpty() && routes.isEmpty() && !exists("nat", chain)) {
                return true;
            }
            ensureChains(chain);
            Map<String, Wanted> wanted = new HashMap<>();
            bindings.forEach(b -> wanted.put(tag(b), b));
            routes.forEach(r -> wanted.put(tag(r), r));
            // this worker's rules, per tag, as {table, chain, position in the chain}
            Map<String, List<String[]>> present = new HashMap<>();
            for (String table : List.of("nat", "filter")) {
                for (String owned : List.of(chain, chain + "-MASQ", chain + "-FWD")) {
                    if (table.equals("nat") == owned.endsWith("-FWD")) {
                        continue;
                    }
                    int position = 0;
                    for (String line : run("-t", table, "-S", owned).lines().toList()) {
                        if (!line.startsWith("-A ")) {
                            continue;
                        }
                        position++;
                        String tag = tagIn(line);
                        if (tag != null && tag.startsWith(prefix())) {
                            present.computeIfAbsent(tag, t -> new ArrayList<>())
                                    .add(new String[] {table, owned, Integer.toString(position)});
                        }
                    }
                }
            }
            // stale, or partly lost: removed (by position, from the end, so positions stay valid) and put back whole
            List<String[]> doomed = new ArrayList<>();
            for (Map.Entry<String, List<String[]>> entry : present.entrySet()) {
                Wanted rule = wanted.get(entry.getKey());
                if (rule != null && entry.getValue().size() == rule.ruleCount()) {
                    wanted.remove(entry.getKey()); // complete and current
                } else {
                    doomed.addAll(entry.getValue());
                }
            }
            doomed.sort((a, b) -> Integer.compare(Integer.parseInt(b[2]), Integer.parseInt(a[2])));
            for (String[] rule : doomed) {
                run("-t", rule[0], "-D", rule[1], rule[2]);
            }
            wanted.forEach((tag, rule) -> {
                if (rule instanceof Binding binding) {
                    install(chain, tag, binding);
                } else {
                    install(chain, tag, (Route) rule);
                }
            });
            return true;
        } catch (Iptables.Unavailable e) {
            if (!unavailableLogged) {
                log.warn("elastic IPs are not translated on this node: {}", e.getMessage());
                unavailableLogged = true;
            }
            return false;
        } catch (RuntimeException e) {
            // a rule iptables refused: the next reconciliation pass tries again
            log.warn("syncing the elastic IP translations failed: {}", e.getMessage());
            return false;
        }
    }

    private void install(String chain, String tag, Route route) {
        run("-t", "filter", "-A", chain + "-FWD", "-s", route.fromCidr(), "-d", route.toCidr(),
                "-m", "comment", "--comment", tag, "-j", "ACCEPT");
        run("-t", "nat", "-A", chain + "-MASQ", "-s", route.fromCidr(), "-d", route.toCidr(),
                "-m", "comment", "--comment", tag, "-j", "ACCEPT");
        log.info("VPC {}: {} routes to {}", route.vpcId(), route.fromCidr(), route.toCidr());
    }

    private void install(String chain, String tag, Binding binding) {
        long address = Ipv4Cidr.address(binding.elasticIp()).orElseThrow();
        if (LOOPBACK.contains(address)) {
            enableRouteLocalnet();
        }
        String eip = binding.elasticIp() + "/32";
        List<List<String>> matches = new ArrayList<>();
        if (!binding.filtered()) {
            matches.add(List.of());
        } else {
            for (SecurityGroupRule rule : binding.ingressRules()) {
                List<String> match = new ArrayList<>();
                if (!"0.0.0.0/0".equals(rule.addressPrefix())) {
                    match.addAll(List.of("-s", rule.addressPrefix()));
                }
                switch (rule.protocol()) {
                    case 6 -> match.addAll(List.of("-p", "tcp", "--dport", rule.fromPort() + ":" + rule.toPort()));
                    case 17 -> match.addAll(List.of("-p", "udp", "--dport", rule.fromPort() + ":" + rule.toPort()));
                    case 1 -> match.addAll(List.of("-p", "icmp"));
                    default -> {
                        // 300: every protocol
                    }
                }
                matches.add(match);
            }
        }
        for (List<String> match : matches) {
            List<String> dnat = new ArrayList<>(List.of("-t", "nat", "-A", chain, "-d", eip));
            dnat.addAll(match);
            dnat.addAll(List.of("-m", "comment", "--comment", tag, "-j", "DNAT", "--to-destination", binding.privateIp()));
            run(dnat.toArray(String[]::new));
        }
        run("-t", "nat", "-A", chain + "-MASQ", "-s", "127.0.0.0/8", "-d", binding.privateIp() + "/32",
                "-m", "comment", "--comment", tag, "-j", "MASQUERADE");
        run("-t", "filter", "-A", chain + "-FWD", "-d", binding.privateIp() + "/32", "-m", "conntrack",
                "--ctstate", "DNAT", "--ctorigdst", eip, "-m", "comment", "--comment", tag, "-j", "ACCEPT");
        log.info("elastic IP {} -> pod {} ({}){}", binding.elasticIp(), binding.podId(), binding.privateIp(),
                binding.filtered() ? " for " + binding.ingressRules().size() + " ingress rules" : "");
    }

    private void ensureChains(String chain) {
        iptables.ensureChain("nat", chain, "PREROUTING", "OUTPUT");
        iptables.ensureChain("nat", chain + "-MASQ", "POSTROUTING");
        // Docker moves its isolation rules back to the top of FORWARD at every network it makes, and
        // they drop traffic between bridges: the routes between a VPC's subnets hang from DOCKER-USER,
        // the chain Docker keeps first, where the daemon has one
        iptables.ensureChain("filter", chain + "-FWD", iptables.exists("filter", "DOCKER-USER") ? "DOCKER-USER" : "FORWARD");
    }

    private void enableRouteLocalnet() {
        try {
            if (!commands.sysctl(ROUTE_LOCALNET).equals("1")) {
                commands.setSysctl(ROUTE_LOCALNET, "1");
                log.info("set net.ipv4.conf.all.route_localnet=1 for loopback elastic IPs");
            }
        } catch (IOException | RuntimeException e) {
            log.warn("loopback elastic IPs need net.ipv4.conf.all.route_localnet=1 and it cannot be set here: {}",
                    e.getMessage());
        }
    }

    private String chain() {
        return iptables.workerChain();
    }

    private String prefix() {
        return "podsvc:" + properties.getWorkerId() + ":";
    }

    private String tag(Wanted rule) {
        return prefix() + rule.key() + ":" + rule.digest();
    }

    private static String tagIn(String line) {
        List<String> words = split(line);
        int at = words.indexOf("--comment");
        return at < 0 || at + 1 >= words.size() ? null : words.get(at + 1);
    }

    /** Splits an iptables -S line into words, honouring double quotes. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private boolean exists(String table, String chain) {
        return iptables.exists(table, chain);
    }

    private String run(String... args) {
        return iptables.run(args);
    }
}
