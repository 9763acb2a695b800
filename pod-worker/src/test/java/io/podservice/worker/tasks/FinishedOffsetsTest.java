package io.podservice.worker.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class FinishedOffsetsTest {

    private final FinishedOffsets offsets = new FinishedOffsets();
    private final TopicPartition p0 = new TopicPartition("pod-events", 0);
    private final TopicPartition p1 = new TopicPartition("pod-events", 1);
    private final List<Long> commits = new ArrayList<>();

    @Test
    void nothingIsCommittedPastAnUnfinishedEvent() {
        for (long offset = 0; offset < 5; offset++) {
            offsets.started(p0, offset);
        }
        offsets.finished(p0, 2, commits::add);
        offsets.finished(p0, 3, commits::add);
        assertThat(commits).isEmpty();

        offsets.finished(p0, 0, commits::add);
        assertThat(commits).containsExactly(0L);

        offsets.finished(p0, 1, commits::add);
        assertThat(commits).containsExactly(0L, 3L);

        offsets.finished(p0, 4, commits::add);
        assertThat(commits).containsExactly(0L, 3L, 4L);
        assertThat(offsets.running()).isZero();
    }

    @Test
    void partitionsAreIndependent() {
        offsets.started(p0, 10);
        offsets.started(p1, 20);
        offsets.started(p1, 21);
        offsets.finished(p1, 21, commits::add);
        offsets.finished(p1, 20, commits::add);
        assertThat(commits).containsExactly(21L);
        assertThat(offsets.running()).isEqualTo(1);
    }

    @Test
    void aPartitionTakenAwayWaitsForItsRunningEvents() throws Exception {
        offsets.started(p0, 7);
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return offsets.drain(Set.of(p0), Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(drained).isNotDone();
        offsets.finished(p0, 7, commits::add);

        assertThat(drained.get(20, TimeUnit.SECONDS)).isTrue();
        assertThat(commits).containsExactly(7L);
    }

    @Test
    void aDrainThatTimesOutGivesThePartitionUpAndLateFinishesCommitNothing() throws Exception {
        offsets.started(p0, 7);
        assertThat(offsets.drain(Set.of(p0), Duration.ofMillis(50))).isFalse();

        offsets.finished(p0, 7, commits::add);
        assertThat(commits).isEmpty();
        assertThat(offsets.running()).isZero();
    }
}
