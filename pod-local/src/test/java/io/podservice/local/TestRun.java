package io.podservice.local;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;

/**
 * This test run's identity: a label that every container it creates carries (pods through the
 * worker's extra labels, fixtures through Testcontainers), so the run removes exactly what it
 * made and nothing else; and a fresh data directory for the embedded PostgreSQL and Kafka.
 */
final class TestRun {

    static final String LABEL = "pod-service.test-run";
    static final String ID = UUID.randomUUID().toString().substring(0, 8);
    static final Path DATA_DIR = Path.of("target", "it-data").toAbsolutePath();

    private TestRun() {
    }

    static Map<String, String> labels() {
        return Map.of(LABEL, ID);
    }

    static void prepareDataDir() {
        deleteRecursively(DATA_DIR);
    }

    /** Removes every container labelled with this run, pods before the fixtures they pull from. */
    static void removeContainers() {
        DockerClient docker = DockerClientFactory.lazyClient();
        List<Container> mine = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(LABEL, ID)).exec();
        for (Container container : mine) {
            try {
                docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException gone) {
                // removed meanwhile
            }
        }
    }

    /** Removes every volume labelled with this run (pods' data volumes). */
    static void removeVolumes() {
        DockerClient docker = DockerClientFactory.lazyClient();
        var volumes = docker.listVolumesCmd().withFilter("label", List.of(LABEL + "=" + ID)).exec().getVolumes();
        for (var volume : volumes == null ? List.<com.github.dockerjava.api.command.InspectVolumeResponse>of() : volumes) {
            try {
                docker.removeVolumeCmd(volume.getName()).exec();
            } catch (NotFoundException gone) {
                // removed meanwhile
            }
        }
    }

    /** Removes an image this run pulled, if it is there. */
    static void removeImage(String image) {
        try {
            DockerClientFactory.lazyClient().removeImageCmd(image).withForce(true).exec();
        } catch (NotFoundException gone) {
            // never pulled
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot clean " + dir, e);
        }
    }
}
