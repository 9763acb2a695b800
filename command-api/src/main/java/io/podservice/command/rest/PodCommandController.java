package io.podservice.command.rest;

import io.podservice.api.catalog.QuotaLimits;
import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiResponse;
import io.podservice.command.network.ElasticIps;
import io.podservice.command.network.PodNetworks;
import io.podservice.command.pod.CreatePod;
import io.podservice.command.pod.PodCommands;
import io.podservice.command.pod.PodIds;
import io.podservice.command.quota.Quotas;
import io.podservice.command.secrets.SecretIndex;
import io.podservice.api.web.ApiException;
import io.podservice.events.ContainerDefinition;
import io.podservice.events.PodDefinition;
import io.podservice.events.PodSpecParts.NetworkInterface;
import io.podservice.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pod write operations. Each answers as soon as the aggregate has stored its events; the
 * work itself finishes asynchronously and clients poll describePod.
 */
@RestController
public class PodCommandController {

    private final CommandSender sender;
    private final RegionCatalog regions;
    private final PodDefinitions definitions;
    private final Quotas quota;
    private final ExistingPods existing;
    private final SecretIndex secrets;
    private final PodNetworks networks;
    private final ElasticIps elasticIps;

    PodCommandController(CommandSender sender, RegionCatalog regions, PodDefinitions definitions, Quotas quota,
                         ExistingPods existing, SecretIndex secrets, PodNetworks networks, ElasticIps elasticIps) {
        this.secrets = secrets;
        this.networks = networks;
        this.elasticIps = elasticIps;
        this.sender = sender;
        this.regions = regions;
        this.definitions = definitions;
        this.quota = quota;
        this.existing = existing;
    }

    /**
     * One transaction for the whole request: the quota rows stay locked from the decision of how
     * many pods fit until their events are stored, so concurrent requests cannot exceed a limit,
     * and concurrent duplicates of one clientToken run one after the other.
     */
    @Operation(operationId = "createPods", summary = "Create one or more pods from a podSpec")
    @PostMapping("/v1/regions/{regionId}/pods")
    @Transactional
    public ApiResponse<CreatePodsResult> createPods(@PathVariable String regionId,
                                                    @Valid @RequestBody CreatePodsRequest request) {
        RegionCatalog.Region region = regions.require(regionId);
        int count = request.count();
        String digest = request.clientToken() == null ? null : ClientTokens.digest(request);
        List<PodDefinition> accepted = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String name = count == 1 ? request.podSpec().name() : request.podSpec().name() + "-" + i;
            accepted.add(definitions.accept(region, request.podSpec(), name, count, request.clientToken(), digest));
        }
        String accountId = Caller.current().accountId();
        accepted.replaceAll(definition -> withRegistryAuth(definition, accountId, region.id(), "podSpec.containers"));
        // with a client token the ids are derived from it, so a replay finds its pods already made
        List<String> ids = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            ids.add(request.clientToken() == null ? PodIds.next() : PodIds.forClientToken(accountId, request.clientToken(), i));
        }
        quota.lock(accountId, region.id());
        Set<String> made = request.clientToken() == null ? Set.of() : existing.of(ids);
        existing.requireSameRequest(made, digest);
        Quotas.Fit fit = quota.fit(accountId, region.id(), count - made.size(), request.podSpec().containers().size());
        // best effort: the pods made before, then as many new ones as the quotas allow, in order
        int fresh = Math.min(fit.pods(), count - made.size());
        if (request.podSpec().elasticIp() != null) {
            // one elastic IP per pod, within its quota too: as many pods as both quotas allow
            int elasticIpRoom = quota.room(accountId, region.id(), QuotaLimits.ELASTIC_IP);
            if (fresh > 0 && elasticIpRoom == 0) {
                quota.requireRoom(accountId, region.id(), QuotaLimits.ELASTIC_IP, 1);
            }
            fresh = Math.min(fresh, elasticIpRoom);
        }
        java.util.Iterator<NetworkInterface> nics = interfaces(accountId, region.id(), request.podSpec(), fresh);
        // the new pods' elastic IPs, taken from the pool in one pass
        java.util.Iterator<String> newElasticIps = request.podSpec().elasticIp() == null || fresh == 0
                ? java.util.Collections.emptyIterator()
                : elasticIps.create(accountId, region.id(), fresh, request.podSpec().elasticIp().bandwidthMbps(),
                        provider(request.podSpec().elasticIp()), null, null).iterator();
        List<String> podIds = new ArrayList<>(count);
        Instant now = Instant.now();
        int room = fresh;
        for (int i = 0; i < count; i++) {
            String podId = ids.get(i);
            if (made.contains(podId)) {
                podIds.add(podId);
            } else if (room > 0) {
                PodDefinition definition = nics.hasNext() ? accepted.get(i).withNetwork(nics.next()) : accepted.get(i);
                sender.send(new CreatePod(podId, accountId, region.id(), definition, now), podId);
                if (newElasticIps.hasNext()) {
                    networks.associate(accountId, region.id(), podId, newElasticIps.next());
                }
                podIds.add(podId);
                room--;
            }
        }
        if (podIds.isEmpty()) {
            throw fit.exceeded();
        }
        return ApiResponse.of(new CreatePodsResult(podIds));
    }

    /** The primary interfaces of {@code count} new pods, each with its own address; none without primaryNetworkInterface. */
    private java.util.Iterator<NetworkInterface> interfaces(String accountId, String regionId, PodSpec spec, int count) {
        if (spec.primaryNetworkInterface() == null || count == 0) {
            return java.util.Collections.emptyIterator();
        }
        PodSpec.NetworkInterfaceSpec ni = spec.primaryNetworkInterface().networkInterface();
        return networks.assign(accountId, regionId, new PodNetworks.Request(ni.subnetId(), ni.primaryIpAddress(),
                ni.securityGroups(), ni.networkInterfaceName(), ni.description(),
                !Boolean.FALSE.equals(spec.primaryNetworkInterface().autoDelete())), count).iterator();
    }

    private static String provider(PodSpec.ElasticIpSpec spec) {
        return spec.provider() == null || spec.provider().isBlank() ? "bgp" : spec.provider();
    }

    /** Each container naming a secret gets that secret's registry credentials (the password still encrypted). */
    private PodDefinition withRegistryAuth(PodDefinition definition, String accountId, String regionId, String path) {
        List<ContainerDefinition> containers = new ArrayList<>();
        for (int i = 0; i < definition.containers().size(); i++) {
            ContainerDefinition container = definition.containers().get(i);
            if (container.secret() == null) {
                containers.add(container);
                continue;
            }
            containers.add(container.withRegistryAuth(
                    registryAuth(accountId, regionId, container.secret(), path + "[" + i + "].secret")));
        }
        return definition.withContainers(containers);
    }

    /** The named secret's registry credentials (password still encrypted), or NOT_FOUND naming the field. */
    private ContainerDefinition.RegistryAuth registryAuth(String accountId, String regionId, String secret, String field) {
        return secrets.registryAuth(accountId, regionId, secret).orElseThrow(() -> ApiException.notFound(
                "Invalid " + field + ": secret '" + secret + "' not found in " + regionId));
    }

    @Operation(operationId = "stopPod", summary = "Stop a running pod")
    @PostMapping("/v1/regions/{regionId}/pods/{podId}:stopPod")
    ApiResponse<Void> stopPod(@PathVariable String regionId, @PathVariable String podId) {
        regions.require(regionId);
        sender.send(new PodCommands.StopPod(podId, Caller.current().accountId()), podId);
        return ApiResponse.empty();
    }

    @Operation(operationId = "startPod", summary = "Start a stopped pod")
    @PostMapping("/v1/regions/{regionId}/pods/{podId}:startPod")
    ApiResponse<Void> startPod(@PathVariable String regionId, @PathVariable String podId) {
        regions.require(regionId);
        sender.send(new PodCommands.StartPod(podId, Caller.current().accountId()), podId);
        return ApiResponse.empty();
    }

    /**
     * The pod gives up its elastic IP as it starts deleting; with deletePrimaryNetworkInterfaceAllElasticIp
     * (JD Cloud's default: false) that elastic IP is released too, in the same transaction.
     */
    @Operation(operationId = "deletePod", summary = "Delete a running, stopped or failed pod")
    @DeleteMapping("/v1/regions/{regionId}/pods/{podId}")
    @Transactional
    ApiResponse<Void> deletePod(@PathVariable String regionId, @PathVariable String podId,
                                @RequestParam(defaultValue = "false") boolean deletePrimaryNetworkInterfaceAllElasticIp) {
        regions.require(regionId);
        String accountId = Caller.current().accountId();
        java.util.Optional<String> elasticIp = networks.elasticIpOf(podId);
        sender.send(new PodCommands.DeletePod(podId, accountId, deletePrimaryNetworkInterfaceAllElasticIp), podId);
        if (deletePrimaryNetworkInterfaceAllElasticIp && elasticIp.isPresent()) {
            elasticIps.release(accountId, elasticIp.get());
        }
        return ApiResponse.empty();
    }

    record ElasticIpRequest(@jakarta.validation.constraints.NotBlank(message = "is required") String elasticIpId) {
    }

    @Operation(operationId = "associateElasticIp", summary = "Bind an elastic IP to the pod's primary interface")
    @PostMapping("/v1/regions/{regionId}/pods/{podId}:associateElasticIp")
    @Transactional
    ApiResponse<Void> associateElasticIp(@PathVariable String regionId, @PathVariable String podId,
                                         @Valid @RequestBody ElasticIpRequest request) {
        regions.require(regionId);
        networks.associate(Caller.current().accountId(), regionId, podId, request.elasticIpId());
        return ApiResponse.empty();
    }

    @Operation(operationId = "disassociateElasticIp", summary = "Unbind the pod's elastic IP")
    @PostMapping("/v1/regions/{regionId}/pods/{podId}:disassociateElasticIp")
    @Transactional
    ApiResponse<Void> disassociateElasticIp(@PathVariable String regionId, @PathVariable String podId,
                                            @Valid @RequestBody ElasticIpRequest request) {
        regions.require(regionId);
        networks.disassociate(Caller.current().accountId(), regionId, podId, request.elasticIpId());
        return ApiResponse.empty();
    }

    @Operation(operationId = "rebuildPod", summary = "Replace a stopped pod's containers' images, commands, env and probes")
    @PostMapping("/v1/regions/{regionId}/pods/{podId}:rebuild")
    ApiResponse<Void> rebuildPod(@PathVariable String regionId, @PathVariable String podId,
                                 @Valid @RequestBody RebuildContainerSpec.Request request) {
        regions.require(regionId);
        String accountId = Caller.current().accountId();
        List<PodCommands.ContainerReplacement> replacements = new ArrayList<>();
        List<PodCommands.ContainerReplacement> given = definitions.replacements(request.containers());
        for (int i = 0; i < given.size(); i++) {
            PodCommands.ContainerReplacement r = given.get(i);
            replacements.add(r.secret() == null ? r
                    : r.withRegistryAuth(registryAuth(accountId, regionId, r.secret(), "containers[" + i + "].secret")));
        }
        sender.send(new PodCommands.RebuildPod(podId, accountId, replacements), podId);
        return ApiResponse.empty();
    }

    @Operation(operationId = "modifyPodAttribute", summary = "Change a pod's name or description")
    @PatchMapping("/v1/regions/{regionId}/pods/{podId}:modifyPodAttribute")
    ApiResponse<Void> modifyPodAttribute(@PathVariable String regionId, @PathVariable String podId,
                                         @Valid @RequestBody ModifyPodAttributeRequest request) {
        regions.require(regionId);
        sender.send(new PodCommands.ModifyPodAttribute(podId, Caller.current().accountId(), request.name(),
                request.description()), podId);
        return ApiResponse.empty();
    }

    record CreatePodsResult(List<String> podIds) {
    }
}
