package io.podservice.worker.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import io.podservice.worker.WorkerProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The instance type as the pod's budget: every container of a pod runs under one cgroup of the pod
 * ({@code <pod.worker.cgroup-root>/<podId>}, Docker's cgroup parent) capped at the type's CPU and
 * memory, and at {@code pod.worker.pod-pids-limit} processes, so three containers of a 1-vCPU, 4 GiB
 * pod share 1 vCPU and 4 GiB rather than getting that much each, and a fork bomb stops at the pod's
 * limit. Written with Docker's cgroupfs driver, on cgroup v1 (memory, cpu, pids hierarchies) or v2.
 * Under the systemd driver, or where the cgroup filesystem is not writable, pods get only their
 * containers' own limits (logged once; docs/security.md).
 */
@Component
class PodCgroups {

    private static final Logger log = LoggerFactory.getLogger(PodCgroups.class);
    private static final Path CGROUPS = Path.of("/sys/fs/cgroup");
    private static final long CPU_PERIOD_US = 100_000;

    private final WorkerProperties properties;
    private final DockerClient docker;
    private volatile Boolean usable;

    PodCgroups(WorkerProperties properties, DockerClient docker) {
        this.properties = properties;
        this.docker = docker;
    }

    /**
     * Makes the pod's cgroup with its limits; the cgroup parent for its containers, or null when
     * this node cannot have pod cgroups.
     */
    String prepare(String podId, double cpu, int memoryMB) {
        if (!usable()) {
            return null;
        }
        String parent = "/" + properties.getCgroupRoot() + "/" + podId;
        long memory = (long) memoryMB * 1024 * 1024;
        long quota = Math.max(1000, Math.round(cpu * CPU_PERIOD_US));
        try {
            if (v2()) {
                enable(CGROUPS.resolve(properties.getCgroupRoot()));
                Path pod = CGROUPS.resolve(properties.getCgroupRoot()).resolve(podId);
                Files.createDirectories(pod);
                write(pod.resolve("memory.max"), Long.toString(memory));
                write(pod.resolve("cpu.max"), quota + " " + CPU_PERIOD_US);
                write(pod.resolve("pids.max"), Integer.toString(properties.getPodPidsLimit()));
                enable(pod);
            } else {
                Path memoryDir = v1("memory").resolve(podId);
                Files.createDirectories(memoryDir);
                write(memoryDir.resolve("memory.limit_in_bytes"), Long.toString(memory));
                Path cpuDir = v1("cpu").resolve(podId);
                Files.createDirectories(cpuDir);
                write(cpuDir.resolve("cpu.cfs_period_us"), Long.toString(CPU_PERIOD_US));
                write(cpuDir.resolve("cpu.cfs_quota_us"), Long.toString(quota));
                Path pidsDir = v1("pids").resolve(podId);
                Files.createDirectories(pidsDir);
                write(pidsDir.resolve("pids.max"), Integer.toString(properties.getPodPidsLimit()));
            }
            return parent;
        } catch (IOException e) {
            throw new io.podservice.worker.runtime.PodTaskFailure("ContainerCreateFailed",
                    "cannot make the pod's cgroup: " + e.getMessage(), e);
        }
    }

    /** Removes the pod's cgroup once its containers are gone (the kernel refuses while a process is in it). */
    void release(String podId) {
        if (!usable()) {
            return;
        }
        // v1: every hierarchy Docker may have placed the pod in, the unified one of a hybrid host included
        List<Path> dirs = v2() ? List.of(CGROUPS.resolve(properties.getCgroupRoot()).resolve(podId))
                : hierarchies().stream().map(h -> h.resolve(properties.getCgroupRoot()).resolve(podId)).toList();
        for (Path dir : dirs) {
            try {
                Files.deleteIfExists(dir); // rmdir of a cgroup: its files are the kernel's, not to be deleted
            } catch (IOException e) {
                log.debug("cgroup {} stays: {}", dir, e.getMessage());
            }
        }
    }

    /** The cgroup v1 hierarchies mounted under /sys/fs/cgroup, each once (cpu and cpuacct are often one). */
    private static List<Path> hierarchies() {
        try (var entries = Files.list(CGROUPS)) {
            return entries.filter(Files::isDirectory).map(PodCgroups::realPath).distinct().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    private Path v1(String controller) {
        return CGROUPS.resolve(controller).resolve(properties.getCgroupRoot());
    }

    private static boolean v2() {
        return Files.exists(CGROUPS.resolve("cgroup.controllers"));
    }

    /** v2: the children of {@code dir} may have cpu, memory and pids limits. */
    private static void enable(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("cgroup.subtree_control"), "+cpu +memory +pids");
    }

    private boolean usable() {
        Boolean known = usable;
        if (known == null) {
            String driver;
            try {
                driver = docker.infoCmd().exec().getCGroupDriver();
            } catch (RuntimeException e) {
                return false; // the daemon is away: decide when it answers
            }
            known = "cgroupfs".equals(driver) && Files.isWritable(v2() ? CGROUPS : CGROUPS.resolve("memory"));
            if (!known) {
                log.warn("pods on this node get no cgroup of their own (Docker's cgroup driver {}, {} {}writable): each "
                        + "container has its own limits only", driver, CGROUPS, Files.isWritable(CGROUPS) ? "" : "not ");
            }
            usable = known;
        }
        return known;
    }

    private static void write(Path file, String value) throws IOException {
        Files.writeString(file, value, StandardCharsets.US_ASCII);
    }
}
