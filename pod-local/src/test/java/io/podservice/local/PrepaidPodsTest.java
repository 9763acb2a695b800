package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.podservice.identity.Accounts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Prepaid pods through the API: JD Cloud's ChargeSpec validated; a prepaid pod paid ahead from the
 * account's balance (an operator's top-up), refused when the balance cannot pay; describePod shows
 * its period; deletePod refuses it until its period ends and allows it after (the service's clock
 * moved a month on, {@link TestClock}), while a postpaid pod is deleted at any time.
 */
class PrepaidPodsTest extends ServiceTest {

    private static final String ACCOUNT = "money";
    private static final String PODS = "/v1/regions/" + REGION + "/pods";

    @Autowired
    Accounts accounts;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    io.podservice.command.account.PostpaidCharging charging;

    @Autowired
    io.podservice.command.account.UnpaidPodLifecycle lifecycle;

    @AfterEach
    void clockBack() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void aPrepaidPodIsPaidAheadAndDeletedOnlyOnceItsPeriodHasEnded() {
        String accountId = accounts.ensureAccount(ACCOUNT);
        ApiClient tenant = apiAs(ACCOUNT);

        // JD Cloud's rules for the period
        ApiClient.Response tooLong = tenant.post(PODS, "{\"podSpec\": " + spec("prepaid", """
                {"chargeMode": "prepaid_by_duration", "chargeUnit": "month", "chargeDuration": 10}""") + "}");
        assertThat(tooLong.status()).as(tooLong.raw()).isEqualTo(400);
        assertThat(tooLong.body().path("error").path("message").asText()).contains("podSpec.charge.chargeDuration",
                "1 to 9");

        // no money: refused, nothing made
        String oneMonth = """
                {"chargeMode": "prepaid_by_duration", "chargeUnit": "month", "chargeDuration": 1}""";
        ApiClient.Response broke = tenant.post(PODS, "{\"podSpec\": " + spec("prepaid", oneMonth) + "}");
        assertThat(broke.status()).as(broke.raw()).isEqualTo(400);
        assertThat(broke.body().path("error").path("message").asText()).contains("Insufficient balance", "259.20");
        assertThat(tenant.get(PODS + "?filters.1.name=podName&filters.1.values.1=prepaid").body().path("result")
                .path("totalCount").asInt()).isZero();

        // 300.00 paid in: a month of g.n2.medium (720 h at 0.36) is taken from it
        // (with the CLI, as an operator would)
        assertThat(operatorCli("top-up", "--account-id", accountId, "--amount", "300.00")).contains("requestId");
        Instant before = Instant.now();
        String prepaid = created(tenant.post(PODS, "{\"podSpec\": " + spec("prepaid", oneMonth) + "}"));
        assertThat(new BigDecimal(readJson(operatorCli("describe-account", "--account-id", accountId)).path("result")
                .path("account").path("balance").asText())).isEqualByComparingTo("40.80");
        JsonNode pod = awaitPhase(tenant, prepaid, "running");
        await().atMost(Duration.ofSeconds(20)).until(() -> tenant.get(PODS + "/" + prepaid).body().path("result")
                .path("pod").path("charge").has("chargeExpiredTime"));
        JsonNode charge = tenant.get(PODS + "/" + prepaid).body().path("result").path("pod").path("charge");
        assertThat(charge.path("chargeMode").asText()).isEqualTo("prepaid_by_duration");
        assertThat(charge.path("chargeStatus").asText()).isEqualTo("normal");
        Instant expires = Instant.parse(charge.path("chargeExpiredTime").asText());
        assertThat(expires).isBetween(before.plus(Duration.ofDays(30)).minusSeconds(1),
                Instant.now().plus(Duration.ofDays(30)).plusSeconds(1));
        assertThat(Instant.parse(charge.path("chargeRetireTime").asText())).isEqualTo(expires.plus(Duration.ofDays(7)));
        assertThat(pod.path("name").asText()).isEqualTo("prepaid");

        // the ledger is the event store's: top-ups less charges, recomputed from the stored events, to the cent
        assertThat(replayedBalance(accountId)).isEqualByComparingTo("40.80");

        // a second month's pod: the balance cannot pay it
        ApiClient.Response short2 = tenant.post(PODS, "{\"podSpec\": " + spec("second", oneMonth) + "}");
        assertThat(short2.status()).as(short2.raw()).isEqualTo(400);
        assertThat(short2.body().path("error").path("message").asText()).contains("Insufficient balance", "40.80");

        // deletePod: not before the period ends
        ApiClient.Response early = tenant.delete(PODS + "/" + prepaid);
        assertThat(early.status()).as(early.raw()).isEqualTo(400);
        assertThat(early.body().path("error").path("status").asText()).isEqualTo("FAILED_PRECONDITION");
        assertThat(early.body().path("error").path("message").asText()).contains("prepaid until");
        // a postpaid pod of the same account: at any time
        String postpaid = created(tenant.post(PODS, "{\"podSpec\": " + spec("postpaid", null) + "}"));
        awaitPhase(tenant, postpaid, "running");
        ok(tenant.delete(PODS + "/" + postpaid));

        // a month and a day later: overdue, and deletable
        TestClock.INSTANCE.advance(Duration.ofDays(31));
        assertThat(tenant.get(PODS + "/" + prepaid).body().path("result").path("pod").path("charge")
                .path("chargeStatus").asText()).isEqualTo("overdue");
        ok(tenant.delete(PODS + "/" + prepaid));
        await().atMost(Duration.ofSeconds(60)).until(() -> tenant.get(PODS + "/" + prepaid).status() == 404);
    }

    @Test
    void aPostpaidPodIsChargedEveryHourAndDoesNotStartWhileItsAccountIsInArrear() {
        String accountId = accounts.ensureAccount("arrears");
        ApiClient tenant = apiAs("arrears");
        assertThat(operatorCli("top-up", "--account-id", accountId, "--amount", "1.00")).contains("requestId");
        String podId = created(tenant.post(PODS, "{\"podSpec\": " + spec("hourly", null) + "}"));
        awaitPhase(tenant, podId, "running");
        ok(tenant.post(PODS + "/" + podId + ":stopPod", "{}"));
        awaitPhase(tenant, podId, "stopped");

        // nothing is due within the first hour
        assertThat(charging.chargeAccount(accountId)).isZero();
        // five hours later: 5 x 0.36 = 1.80 charged, the balance is -0.80, the account in arrear
        TestClock.INSTANCE.advance(Duration.ofHours(5).plusMinutes(10));
        assertThat(charging.chargeAccount(accountId)).isEqualTo(1);
        assertThat(charging.chargeAccount(accountId)).as("the same hours are charged once").isZero();
        JsonNode standing = readJson(operatorCli("describe-account", "--account-id", accountId)).path("result")
                .path("account");
        assertThat(new BigDecimal(standing.path("balance").asText())).isEqualByComparingTo("-0.80");
        await().atMost(Duration.ofSeconds(20)).until(() -> "arrear".equals(tenant.get(PODS + "/" + podId).body()
                .path("result").path("pod").path("charge").path("chargeStatus").asText()));
        ApiClient.Response refused = tenant.post(PODS + "/" + podId + ":startPod", "{}");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().path("error").path("message").asText()).contains("in arrear", "-0.80");

        // a top-up brings it back: normal, and it starts
        assertThat(operatorCli("top-up", "--account-id", accountId, "--amount", "10.00")).contains("requestId");
        await().atMost(Duration.ofSeconds(20)).until(() -> "normal".equals(tenant.get(PODS + "/" + podId).body()
                .path("result").path("pod").path("charge").path("chargeStatus").asText()));
        ok(tenant.post(PODS + "/" + podId + ":startPod", "{}"));
        awaitPhase(tenant, podId, "running");

        // deleted (its deletion's time, the aggregate's own, falls within the hours already charged): nothing more
        // is due, and the pod is done with
        ok(tenant.delete(PODS + "/" + podId));
        await().atMost(Duration.ofSeconds(60)).until(() -> tenant.get(PODS + "/" + podId).status() == 404);
        assertThat(charging.chargeAccount(accountId)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM postpaid_pod WHERE pod_id = ?", Integer.class, podId))
                .isZero();
        // the ledger: 1.00 + 10.00 - 5 x 0.36, as the describe says and as the event store replays
        assertThat(new BigDecimal(readJson(operatorCli("describe-account", "--account-id", accountId)).path("result")
                .path("account").path("balance").asText())).isEqualByComparingTo("9.20");
        assertThat(replayedBalance(accountId)).isEqualByComparingTo("9.20");
    }

    @Test
    void anUnpaidPrepaidPodIsStoppedThenReleasedWhileOneBoughtWithAutoRenewRenewsItself() {
        String accountId = accounts.ensureAccount("unpaid");
        ApiClient tenant = apiAs("unpaid");
        assertThat(operatorCli("top-up", "--account-id", accountId, "--amount", "900.00")).contains("requestId");
        String once = created(tenant.post(PODS, "{\"podSpec\": " + spec("once", """
                {"chargeMode": "prepaid_by_duration", "chargeUnit": "month", "chargeDuration": 1}""") + "}"));
        String renewing = created(tenant.post(PODS, "{\"podSpec\": " + spec("renewing", """
                {"chargeMode": "prepaid_by_duration", "chargeUnit": "month", "chargeDuration": 1, "autoRenew": true}""")
                + "}"));
        awaitPhase(tenant, once, "running");
        awaitPhase(tenant, renewing, "running");
        Instant firstEnd = Instant.parse(charge(tenant, renewing).path("chargeExpiredTime").asText());
        assertThat(lifecycle.enforce()).as("nothing is due within the period")
                .isEqualTo(new io.podservice.command.account.UnpaidPodLifecycle.Run(0, 0, 0));

        // a month and a day on: the renewing pod pays its next month (381.60 - 259.20), the other is stopped
        TestClock.INSTANCE.advance(Duration.ofDays(31));
        assertThat(lifecycle.enforce()).isEqualTo(new io.podservice.command.account.UnpaidPodLifecycle.Run(1, 1, 0));
        JsonNode stopped = awaitPhase(tenant, once, "stopped");
        assertThat(stopped.path("charge").path("chargeStatus").asText()).isEqualTo("overdue");
        JsonNode suspended = lastEvent(once, "PodSuspended");
        assertThat(suspended.path("chargeStatus").asText()).isEqualTo("overdue");
        // the API shows whole seconds
        assertThat(Instant.parse(suspended.path("retireAt").asText()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .isEqualTo(Instant.parse(stopped.path("charge").path("chargeRetireTime").asText()));
        ApiClient.Response start = tenant.post(PODS + "/" + once + ":startPod", "{}");
        assertThat(start.status()).as(start.raw()).isEqualTo(400);
        assertThat(start.body().path("error").path("message").asText()).contains("overdue");
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.parse(charge(tenant, renewing)
                .path("chargeExpiredTime").asText()).equals(firstEnd.plus(Duration.ofDays(30))));
        assertThat(charge(tenant, renewing).path("chargeStatus").asText()).isEqualTo("normal");
        assertThat(tenant.get(PODS + "/" + renewing).body().path("result").path("pod").path("podStatus").path("phase")
                .asText()).isEqualTo("running");
        assertThat(lifecycle.enforce()).as("each step is taken once")
                .isEqualTo(new io.podservice.command.account.UnpaidPodLifecycle.Run(0, 0, 0));

        // the retention (7 days) after its period ended: released
        TestClock.INSTANCE.advance(Duration.ofDays(7));
        assertThat(lifecycle.enforce()).isEqualTo(new io.podservice.command.account.UnpaidPodLifecycle.Run(0, 0, 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> tenant.get(PODS + "/" + once).status() == 404);
        assertThat(lastEvent(once, "PodRetired").path("chargeStatus").asText()).isEqualTo("overdue");
        assertThat(replayedBalance(accountId)).isEqualByComparingTo("122.40");

        // the renewed pod, once its second month is over, is an expired prepaid pod: deletable
        TestClock.INSTANCE.advance(Duration.ofDays(30));
        ok(tenant.delete(PODS + "/" + renewing));
        await().atMost(Duration.ofSeconds(60)).until(() -> tenant.get(PODS + "/" + renewing).status() == 404);
    }

    @Test
    void aPodByUsagePaysForItsRunningSecondsAndPostpaidPodsInArrearAreStoppedThenReleased() {
        String accountId = accounts.ensureAccount("usage");
        ApiClient tenant = apiAs("usage");
        assertThat(operatorCli("top-up", "--account-id", accountId, "--amount", "1.00")).contains("requestId");
        String metered = created(tenant.post(PODS, "{\"podSpec\": " + spec("metered", """
                {"chargeMode": "postpaid_by_usage"}""") + "}"));
        assertThat(charge(tenant, metered).path("chargeMode").asText()).isEqualTo("postpaid_by_usage");
        awaitPhase(tenant, metered, "running");

        // two hours of running: 2 x 0.36, give or take the seconds it took to start
        TestClock.INSTANCE.advance(Duration.ofHours(2));
        assertThat(charging.chargeAccount(accountId)).isEqualTo(1);
        BigDecimal ran = new BigDecimal(lastEvent(accountId, "AccountCharged").path("amount").asText());
        assertThat(ran).isBetween(new BigDecimal("0.72"), new BigDecimal("0.74"));
        ok(tenant.post(PODS + "/" + metered + ":stopPod", "{}"));
        awaitPhase(tenant, metered, "stopped");
        // stopped, it costs nothing however long
        TestClock.INSTANCE.advance(Duration.ofHours(10));
        assertThat(charging.chargeAccount(accountId)).isZero();

        // a pod by duration of the same account: its hours take the balance below zero
        String hourly = created(tenant.post(PODS, "{\"podSpec\": " + spec("hourly", null) + "}"));
        awaitPhase(tenant, hourly, "running");
        TestClock.INSTANCE.advance(Duration.ofHours(3));
        Instant chargedFrom = TestClock.INSTANCE.instant();
        assertThat(charging.chargeAccount(accountId)).isEqualTo(1);
        Instant chargedBy = TestClock.INSTANCE.instant();
        assertThat(new BigDecimal(readJson(operatorCli("describe-account", "--account-id", accountId)).path("result")
                .path("account").path("balance").asText())).isNegative();

        // in arrear, the account makes no pods
        ApiClient.Response noMore = tenant.post(PODS, "{\"podSpec\": " + spec("another", null) + "}");
        assertThat(noMore.status()).as(noMore.raw()).isEqualTo(400);
        assertThat(noMore.body().path("error").path("message").asText()).contains("in arrear", "top it up");

        // in arrear, a pod cannot be deleted ("计费状态异常的容器无法删除")
        await().atMost(Duration.ofSeconds(20)).until(() -> "arrear".equals(charge(tenant, hourly).path("chargeStatus")
                .asText()));
        ApiClient.Response undeletable = tenant.delete(PODS + "/" + hourly);
        assertThat(undeletable.status()).as(undeletable.raw()).isEqualTo(400);
        assertThat(undeletable.body().path("error").path("message").asText()).contains("in arrear",
                "charge status is abnormal");

        // in arrear: both postpaid pods are suspended, the running one stopped, and shown with their retire time
        assertThat(lifecycle.enforce()).isEqualTo(new io.podservice.command.account.UnpaidPodLifecycle.Run(0, 2, 0));
        JsonNode stopped = awaitPhase(tenant, hourly, "stopped");
        assertThat(stopped.path("charge").path("chargeStatus").asText()).isEqualTo("arrear");
        Instant retireAt = Instant.parse(stopped.path("charge").path("chargeRetireTime").asText());
        assertThat(Instant.parse(lastEvent(hourly, "PodSuspended").path("retireAt").asText())
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).isEqualTo(retireAt);
        // a retention after the charge that took the balance below zero
        assertThat(retireAt).isBetween(chargedFrom.plus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                chargedBy.plus(Duration.ofDays(7)));
        assertThat(lastEvent(metered, "PodSuspended").path("chargeStatus").asText()).isEqualTo("arrear");

        // still in arrear a retention later: released
        TestClock.INSTANCE.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(lifecycle.enforce()).isEqualTo(new io.podservice.command.account.UnpaidPodLifecycle.Run(0, 0, 2));
        await().atMost(Duration.ofSeconds(60)).until(() -> tenant.get(PODS + "/" + hourly).status() == 404
                && tenant.get(PODS + "/" + metered).status() == 404);
        assertThat(lastEvent(hourly, "PodRetired").path("chargeStatus").asText()).isEqualTo("arrear");
        assertThat(new BigDecimal(readJson(operatorCli("describe-account", "--account-id", accountId)).path("result")
                .path("account").path("balance").asText())).isEqualByComparingTo(replayedBalance(accountId));
    }

    @Test
    void aResizedPrepaidPodPaysTheDifferenceOrGetsMoreTime() {
        String accountId = accounts.ensureAccount("resize");
        ApiClient tenant = apiAs("resize");
        assertThat(operatorCli("top-up", "--account-id", accountId, "--amount", "300.00")).contains("requestId");
        String pod = created(tenant.post(PODS, "{\"podSpec\": " + spec("resizable", """
                {"chargeMode": "prepaid_by_duration", "chargeUnit": "month", "chargeDuration": 1}""") + "}"));
        awaitPhase(tenant, pod, "running");
        ok(tenant.post(PODS + "/" + pod + ":stopPod", "{}"));
        awaitPhase(tenant, pod, "stopped");
        Instant expires = Instant.parse(charge(tenant, pod).path("chargeExpiredTime").asText());

        // dearer: the rest of the month at 0.72 an hour costs about 259.20 more, which 40.80 cannot pay
        expect(tenant.post(PODS + "/" + pod + ":resize", "{\"instanceType\": \"g.n2.large\"}"), 400,
                "Insufficient balance");
        assertThat(tenant.get(PODS + "/" + pod).body().path("result").path("pod").path("instanceType").asText())
                .isEqualTo("g.n2.medium");
        assertThat(operatorCli("top-up", "--account-id", accountId, "--amount", "300.00")).contains("requestId");
        ok(tenant.post(PODS + "/" + pod + ":resize", "{\"instanceType\": \"g.n2.large\"}"));
        BigDecimal balance = new BigDecimal(readJson(operatorCli("describe-account", "--account-id", accountId))
                .path("result").path("account").path("balance").asText());
        assertThat(balance).as("340.80 less the difference for what is left of the month").isBetween(
                new BigDecimal("81.60"), new BigDecimal("81.70"));
        assertThat(replayedBalance(accountId)).isEqualByComparingTo(balance);
        assertThat(Instant.parse(charge(tenant, pod).path("chargeExpiredTime").asText())).isEqualTo(expires);

        // cheaper: what is left is worth twice the time at half the price, and nothing is paid
        Instant before = Instant.now();
        ok(tenant.post(PODS + "/" + pod + ":resize", "{\"instanceType\": \"g.n2.medium\"}"));
        Instant after = Instant.now();
        Instant extended = Instant.parse(charge(tenant, pod).path("chargeExpiredTime").asText());
        assertThat(extended).isBetween(before.plus(Duration.between(before, expires).multipliedBy(2)).minusSeconds(2),
                after.plus(Duration.between(after, expires).multipliedBy(2)).plusSeconds(2));
        assertThat(replayedBalance(accountId)).isEqualByComparingTo(balance);

        // once that longer period has ended, the pod goes as any prepaid pod does
        TestClock.INSTANCE.advance(Duration.ofDays(61));
        ok(tenant.delete(PODS + "/" + pod));
        await().atMost(Duration.ofSeconds(60)).until(() -> tenant.get(PODS + "/" + pod).status() == 404);
    }

    private static JsonNode charge(ApiClient tenant, String podId) {
        return tenant.get(PODS + "/" + podId).body().path("result").path("pod").path("charge");
    }

    /** The payload of the aggregate's last stored event of that type. */
    private JsonNode lastEvent(String aggregateId, String type) {
        java.util.List<String> bodies = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type LIKE ? ORDER BY sequence_number DESC LIMIT 1",
                String.class, aggregateId, "%." + type);
        assertThat(bodies).as("a stored %s of %s", type, aggregateId).hasSize(1);
        return readJson(bodies.get(0));
    }

    private BigDecimal replayedBalance(String accountId) {
        BigDecimal replayed = BigDecimal.ZERO;
        for (Map<String, Object> row : jdbc.queryForList("SELECT payload_type, convert_from(payload, 'UTF8') AS body "
                + "FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number", accountId)) {
            String type = String.valueOf(row.get("payload_type"));
            JsonNode body = readJson(String.valueOf(row.get("body")));
            if (type.endsWith("AccountToppedUp")) {
                replayed = replayed.add(new BigDecimal(body.path("amount").asText()));
            } else if (type.endsWith("AccountCharged")) {
                replayed = replayed.subtract(new BigDecimal(body.path("amount").asText()));
            }
        }
        return replayed;
    }

    private static String spec(String name, String charge) {
        return """
                {"name": "%s", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,%s
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"]}]}"""
                .formatted(name, charge == null ? "" : " \"charge\": " + charge + ",", IMAGE);
    }

    private static String created(ApiClient.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body().path("result").path("podIds").get(0).asText();
    }
}
