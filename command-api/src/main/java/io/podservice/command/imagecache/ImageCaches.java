package io.podservice.command.imagecache;

import io.podservice.api.catalog.QuotaLimits;
import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiException;
import io.podservice.command.domain.GeneralNames;
import io.podservice.command.infrastructure.CommandSender;
import io.podservice.command.node.NodeIndex;
import io.podservice.command.quota.Quotas;
import io.podservice.command.secret.SecretIndex;
import io.podservice.events.ContainerDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Image caches by JD Cloud's rules: an image (a reference of at most 1,024 characters), a secret of
 * the account for its registry (none for a registry the operator shares), a size of 20 to 1,000 GB
 * (20 by default), a retention of 0 to 3,650 days (0 by default: no end), an optional name (1 to 32
 * Chinese characters, letters, digits, '_' and '-'). Every ready node of the region is asked to pull
 * the image; the nodes' answers make the cache Ready or Error.
 */
@Service
public class ImageCaches {

    private static final Pattern IMAGE = Pattern.compile("^[a-z0-9][A-Za-z0-9._:/@-]{0,1023}$");
    private static final int MAX_SPECS = 10;

    private final CommandSender commands;
    private final SecretIndex secrets;
    private final NodeIndex nodes;
    private final Quotas quotas;
    private final ImageCacheIndex index;
    private final org.axonframework.commandhandling.gateway.CommandGateway gateway;

    ImageCaches(CommandSender commands, SecretIndex secrets, NodeIndex nodes, Quotas quotas, ImageCacheIndex index,
                org.axonframework.commandhandling.gateway.CommandGateway gateway) {
        this.gateway = gateway;
        this.index = index;
        this.commands = commands;
        this.secrets = secrets;
        this.nodes = nodes;
        this.quotas = quotas;
    }

    /** createImageCache's and createImageCaches' spec. */
    public record Spec(String image, String secret, Integer size, Integer retentionDays) {
    }

    /** Makes one cache per spec, all or none; their ids in order. */
    @Transactional
    public List<String> create(RegionCatalog.Region region, String accountId, String name, List<Spec> specs,
                               String field) {
        if (name != null) {
            GeneralNames.require("name", name);
        }
        if (specs == null || specs.isEmpty() || specs.size() > MAX_SPECS) {
            throw ApiException.invalidArgument("Invalid " + field + ": give 1 to " + MAX_SPECS + " image cache specs; got "
                    + (specs == null ? 0 : specs.size()));
        }
        List<ContainerDefinition.RegistryAuth> auths = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            auths.add(checked(region, accountId, specs.get(i), specs.size() == 1 && field.equals("imageCacheSpec")
                    ? field : field + "[" + i + "]"));
        }
        quotas.requireRoom(accountId, region.id(), QuotaLimits.IMAGE_CACHE, specs.size());
        List<String> nodeIds = nodes.readyIn(region.azs());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec spec = specs.get(i);
            String id = "ic-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            commands.send(new ImageCacheCommands.CreateImageCache(id, accountId, region.id(), name == null ? id : name,
                    spec.image(), spec.secret(), auths.get(i), spec.size() == null ? 20 : spec.size(),
                    spec.retentionDays() == null ? 0 : spec.retentionDays(), nodeIds), "ImageCache", id);
            ids.add(id);
        }
        return ids;
    }

    public void update(String accountId, String regionId, String imageCacheId, String name, Integer retentionDays) {
        if (name != null) {
            GeneralNames.require("name", name);
        }
        if (retentionDays != null && (retentionDays < 0 || retentionDays > 3650)) {
            throw ApiException.invalidArgument("Invalid retentionDays: 0 (no end) to 3650; got " + retentionDays);
        }
        commands.send(new ImageCacheCommands.UpdateImageCache(existing(accountId, regionId, imageCacheId), accountId,
                name, retentionDays), "ImageCache", imageCacheId);
    }

    public void delete(String accountId, String regionId, String imageCacheId) {
        commands.send(new ImageCacheCommands.DeleteImageCache(existing(accountId, regionId, imageCacheId), accountId),
                "ImageCache", imageCacheId);
    }

    /**
     * createPods' image caches: a container naming one ({@code imageCacheId}) runs the image it holds,
     * which must be the account's cache in the region, Ready and within its retention, and of the
     * container's image when that is given too; with {@code autoMatch}, a container naming none takes
     * the most suitable cache of its image (and secret), if there is one. {@code autoCreate} is not
     * offered.
     */
    public List<ContainerDefinition> resolve(String accountId, String regionId, List<ContainerDefinition> containers,
                                             boolean autoMatch, boolean autoCreate) {
        if (autoCreate) {
            throw ApiException.invalidArgument("Invalid podSpec.autoCreateImageCache: caches are not made by createPods "
                    + "here; make one with createImageCache, then name it or set autoMatchImageCache");
        }
        java.time.Instant now = java.time.Instant.now();
        List<ContainerDefinition> resolved = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            ContainerDefinition container = containers.get(i);
            String path = "podSpec.containers[" + i + "]";
            if (container.imageCacheId() != null) {
                ImageCacheIndex.Entry cache = index.find(accountId, regionId, container.imageCacheId()).orElseThrow(() ->
                        ApiException.notFound("Invalid " + path + ".imageCacheId: image cache '" + container.imageCacheId()
                                + "' not found in " + regionId));
                if (!cache.usableAt(now)) {
                    throw ApiException.failedPrecondition("Invalid " + path + ".imageCacheId: image cache '"
                            + cache.imageCacheId() + "' is " + (ImageCache.READY.equals(cache.status()) ? "past its retention"
                            : cache.status()) + "; a pod uses a cache that is Ready");
                }
                if (container.image() != null && !container.image().isBlank() && !container.image().equals(cache.image())) {
                    throw ApiException.invalidArgument("Invalid " + path + ".image: '" + container.image() + "' is not the "
                            + "image of image cache '" + cache.imageCacheId() + "' ('" + cache.image() + "')");
                }
                resolved.add(cached(accountId, regionId, container, cache));
            } else if (autoMatch) {
                resolved.add(index.mostSuitable(accountId, regionId, container.image(), container.secret())
                        .map(cache -> cached(accountId, regionId, container, cache)).orElse(container));
            } else {
                resolved.add(container);
            }
        }
        return resolved;
    }

    /**
     * The container running the cache's image; one that names no secret takes the cache's, so a node
     * the cache did not ask (one that joined later) pulls with the credentials the cache was made with.
     */
    private ContainerDefinition cached(String accountId, String regionId, ContainerDefinition container,
                                       ImageCacheIndex.Entry cache) {
        ContainerDefinition withCache = container.withImageCache(cache.imageCacheId(), cache.image());
        if (container.registryAuth() != null || cache.secret() == null) {
            return withCache;
        }
        return secrets.registryAuth(accountId, regionId, cache.secret()).map(withCache::withRegistryAuth)
                .orElse(withCache);
    }

    /** A node's answer, as the node-only endpoint received it; false when it no longer matters (answered, deleted). */
    public boolean recordNodeReport(String imageCacheId, String nodeId, String status, String message, long sizeBytes) {
        if (!ImageCache.READY.equals(status) && !ImageCache.ERROR.equals(status)) {
            throw ApiException.invalidArgument("Invalid status: Ready or Error; got '" + status + "'");
        }
        try {
            // a node's call, not a tenant's: sent as the service's own command
            Boolean recorded = gateway.sendAndWait(new ImageCacheCommands.RecordNodeReport(imageCacheId, nodeId, status,
                    message, sizeBytes), 30, java.util.concurrent.TimeUnit.SECONDS);
            return Boolean.TRUE.equals(recorded);
        } catch (org.axonframework.modelling.command.AggregateNotFoundException gone) {
            // deleted (or never made): the answer no longer matters
            return false;
        }
    }

    private String existing(String accountId, String regionId, String imageCacheId) {
        return index.find(accountId, regionId, imageCacheId).map(ImageCacheIndex.Entry::imageCacheId)
                .orElseThrow(() -> ApiException.notFound("ImageCache '" + imageCacheId + "' not found in " + regionId));
    }

    /** The spec's registry credentials (null without a secret), or the error naming the field that breaks a rule. */
    private ContainerDefinition.RegistryAuth checked(RegionCatalog.Region region, String accountId, Spec spec,
                                                     String path) {
        if (spec == null || spec.image() == null || !IMAGE.matcher(spec.image()).matches()) {
            throw ApiException.invalidArgument("Invalid " + path + ".image: an image reference of at most 1,024 "
                    + "letters, digits and '.', '_', ':', '/', '@', '-', beginning with a lowercase letter or digit; got "
                    + (spec == null || spec.image() == null ? "none" : "'" + spec.image() + "'"));
        }
        if (spec.size() != null && (spec.size() < 20 || spec.size() > 1000)) {
            throw ApiException.invalidArgument("Invalid " + path + ".size: 20 to 1000 GB; got " + spec.size());
        }
        if (spec.retentionDays() != null && (spec.retentionDays() < 0 || spec.retentionDays() > 3650)) {
            throw ApiException.invalidArgument("Invalid " + path + ".retentionDays: 0 (no end) to 3650; got "
                    + spec.retentionDays());
        }
        if (spec.secret() == null) {
            return null;
        }
        return secrets.registryAuth(accountId, region.id(), spec.secret()).orElseThrow(() -> ApiException.notFound(
                "Invalid " + path + ".secret: secret '" + spec.secret() + "' not found in " + region.id()));
    }
}
