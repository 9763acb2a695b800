package io.podservice.worker.disk;

import io.podservice.events.PodSpecParts;
import io.podservice.worker.WorkerProperties;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The disks of this node, under {@code <pod.worker.state-dir>/disks}: {@code <diskId>.img} is the
 * disk (in the directory {@code pod.worker.disk-directories} names for its type, if any: storage
 * classes), a sparse file of its size (space is taken as data is written: thin provisioning, see
 * docs/operations.md); {@code mnt/<diskId>} is where it is loop-mounted while a pod has it (the
 * containers bind that directory); {@code pods/<podId>/<diskId>} records which pod has it, so the
 * pod's deletion unmounts it. Snapshots are copies of a disk's file in {@code snapshots/}, taken with
 * the disk's file system frozen ({@code fsfreeze}) when it is mounted, so each is consistent. Every
 * step on one disk holds that disk's lock.
 */
@Component
public class NodeDisks {

    private static final Logger log = LoggerFactory.getLogger(NodeDisks.class);
    private static final Pattern ID = Pattern.compile("^[a-z]+-[A-Za-z0-9]{1,32}$");
    private static final long GIB = 1024L * 1024 * 1024;
    private static final List<String> FILE_SYSTEMS = List.of("xfs", "ext4");

    private final Path root;
    /** Disk type to the directory of its disks' files (storage classes); others under {@link #root}. */
    private final java.util.Map<String, Path> classes = new java.util.LinkedHashMap<>();
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    NodeDisks(WorkerProperties properties) {
        this.root = Path.of(properties.getStateDir()).toAbsolutePath().normalize().resolve("disks");
        properties.getDiskDirectories().forEach((type, dir) ->
                classes.put(type, Path.of(dir).toAbsolutePath().normalize()));
    }

    /** The disk's file, wherever its storage class keeps it; under the state directory when it is not made yet. */
    Path image(String diskId) {
        String file = checked(diskId) + ".img";
        return java.util.stream.Stream.concat(classes.values().stream(), Stream.of(root)).distinct()
                .map(dir -> dir.resolve(file)).filter(Files::exists).findFirst().orElse(root.resolve(file));
    }

    /** Where a new disk of {@code diskType} is made: its storage class's directory. */
    private Path newImage(String diskId, String diskType) {
        return classes.getOrDefault(diskType == null ? "" : diskType, root).resolve(checked(diskId) + ".img");
    }

    /** Where the disk is mounted while a pod has it. */
    public Path directory(String diskId) {
        return root.resolve("mnt").resolve(checked(diskId));
    }

    Path snapshotImage(String snapshotId) {
        return root.resolve("snapshots").resolve(checked(snapshotId) + ".img");
    }

    /**
     * Makes the disk if it is not here yet: a sparse file of {@code sizeGB} GiB, a copy of snapshot
     * {@code snapshotId} when given (grown to the size), formatted as {@code fsType} when given (a raw
     * disk is formatted by the first pod that mounts it).
     */
    public void make(String diskId, String diskType, int sizeGB, String snapshotId, String fsType) {
        synchronized (lock(diskId)) {
            if (Files.exists(image(diskId))) {
                return;
            }
            Path image = newImage(diskId, diskType);
            Path staging = image.resolveSibling(diskId + ".img.tmp");
            try {
                Files.createDirectories(image.getParent());
                Files.deleteIfExists(staging);
                if (snapshotId != null) {
                    Path snapshot = snapshotImage(snapshotId);
                    if (!Files.exists(snapshot)) {
                        throw new IllegalStateException("snapshot " + snapshotId + " is not on this node");
                    }
                    run(TimeUnit.HOURS.toSeconds(1), "cp", "--sparse=always", snapshot.toString(), staging.toString());
                    grow(staging, sizeGB);
                } else {
                    try (RandomAccessFile file = new RandomAccessFile(staging.toFile(), "rw")) {
                        file.setLength(sizeGB * GIB);
                    }
                    if (fsType != null) {
                        format(staging, fsType);
                    }
                }
                Files.move(staging, image, StandardCopyOption.ATOMIC_MOVE);
                log.info("disk {}: made ({} GiB{})", diskId, sizeGB, snapshotId == null ? "" : ", from " + snapshotId);
            } catch (IOException e) {
                throw new UncheckedIOException("disk " + diskId + " cannot be made: " + e.getMessage(), e);
            } finally {
                try {
                    Files.deleteIfExists(staging);
                } catch (IOException ignored) {
                    // the next attempt removes it
                }
            }
        }
    }

    /**
     * Mounts pod {@code podId}'s disk (formatting a raw one as the volume's fsType, or any when the
     * volume says formatVolume) and returns the directory the containers bind; idempotent.
     */
    public Path attach(String podId, PodSpecParts.Disk disk) {
        String diskId = disk.volumeId();
        synchronized (lock(diskId)) {
            Path image = image(diskId);
            if (!Files.exists(image)) {
                // a pod's new disk is made by its event too; whichever comes first makes it
                if (disk.sizeGB() == null) {
                    throw new IllegalStateException("disk " + diskId + " is not on this node");
                }
                make(diskId, disk.diskType(), disk.sizeGB(), disk.snapshotId(), fileSystem(disk.fsType()));
            }
            Path dir = directory(diskId);
            try {
                Path marker = root.resolve("pods").resolve(checked(podId)).resolve(diskId);
                boolean first = !Files.exists(marker);
                if (!mounted(dir)) {
                    String found = fileSystemOf(image);
                    if (found.isEmpty() || first && Boolean.TRUE.equals(disk.formatVolume()) && disk.snapshotId() == null) {
                        format(image, fileSystem(disk.fsType()));
                        found = fileSystemOf(image);
                    }
                    Files.createDirectories(dir);
                    // a disk made from a snapshot has its source's xfs UUID, which xfs refuses twice unless told
                    run(60, "mount", "-o", "xfs".equals(found) ? "loop,nosuid,nodev,nouuid" : "loop,nosuid,nodev",
                            image.toString(), dir.toString());
                    if ("xfs".equals(found)) {
                        run(60, "xfs_growfs", dir.toString());
                    }
                    log.info("disk {}: mounted for pod {}", diskId, podId);
                }
                Files.createDirectories(marker.getParent());
                if (first) {
                    Files.createFile(marker);
                }
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException("disk " + diskId + " cannot be mounted: " + e.getMessage(), e);
            }
        }
    }

    /** Unmounts the disks pod {@code podId} had here (its containers are gone). */
    public void release(String podId) {
        Path pod = root.resolve("pods").resolve(checked(podId));
        if (!Files.isDirectory(pod)) {
            return;
        }
        try (Stream<Path> disks = Files.list(pod)) {
            for (Path marker : disks.toList()) {
                String diskId = marker.getFileName().toString();
                synchronized (lock(diskId)) {
                    unmount(diskId);
                    Files.deleteIfExists(marker);
                }
            }
            Files.deleteIfExists(pod);
        } catch (IOException e) {
            throw new UncheckedIOException("the disks of pod " + podId + " cannot be released: " + e.getMessage(), e);
        }
    }

    /** Removes the disk and its content (deleted). */
    public void remove(String diskId) {
        synchronized (lock(diskId)) {
            unmount(diskId);
            try {
                Files.deleteIfExists(image(diskId));
                Files.deleteIfExists(directory(diskId));
            } catch (IOException e) {
                throw new UncheckedIOException("disk " + diskId + " cannot be removed: " + e.getMessage(), e);
            }
            log.info("disk {}: removed", diskId);
        }
    }

    /**
     * Copies the disk as it is now into snapshot {@code snapshotId}: with its file system frozen while
     * it is mounted (writes wait, nothing half-written is copied), thawed whatever happens.
     */
    public void snapshot(String diskId, String snapshotId) {
        synchronized (lock(diskId)) {
            Path image = image(diskId);
            Path target = snapshotImage(snapshotId);
            if (Files.exists(target)) {
                return;
            }
            if (!Files.exists(image)) {
                throw new IllegalStateException("disk " + diskId + " is not on this node");
            }
            Path staging = target.resolveSibling(snapshotId + ".img.tmp");
            Path dir = directory(diskId);
            boolean frozen = false;
            try {
                Files.createDirectories(target.getParent());
                if (mounted(dir)) {
                    run(60, "fsfreeze", "--freeze", dir.toString());
                    frozen = true;
                }
                run(TimeUnit.HOURS.toSeconds(1), "cp", "--sparse=always", image.toString(), staging.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("snapshot " + snapshotId + " cannot be taken: " + e.getMessage(), e);
            } finally {
                if (frozen) {
                    run(60, "fsfreeze", "--unfreeze", dir.toString());
                }
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("snapshot " + snapshotId + " cannot be kept: " + e.getMessage(), e);
            }
            log.info("snapshot {}: taken of disk {}{}", snapshotId, diskId, frozen ? " (frozen while copied)" : "");
        }
    }

    public void removeSnapshot(String snapshotId) {
        try {
            Files.deleteIfExists(snapshotImage(snapshotId));
        } catch (IOException e) {
            throw new UncheckedIOException("snapshot " + snapshotId + " cannot be removed: " + e.getMessage(), e);
        }
    }

    private void unmount(String diskId) {
        Path dir = directory(diskId);
        if (mounted(dir)) {
            NodeDisks.Result result = execute(60, "umount", dir.toString());
            if (result.exitCode() != 0) {
                // busy (a process of the node still in it): detached now, gone once it lets go
                run(60, "umount", "--lazy", dir.toString());
            }
            log.info("disk {}: unmounted", diskId);
        }
    }

    private static void grow(Path image, int sizeGB) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            if (file.length() < sizeGB * GIB) {
                file.setLength(sizeGB * GIB);
            }
        }
        if ("ext4".equals(fileSystemOf(image))) {
            // an xfs file system grows once mounted (xfs_growfs); ext4 grows offline
            run(600, "e2fsck", "-f", "-p", image.toString());
            run(600, "resize2fs", image.toString());
        }
    }

    private static void format(Path image, String fsType) {
        if ("ext4".equals(fsType)) {
            run(600, "mkfs.ext4", "-q", "-F", "-m", "0", image.toString());
        } else {
            run(600, "mkfs.xfs", "-q", "-f", image.toString());
        }
    }

    private static String fileSystem(String fsType) {
        return fsType != null && FILE_SYSTEMS.contains(fsType) ? fsType : "xfs";
    }

    /** The file system on the file, "" when there is none (a raw disk). */
    static String fileSystemOf(Path image) {
        Result result = execute(60, "blkid", "-p", "-o", "value", "-s", "TYPE", image.toString());
        return result.exitCode() == 0 ? result.output().trim() : "";
    }

    static boolean mounted(Path dir) {
        try {
            String target = dir.toString();
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] fields = line.split(" ");
                if (fields.length > 4 && fields[4].equals(target)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object lock(String diskId) {
        return locks.computeIfAbsent(checked(diskId), id -> new Object());
    }

    private static String checked(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a disk, snapshot or pod id: " + id);
        }
        return id;
    }

    record Result(int exitCode, String output) {
    }

    private static String run(long timeoutSeconds, String... command) {
        Result result = execute(timeoutSeconds, command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + result.output().trim());
        }
        return result.output();
    }

    private static Result execute(long timeoutSeconds, String... command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command[0] + " did not end within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0] + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        }
    }
}
