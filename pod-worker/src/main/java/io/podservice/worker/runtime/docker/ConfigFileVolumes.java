package io.podservice.worker.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podservice.events.EventJson;
import io.podservice.events.PodSpecParts;
import io.podservice.worker.WorkerProperties;
import io.podservice.worker.runtime.CommandSideClient;
import io.podservice.worker.runtime.PodTaskFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The config file volumes of this node's pods: one directory per pod and volume under the worker's
 * state directory ({@code config-files/<pod>/<volume>}), bind-mounted read-only into the containers.
 * Written the way Kubernetes writes ConfigMap volumes, so a container never sees half an update: the
 * files of a version in {@code ..v<version>/}, a link {@code ..data} to the current one, replaced in
 * one rename, and each top-level name a link into {@code ..data}. Every
 * {@code pod.worker.config-file-sync-interval} (10 s) the node asks the command side for each
 * volume's config file and writes a newer version when there is one: updateConfigFile reaches the
 * running pods within that interval. What each directory holds is in its {@code ..source} file, so
 * a restarted worker keeps them in sync without knowing more.
 */
@Component
class ConfigFileVolumes {

    private static final Logger log = LoggerFactory.getLogger(ConfigFileVolumes.class);
    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final String SOURCE = "..source";
    private static final String DATA = "..data";

    private final Path root;
    private final CommandSideClient commandSide;

    ConfigFileVolumes(WorkerProperties properties, CommandSideClient commandSide) {
        this.root = Path.of(properties.getStateDir()).toAbsolutePath().normalize().resolve("config-files");
        this.commandSide = commandSide;
    }

    /** What a volume's directory holds: whose config file, mapped how, at which version. */
    record Source(String accountId, String regionId, PodSpecParts.ConfigFileSource configFile, long version) {
    }

    /** The host directory of the pod's volume. */
    Path directory(String podId, String volume) {
        return root.resolve(podId).resolve(volume);
    }

    /** Writes the config file's current files for the pod's volume; a pod task failure when the file is gone. */
    Path prepare(String podId, String regionId, String accountId, String volume, PodSpecParts.ConfigFileSource source) {
        Path dir = directory(podId, volume);
        JsonNode content = commandSide.get(path(accountId, regionId, source.name()), "config file " + source.name())
                .orElseThrow(() -> new PodTaskFailure("ConfigFileNotFound", "config file '" + source.name()
                        + "' of volume '" + volume + "' no longer exists", null));
        try {
            write(dir, new Source(accountId, regionId, source, 0), content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write config file volume " + dir, e);
        }
        return dir;
    }

    /** Brings every volume of this node to its config file's current version. */
    @Scheduled(initialDelayString = "${pod.worker.config-file-sync-interval:PT10S}",
            fixedDelayString = "${pod.worker.config-file-sync-interval:PT10S}")
    void sync() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> sources = Files.find(root, 3, (p, a) -> p.getFileName().toString().equals(SOURCE))) {
            for (Path sourceFile : sources.toList()) {
                try {
                    Source source = JSON.readValue(sourceFile.toFile(), Source.class);
                    commandSide.get(path(source.accountId(), source.regionId(), source.configFile().name()),
                                    "config file " + source.configFile().name())
                            .filter(content -> content.path("version").asLong() != source.version())
                            .ifPresent(content -> {
                                try {
                                    write(sourceFile.getParent(), source, content);
                                    log.info("config file {} version {} written to {}", source.configFile().name(),
                                            content.path("version").asLong(), sourceFile.getParent());
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
                } catch (IOException | RuntimeException e) {
                    log.warn("config file volume {} not synced this time: {}", sourceFile.getParent(), e.toString());
                }
            }
        } catch (IOException e) {
            log.warn("config file volumes not synced this time: {}", e.toString());
        }
    }

    /** The pod's volumes go with it. */
    void release(String podId) {
        Path dir = root.resolve(podId);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("config file volumes of pod {} not removed: {}", podId, e.toString());
        }
    }

    private static String path(String accountId, String regionId, String name) {
        return "/internal/config-files/" + accountId + "/" + regionId + "/" + name;
    }

    /** A new version beside the old, then the one rename that makes it current, then the old one removed. */
    private static synchronized void write(Path dir, Source source, JsonNode content) throws IOException {
        long version = content.path("version").asLong();
        Files.createDirectories(dir);
        Path versionDir = dir.resolve("..v" + version);
        Path staging = dir.resolve("..v" + version + ".tmp");
        deleteTree(staging);
        Files.createDirectories(staging);
        Set<String> topLevel = new HashSet<>();
        for (Projected file : projected(source.configFile(), content)) {
            Path target = staging.resolve(file.path()).normalize();
            if (!target.startsWith(staging) || target.equals(staging)) {
                throw new IOException("config file path '" + file.path() + "' leaves the volume");
            }
            Files.createDirectories(target.getParent());
            Files.write(target, file.content());
            Files.setPosixFilePermissions(target, permissions(file.mode()));
            topLevel.add(staging.relativize(target).getName(0).toString());
        }
        deleteTree(versionDir);
        Files.move(staging, versionDir, StandardCopyOption.ATOMIC_MOVE);
        Path link = dir.resolve(DATA + ".tmp");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of(versionDir.getFileName().toString()));
        Files.move(link, dir.resolve(DATA), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        for (String name : topLevel) {
            try {
                Files.createSymbolicLink(dir.resolve(name), Path.of(DATA, name));
            } catch (FileAlreadyExistsException linked) {
                // the link points into ..data, which now is the new version
            }
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith("..v") && !entry.equals(versionDir)) {
                    deleteTree(entry);
                } else if (!name.startsWith("..") && !topLevel.contains(name)) {
                    // a key the new version no longer has
                    Files.deleteIfExists(entry);
                }
            }
        }
        JSON.writeValue(dir.resolve(SOURCE).toFile(), new Source(source.accountId(), source.regionId(),
                source.configFile(), version));
    }

    private record Projected(String path, byte[] content, String mode) {
    }

    /** Every key as a file of its name, or only the fileToPath items at their paths, with their modes. */
    private static List<Projected> projected(PodSpecParts.ConfigFileSource source, JsonNode content) {
        List<Projected> files = new ArrayList<>();
        for (JsonNode entry : content.path("data")) {
            String key = entry.path("key").asText();
            byte[] bytes = Base64.getDecoder().decode(entry.path("value").asText());
            if (source.fileToPath().isEmpty()) {
                files.add(new Projected(key, bytes, source.defaultMode()));
            } else {
                source.fileToPath().stream().filter(item -> item.key().equals(key)).forEach(item -> files.add(
                        new Projected(item.path(), bytes, item.mode() == null ? source.defaultMode() : item.mode())));
            }
        }
        return files;
    }

    private static Set<PosixFilePermission> permissions(String octal) {
        int bits = Integer.parseInt(octal == null ? "0644" : octal, 8);
        Set<PosixFilePermission> permissions = new HashSet<>();
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((bits & (1 << i)) != 0) {
                permissions.add(order[i]);
            }
        }
        return permissions;
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
