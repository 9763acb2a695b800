package io.podservice.worker.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ContainerStatesTest {

    private static final String STARTED = "2026-12-01T06:00:00Z";

    private static InspectContainerResponse exited(int exitCode, boolean dockerSaysOom) throws Exception {
        return new ObjectMapper().readValue("""
                {"Id": "c1", "State": {"Running": false, "ExitCode": %d, "OOMKilled": %s,
                 "StartedAt": "%s", "FinishedAt": "2026-12-01T06:00:05Z"}}"""
                .formatted(exitCode, dockerSaysOom, STARTED), InspectContainerResponse.class);
    }

    private static OomKills announcedAt(String when) {
        OomKills kills = new OomKills(Clock.fixed(Instant.parse(when), ZoneOffset.UTC));
        kills.announced("c1");
        return kills;
    }

    @Test
    void dockersOwnFlagIsAnOomKill() throws Exception {
        assertThat(ContainerStates.of("app", exited(137, true), false, new OomKills()).reason()).isEqualTo("OOMKilled");
    }

    @Test
    void anOomEventOfThisRunMakesAKillByDockerLostFlagAnOomKill() throws Exception {
        var report = ContainerStates.of("app", exited(137, false), false, announcedAt("2026-12-01T06:00:04Z"));
        assertThat(report.reason()).isEqualTo("OOMKilled");
        assertThat(report.exitCode()).isEqualTo(137);
        assertThat(report.signal()).isEqualTo(9);
    }

    @Test
    void anOomEventOfAnEarlierRunDoesNotCount() throws Exception {
        assertThat(ContainerStates.of("app", exited(137, false), false, announcedAt("2026-12-01T05:59:00Z")).reason())
                .isEqualTo("Error");
    }

    @Test
    void aKillWithoutAnyOomIsAnError() throws Exception {
        assertThat(ContainerStates.of("app", exited(137, false), false, new OomKills()).reason()).isEqualTo("Error");
        assertThat(ContainerStates.of("app", exited(0, false), false, new OomKills()).reason()).isEqualTo("Completed");
    }

    @Test
    void anExitOtherThanSigkillIsNeverAnOomKill() throws Exception {
        assertThat(ContainerStates.of("app", exited(1, false), false, announcedAt("2026-12-01T06:00:04Z")).reason())
                .isEqualTo("Error");
    }
}
