package io.podservice.worker.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    @Test
    void aNameWithoutTagMeansLatestOnDockerHub() {
        assertThat(ImageReference.parse("busybox")).isEqualTo(new ImageReference("docker.io", "busybox", "latest"));
    }

    @Test
    void aRegistryWithAPortIsNotMistakenForATag() {
        assertThat(ImageReference.parse("127.0.0.1:5000/pod-service/busybox"))
                .isEqualTo(new ImageReference("127.0.0.1:5000", "127.0.0.1:5000/pod-service/busybox", "latest"));
        assertThat(ImageReference.parse("127.0.0.1:5000/pod-service/busybox:1").fullName())
                .isEqualTo("127.0.0.1:5000/pod-service/busybox:1");
    }

    @Test
    void aDigestIsKept() {
        ImageReference ref = ImageReference.parse("registry.example/app@sha256:abc");
        assertThat(ref.registry()).isEqualTo("registry.example");
        assertThat(ref.fullName()).isEqualTo("registry.example/app@sha256:abc");
    }
}
