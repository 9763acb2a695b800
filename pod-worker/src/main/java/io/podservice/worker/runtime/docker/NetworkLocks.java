package io.podservice.worker.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pods join a kind of network (the subnets', the accounts') at once, and the sweep that removes
 * unused ones runs alone: joining holds the read lock, the sweep the write lock, so a network is
 * never removed while a pod joins it, and pods never wait for each other. The networks known to
 * exist are remembered, so a pod's start asks Docker nothing about its network.
 */
final class NetworkLocks {

    private static final Logger log = LoggerFactory.getLogger(NetworkLocks.class);

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /**
     * Runs {@code attach} with {@code name} and a way to make the network again, after {@code ensure}
     * made sure it exists unless it is known to. A network's first ensure runs alone (Docker creates a
     * container for a network that does not exist yet, and fails only at its start). Another worker on
     * the same Docker may remove the network between a container's creation and its start (a created
     * container has no endpoint, so Docker lets the network go): {@code attach} then makes it again
     * and starts once more. An attach that fails makes the network unknown again.
     */
    <T> T joining(String name, Runnable ensure, BiFunction<String, Runnable, T> attach) {
        lock.readLock().lock();
        try {
            if (!known.contains(name)) {
                synchronized (known) {
                    if (!known.contains(name)) {
                        ensure.run();
                        known.add(name);
                    }
                }
            }
            try {
                return attach.apply(name, () -> {
                    log.info("network {} went away before a pod's start; making it again", name);
                    ensure.run();
                });
            } catch (RuntimeException e) {
                known.remove(name);
                throw e;
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Removes the networks matching {@code labels} that no container refers to, running or not (a
     * stopped pod keeps its network for its next start; a container just made and not started yet
     * names it only in its host config, which is why that is read too); alone, never while a pod joins.
     */
    void removeUnused(DockerClient docker, List<String> labels, String whose) {
        lock.writeLock().lock();
        try {
            List<Network> networks = docker.listNetworksCmd().withFilter("label", labels).exec();
            if (networks.isEmpty()) {
                return;
            }
            Set<String> used = new HashSet<>();
            for (Container container : docker.listContainersCmd().withShowAll(true).exec()) {
                if (container.getHostConfig() != null && container.getHostConfig().getNetworkMode() != null) {
                    used.add(container.getHostConfig().getNetworkMode());
                }
                if (container.getNetworkSettings() != null && container.getNetworkSettings().getNetworks() != null) {
                    used.addAll(container.getNetworkSettings().getNetworks().keySet());
                }
            }
            for (Network network : networks) {
                if (used.contains(network.getName()) || used.contains(network.getId())) {
                    continue;
                }
                try {
                    docker.removeNetworkCmd(network.getId()).exec();
                    known.remove(network.getName());
                    log.info("removed network {}: no pod of its {} is on this node", network.getName(), whose);
                } catch (NotFoundException | ConflictException gone) {
                    // removed meanwhile, or a container joined it
                } catch (DockerException refused) {
                    // Docker 20.10 can keep an endpoint of a removed container ("has active endpoints") until it
                    // restarts: this network stays for now, the others are still swept, the next sweep tries again
                    log.info("network {} not removed: {}", network.getName(), DockerErrors.message(refused));
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
