package io.podservice.command.pod;

import io.podservice.api.catalog.QuotaLimits;
import io.podservice.api.catalog.RegionCatalog;
import io.podservice.command.infrastructure.CommandSender;
import io.podservice.command.network.ElasticIps;
import io.podservice.command.network.PodNetworks;
import io.podservice.command.quota.Quotas;
import io.podservice.command.scheduling.Placement;
import io.podservice.command.scheduling.Resources;
import io.podservice.command.scheduling.Scheduler;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodSpecParts.NetworkInterface;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * createPods as a domain service: from one podSpec, up to {@code maxCount} pods, each accepted
 * against the catalogs, within the account's quotas and the room of the zone's nodes (best effort:
 * as many as fit, in order), each placed on a node by the {@link Scheduler}, each
 * with its own address in its subnet and, when asked, its own elastic IP; a request replayed with
 * its clientToken finds the pods it made before.
 */
@Service
public class PodCreation {

    private final PodSpecValidator validator;
    private final RegistryAuths registryAuths;
    private final Quotas quotas;
    private final ExistingPods existing;
    private final PodNetworks networks;
    private final ElasticIps elasticIps;
    private final PodElasticIps podElasticIps;
    private final CommandSender sender;
    private final Scheduler scheduler;
    private final io.podservice.command.account.AccountRules accountRules;
    private final io.podservice.command.account.PrepaidPods payments;
    private final io.podservice.command.configfile.ConfigFiles configFiles;
    private final io.podservice.command.imagecache.ImageCaches imageCaches;
    private final io.podservice.command.disk.PodDisks podDisks;

    PodCreation(PodSpecValidator validator, RegistryAuths registryAuths, Quotas quotas, ExistingPods existing,
                PodNetworks networks, ElasticIps elasticIps, PodElasticIps podElasticIps, CommandSender sender,
                Scheduler scheduler, io.podservice.command.account.AccountRules accountRules,
                io.podservice.command.account.PrepaidPods payments,
                io.podservice.command.configfile.ConfigFiles configFiles,
                io.podservice.command.imagecache.ImageCaches imageCaches,
                io.podservice.command.disk.PodDisks podDisks) {
        this.podDisks = podDisks;
        this.imageCaches = imageCaches;
        this.configFiles = configFiles;
        this.scheduler = scheduler;
        this.payments = payments;
        this.accountRules = accountRules;
        this.validator = validator;
        this.registryAuths = registryAuths;
        this.quotas = quotas;
        this.existing = existing;
        this.networks = networks;
        this.elasticIps = elasticIps;
        this.podElasticIps = podElasticIps;
        this.sender = sender;
    }

    /**
     * One transaction for the whole request: the quota rows stay locked from the decision of how many
     * pods fit until their events are stored, so concurrent requests cannot exceed a limit, and
     * concurrent duplicates of one clientToken run one after the other.
     *
     * @return the ids of the pods made (now or, for a replayed clientToken, before), in order
     */
    @Transactional
    public List<String> create(RegionCatalog.Region region, String accountId, CreatePodsRequest request) {
        accountRules.requireRealNameVerified(accountId);
        accountRules.requireNotInArrear(accountId);
        if (request.podSpec().elasticIp() != null) {
            accountRules.requireNotBlacklisted(accountId);
        }
        List<PodDefinition> accepted = definitions(region, accountId, request);
        // the image caches its containers run from: the same for every pod of the request
        List<io.podservice.events.ContainerDefinition> cached = imageCaches.resolve(accountId, region.id(),
                accepted.get(0).containers(), Boolean.TRUE.equals(request.podSpec().autoMatchImageCache()),
                Boolean.TRUE.equals(request.podSpec().autoCreateImageCache()));
        List<PodDefinition> definitions = accepted.stream().map(d -> d.withContainers(cached)).toList();
        // the config files it mounts exist with the keys it names, and stay so until its pods are stored
        configFiles.requireMountable(accountId, region.id(), definitions.get(0).volumes());
        List<String> ids = ids(accountId, request);
        quotas.lock(accountId, region.id());
        Set<String> made = request.clientToken() == null ? Set.of() : existing.of(ids);
        existing.requireSameRequest(made, definitions.get(0).clientTokenDigest());
        Quotas.Fit fit = quotas.fit(accountId, region.id(), ids.size() - made.size(),
                request.podSpec().containers().size());
        int fresh = withinElasticIpQuota(accountId, region.id(), request.podSpec(),
                Math.min(fit.pods(), ids.size() - made.size()));
        // as many as the zone's nodes have room for, too: maxCount is best effort against real capacity; pods
        // with existing disks (or new ones from a snapshot) only on the node where those live
        PodDefinition first = definitions.get(0);
        String diskNode = podDisks.requiredNode(accountId, region.id(), first.az(), first.volumes(), ids.size());
        List<Placement> placements = fresh == 0 ? List.of()
                : scheduler.place(first.az(), Resources.of(first), fresh, null, diskNode);
        long newDisks = first.volumes().stream().filter(v -> v.jdcloudDisk() != null && v.jdcloudDisk().volumeId() == null)
                .count();
        if (newDisks > 0 && !placements.isEmpty()) {
            quotas.requireRoom(accountId, region.id(), io.podservice.api.catalog.QuotaLimits.DISK,
                    (int) newDisks * placements.size());
        }
        List<String> podIds = make(accountId, region.id(), request.podSpec(), definitions, ids, made, placements);
        if (podIds.isEmpty()) {
            throw fresh == 0 ? fit.exceeded()
                    : scheduler.outOfStock(first.az(), first.instanceType(), Resources.of(first), diskNode);
        }
        // a prepaid pod is paid ahead in the same transaction: a balance that cannot pay them all makes none
        if ("prepaid_by_duration".equals(first.chargeMode())) {
            payments.payAhead(accountId, first.instanceType(), PodSpecValidator.prepaidMonths(request.podSpec().charge()),
                    Boolean.TRUE.equals(request.podSpec().charge().autoRenew()), podIds.stream().filter(id -> !made.contains(id)).toList());
        }
        return podIds;
    }

    /** Each pod's definition: named {@code name-i} when there are several, its containers' secrets resolved. */
    private List<PodDefinition> definitions(RegionCatalog.Region region, String accountId, CreatePodsRequest request) {
        int count = request.count();
        String digest = request.clientToken() == null ? null : ClientTokens.digest(request);
        List<PodDefinition> definitions = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String name = count == 1 ? request.podSpec().name() : request.podSpec().name() + "-" + i;
            PodDefinition accepted = validator.accept(region, request.podSpec(), name, count, request.clientToken(),
                    digest);
            definitions.add(registryAuths.resolve(accepted, accountId, region.id(), "podSpec.containers"));
        }
        return definitions;
    }

    /** With a client token the ids are derived from it, so a replay finds its pods already made. */
    private static List<String> ids(String accountId, CreatePodsRequest request) {
        List<String> ids = new ArrayList<>(request.count());
        for (int i = 1; i <= request.count(); i++) {
            ids.add(request.clientToken() == null ? PodIds.next()
                    : PodIds.forClientToken(accountId, request.clientToken(), i));
        }
        return ids;
    }

    /** One elastic IP per pod, within its quota too: as many pods as both quotas allow. */
    private int withinElasticIpQuota(String accountId, String regionId, PodSpec spec, int fresh) {
        if (spec.elasticIp() == null) {
            return fresh;
        }
        int room = quotas.room(accountId, regionId, QuotaLimits.ELASTIC_IP);
        if (fresh > 0 && room == 0) {
            quotas.requireRoom(accountId, regionId, QuotaLimits.ELASTIC_IP, 1);
        }
        return Math.min(fresh, room);
    }

    /** The pods made before, then one new one on each of {@code nodes}, in the request's order. */
    private List<String> make(String accountId, String regionId, PodSpec spec, List<PodDefinition> definitions,
                              List<String> ids, Set<String> made, List<Placement> nodes) {
        int fresh = nodes.size();
        Iterator<NetworkInterface> nics = interfaces(accountId, regionId, spec, fresh);
        // the new pods' elastic IPs, taken from the pool in one pass
        Iterator<String> newElasticIps = spec.elasticIp() == null || fresh == 0 ? Collections.emptyIterator()
                : elasticIps.create(accountId, regionId, fresh, spec.elasticIp().bandwidthMbps(),
                        provider(spec.elasticIp()), null, null).iterator();
        List<String> podIds = new ArrayList<>(ids.size());
        Instant now = Instant.now();
        int room = fresh;
        for (int i = 0; i < ids.size(); i++) {
            String podId = ids.get(i);
            if (made.contains(podId)) {
                podIds.add(podId);
            } else if (room > 0) {
                Placement placement = nodes.get(fresh - room);
                PodDefinition definition = podDisks.provision(accountId, regionId, podId,
                        nics.hasNext() ? definitions.get(i).withNetwork(nics.next()) : definitions.get(i),
                        placement.nodeId());
                sender.send(new CreatePod(podId, accountId, regionId, definition, placement, now), "Pod", podId);
                if (newElasticIps.hasNext()) {
                    podElasticIps.associate(accountId, regionId, podId, newElasticIps.next());
                }
                podIds.add(podId);
                room--;
            }
        }
        return podIds;
    }

    /** The primary interfaces of {@code count} new pods, each with its own address; none without primaryNetworkInterface. */
    private Iterator<NetworkInterface> interfaces(String accountId, String regionId, PodSpec spec, int count) {
        if (spec.primaryNetworkInterface() == null || count == 0) {
            return Collections.emptyIterator();
        }
        PodSpec.NetworkInterfaceSpec ni = spec.primaryNetworkInterface().networkInterface();
        return networks.assign(accountId, regionId, new PodNetworks.Request(ni.subnetId(), ni.primaryIpAddress(),
                ni.securityGroups(), ni.networkInterfaceName(), ni.description(),
                !Boolean.FALSE.equals(spec.primaryNetworkInterface().autoDelete())), count).iterator();
    }

    private static String provider(PodSpec.ElasticIpSpec spec) {
        return spec.provider() == null || spec.provider().isBlank() ? "bgp" : spec.provider();
    }
}
