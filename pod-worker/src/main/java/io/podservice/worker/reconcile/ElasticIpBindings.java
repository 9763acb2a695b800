package io.podservice.worker.reconcile;

import io.podservice.worker.network.ElasticIpNat;
import io.podservice.events.PodDeleting;
import io.podservice.events.PodElasticIpAssociated;
import io.podservice.events.PodElasticIpDisassociated;
import io.podservice.events.PodEvent;
import io.podservice.events.PodFailed;
import io.podservice.events.PodRunning;
import io.podservice.events.PodSpecParts;
import io.podservice.events.PodStopped;
import io.podservice.events.PodStopping;
import io.podservice.worker.supervision.RunningPods;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Which elastic IPs this node translates (those bound to pods that should run and that this worker
 * runs now) and which subnets of one VPC it routes to each other (those with such pods here). Synced after every event that can change them and on every reconciliation pass, so a
 * restarted worker (or one that adopts a dead worker's pods) puts the translations back.
 */
@Component
public class ElasticIpBindings {

    private final DesiredPods desired;
    private final RunningPods running;
    private final ElasticIpNat nat;
    private final java.util.concurrent.atomic.AtomicBoolean requested = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.locks.ReentrantLock syncing = new java.util.concurrent.locks.ReentrantLock();

    ElasticIpBindings(DesiredPods desired, RunningPods running, ElasticIpNat nat) {
        this.desired = desired;
        this.running = running;
        this.nat = nat;
    }

    /** Whether {@code event} can change which elastic IPs this node translates. */
    public static boolean affects(PodEvent event) {
        return event instanceof PodRunning || event instanceof PodStopping || event instanceof PodStopped
                || event instanceof PodDeleting || event instanceof PodFailed || event instanceof PodElasticIpAssociated
                || event instanceof PodElasticIpDisassociated || event instanceof io.podservice.events.PodScheduled;
    }

    /**
     * Brings the node's translations and routes in line with the desired state. Calls that arrive
     * while a sync runs are folded into one more sync after it (a burst of pods starting costs a few
     * passes of iptables, not one per pod); a caller may so return before the pass that covers it ends.
     */
    public void sync() {
        requested.set(true);
        while (requested.get() && syncing.tryLock()) {
            try {
                while (requested.getAndSet(false)) {
                    syncNow();
                }
            } finally {
                syncing.unlock();
            }
        }
    }

    private void syncNow() {
        List<DesiredPods.Desired> here = inSubnetsHere();
        List<ElasticIpNat.Binding> bindings = here.stream()
                .filter(pod -> pod.definition().elasticIp() != null)
                .map(pod -> {
                    PodSpecParts.ElasticIpBinding eip = pod.definition().elasticIp();
                    return new ElasticIpNat.Binding(pod.podId(), eip.elasticIpAddress(),
                            pod.definition().network().privateIpAddress(), eip.filtered(), eip.ingressRules());
                })
                .toList();
        nat.sync(bindings, routes(here));
    }

    /** The pods with a primary interface that should run and that this worker runs now. */
    private List<DesiredPods.Desired> inSubnetsHere() {
        return desired.snapshot().values().stream()
                .filter(pod -> pod.intent() == DesiredPods.Intent.RUN && pod.definition().network() != null)
                .filter(pod -> running.get(pod.podId()).filter(p -> !p.released()).isPresent())
                .toList();
    }

    /** Both directions between every two subnets of one VPC that have pods running on this node. */
    private static List<ElasticIpNat.Route> routes(List<DesiredPods.Desired> here) {
        Map<String, Set<String>> cidrsByVpc = new TreeMap<>();
        here.forEach(pod -> cidrsByVpc.computeIfAbsent(pod.definition().network().vpcId(), v -> new TreeSet<>())
                .add(pod.definition().network().subnetCidr()));
        List<ElasticIpNat.Route> routes = new ArrayList<>();
        cidrsByVpc.forEach((vpc, cidrs) -> {
            for (String from : cidrs) {
                for (String to : cidrs) {
                    if (!from.equals(to)) {
                        routes.add(new ElasticIpNat.Route(vpc, from, to));
                    }
                }
            }
        });
        return routes;
    }
}
