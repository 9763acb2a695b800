package io.podservice.worker.runtime.docker;

import io.podservice.worker.WorkerProperties;
import io.podservice.worker.runtime.PodTaskFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A container's {@code subPath} of a volume, resolved so that no symbolic link in it is followed: the
 * class of escape Kubernetes fixed as CVE-2017-1002101, where a pod replaces a sub-directory of its
 * volume with a link to {@code /} and its next container start binds the host's root.
 *
 * <p>The volume's data directory is bound, once, at {@code <state-dir>/volumes/<volume>} with the
 * mount flag {@code nosymfollow}: the kernel refuses to follow any symbolic link while resolving a
 * path through that mount. The sub-directory is then bound from there to a directory of its own,
 * {@code <state-dir>/subpaths/<pod>/<container>/<n>}, in one mount(2) whose path walk is that
 * refusal, so there is no window between a check and a use; the bind pins the directory itself, so
 * renaming or replacing names in the volume later changes nothing, at a restart either. Docker binds
 * that directory into the container. Done again at every (re)creation and start by this runtime;
 * removed with the pod. Needs the worker on the Docker host, as root, and a kernel with
 * {@code nosymfollow} (5.10 or later).
 */
@Component
class SubPathMounts {

    private static final Logger log = LoggerFactory.getLogger(SubPathMounts.class);

    private final Path state;

    SubPathMounts(WorkerProperties properties) {
        this.state = Path.of(properties.getStateDir()).toAbsolutePath().normalize();
    }

    /**
     * The host directory to bind for {@code subPath} of a volume whose data is at {@code volumeData}:
     * made (its missing directories created, through no link) and pinned afresh.
     */
    String bind(String podId, String container, int index, String volumeName, String volumeData, String subPath) {
        Path root = volumeRoot(volumeName, volumeData);
        Path source = root.resolve(subPath).normalize();
        if (!source.startsWith(root)) {
            throw refused(subPath, volumeName, "it leaves the volume");
        }
        try {
            Files.createDirectories(source);
        } catch (FileSystemException e) {
            throw refused(subPath, volumeName, "it is, or passes through, a symbolic link or a file");
        } catch (IOException e) {
            throw new PodTaskFailure("CreateContainerConfigError", "cannot make subPath '" + subPath + "' of volume '"
                    + volumeName + "': " + e.getMessage(), e);
        }
        Path target = state.resolve("subpaths").resolve(podId).resolve(container).resolve(Integer.toString(index));
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new PodTaskFailure("CreateContainerConfigError", "cannot prepare subPath '" + subPath + "': "
                    + e.getMessage() + " (pod.worker.state-dir must be writable)", e);
        }
        while (mounted(target)) {
            mount("umount", target.toString());
        }
        Result bound = mount("mount", "--no-canonicalize", "--bind", source.toString(), target.toString());
        if (bound.exitCode() != 0) {
            throw bound.output().contains("symbolic links")
                    ? refused(subPath, volumeName, "it is, or passes through, a symbolic link")
                    : new PodTaskFailure("CreateContainerConfigError", "cannot bind subPath '" + subPath + "' of volume '"
                    + volumeName + "': " + bound.output().trim(), null);
        }
        mount("mount", "--make-private", target.toString());
        return target.toString();
    }

    /** Unbinds and removes everything this pod's subPaths left on the node: every bind first, then the directories. */
    void release(String podId) {
        Path pod = state.resolve("subpaths").resolve(podId);
        unmountUnder(pod);
        releaseVolumes(podId);
        if (!Files.isDirectory(pod)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(pod)) {
            // nothing is mounted below any more, so this walks only the service's own empty directories
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("cannot clean the subPaths of pod {}: {}", podId, e.getMessage());
        }
    }

    /** Unmounts every mount point at or below {@code prefix}, deepest first (lazily: a dying container may hold one). */
    private static void unmountUnder(Path prefix) {
        for (String point : mountPointsUnder(prefix)) {
            mount("umount", "-l", point);
        }
    }

    private static List<String> mountPointsUnder(Path prefix) {
        String root = prefix.toString();
        try {
            return Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8).stream()
                    .map(line -> line.split(" "))
                    .filter(fields -> fields.length > 4)
                    .map(fields -> unescape(fields[4]))
                    .filter(point -> point.equals(root) || point.startsWith(root + "/"))
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String unescape(String field) {
        return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }

    /** Unbinds and removes everything this pod's subPaths left on the node: its binds, then its volumes' views. */
    private void releaseVolumes(String podId) {
        Path views = state.resolve("volumes");
        if (!Files.isDirectory(views)) {
            return;
        }
        try (Stream<Path> entries = Files.list(views)) {
            for (Path view : entries.filter(v -> v.getFileName().toString().startsWith(podId + ".")).toList()) {
                unmountUnder(view);
                Files.deleteIfExists(view);
            }
        } catch (IOException e) {
            log.warn("cannot clean the volume views of pod {}: {}", podId, e.getMessage());
        }
    }

    /** The volume's data, seen through a nosymfollow bind: no path walk through it follows a link. */
    private Path volumeRoot(String volumeName, String volumeData) {
        Path view = state.resolve("volumes").resolve(volumeName);
        if (mounted(view)) {
            return view;
        }
        try {
            Files.createDirectories(view);
        } catch (IOException e) {
            throw new PodTaskFailure("CreateContainerConfigError", "cannot prepare volume '" + volumeName + "' for subPaths: "
                    + e.getMessage(), e);
        }
        for (String[] step : List.of(new String[] {"mount", "--bind", volumeData, view.toString()},
                new String[] {"mount", "--make-private", view.toString()},
                new String[] {"mount", "-o", "remount,bind,nosymfollow", view.toString()})) {
            Result result = mount(step);
            if (result.exitCode() != 0) {
                while (mounted(view)) {
                    mount("umount", "-l", view.toString());
                }
                throw new PodTaskFailure("CreateContainerConfigError", "subPath needs the worker on the Docker host, as "
                        + "root, with a kernel that has nosymfollow: " + result.output().trim(), null);
            }
        }
        return view;
    }

    private static PodTaskFailure refused(String subPath, String volumeName, String why) {
        return new PodTaskFailure("CreateContainerConfigError", "subPath '" + subPath + "' of volume '" + volumeName
                + "' is refused: " + why, null);
    }

    /** Whether {@code path} is a mount point now (the kernel's list, not a guess from the directory). */
    private static boolean mounted(Path path) {
        return mountPointsUnder(path).contains(path.toString());
    }

    private record Result(int exitCode, String output) {
    }

    private static Result mount(String... command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, command[0] + " did not finish within 30 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, "cannot run " + command[0] + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
