package io.podservice.billing;

import io.podservice.api.catalog.PriceList;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HourlySplitTest {

    @Test
    void anIntervalIsCutAtEveryHourBoundary() {
        assertThat(HourlySplit.of(Instant.parse("2026-11-27T10:59:30Z"), Instant.parse("2026-11-27T12:00:15.500Z")))
                .containsExactly(
                        new HourlySplit.Share(Instant.parse("2026-11-27T10:00:00Z"), 30.0),
                        new HourlySplit.Share(Instant.parse("2026-11-27T11:00:00Z"), 3600.0),
                        new HourlySplit.Share(Instant.parse("2026-11-27T12:00:00Z"), 15.5));
    }

    @Test
    void anEmptyIntervalBooksNothing() {
        Instant at = Instant.parse("2026-11-27T10:00:00Z");
        assertThat(HourlySplit.of(at, at)).isEmpty();
    }

    @Test
    void pricesAreProratedToTheSecond() {
        PriceList prices = new PriceList();
        assertThat(prices.running("g.n2.medium", 1800)).isEqualByComparingTo(new BigDecimal("0.18"));
        assertThat(prices.elasticIp(10, 3600)).isEqualByComparingTo(new BigDecimal("1.00"));
        assertThat(prices.running("unknown.type", 3600)).isEqualByComparingTo(prices.getDefaultHourly());
    }
}
