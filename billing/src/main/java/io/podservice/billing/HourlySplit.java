package io.podservice.billing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** An interval cut at hour boundaries (UTC): the seconds of [from, to) in each hour it touches. */
final class HourlySplit {

    record Share(Instant hourStart, double seconds) {
    }

    private HourlySplit() {
    }

    static List<Share> of(Instant from, Instant to) {
        List<Share> shares = new ArrayList<>();
        Instant cursor = from;
        while (cursor.isBefore(to)) {
            Instant hour = cursor.truncatedTo(ChronoUnit.HOURS);
            Instant end = hour.plus(Duration.ofHours(1));
            Instant until = end.isBefore(to) ? end : to;
            shares.add(new Share(hour, Duration.between(cursor, until).toNanos() / 1e9));
            cursor = until;
        }
        return shares;
    }
}
