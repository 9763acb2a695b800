package io.podservice.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's clock in the tests: the system's, moved forward by what a test asks for (a prepaid
 * pod's month passes without a month of waiting). Only what takes the context's {@link Clock}
 * follows it (prepaid periods, MFA codes); a test that moves it puts it back.
 */
final class TestClock extends Clock {

    static final TestClock INSTANCE = new TestClock();

    private volatile Duration ahead = Duration.ZERO;

    private TestClock() {
    }

    void advance(Duration by) {
        ahead = ahead.plus(by);
    }

    void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {
        @Bean
        Clock serviceClock() {
            return INSTANCE;
        }
    }
}
