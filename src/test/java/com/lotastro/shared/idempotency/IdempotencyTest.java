package com.lotastro.shared.idempotency;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.lotastro.reservation.FailingReservationAnswers;
import com.lotastro.support.Api;
import com.lotastro.support.Concurrently;
import com.lotastro.support.DatabaseFaults;
import com.lotastro.support.Db;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.ReservationFixtures;
import com.lotastro.support.SupplyFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key: the claim, the change and the stored answer commit together, so a retry after any failure either
 * replays the answer or finds that nothing was committed.
 */
@QuarkusTest
class IdempotencyTest {
    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    DataSource dataSource;

    private Tenant tenant;
    private JsonPath item;
    private JsonPath lot;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        item = InventoryFixtures.item(tenant);
        lot = InventoryFixtures.lot(tenant, item.getString("id"), 60, 40);
    }

    @Test
    void shouldApplyAKeyedCreateOnceWhileTheDatabaseDropsConnections() throws Exception {
        Map<String, Object> body = InventoryFixtures.itemBody(InventoryFixtures.uniqueCode("Q"), "FAULT", 0);
        String key = UUID.randomUUID().toString();
        List<Response> answers = Concurrently.run(12, i -> {
            if (i % 4 == 0) {
                DatabaseFaults.killConnections(dataSource);
                return null;
            }
            return Api.raw(tenant.adminKey()).header(KEY, key).body(body).post("/v1/catalog-items");
        });
        DatabaseFaults.dropDeadConnections(dataSource);
        // The same request again until it is answered: whichever attempt committed, a retry replays it.
        Response settled = await().atMost(Duration.ofSeconds(20)).until(
                () -> Api.raw(tenant.adminKey()).header(KEY, key).body(body).post("/v1/catalog-items"),
                answer -> answer.statusCode() == 201);

        for (Response answer : answers.stream().filter(java.util.Objects::nonNull).toList()) {
            assertThat(answer.statusCode()).as(answer.asString()).isIn(201, 409, 503);
            if (answer.statusCode() == 201) {
                assertThat(answer.<String>path("id")).isEqualTo(settled.path("id"));
            } else if (answer.statusCode() == 409) {
                problem(answer.then(), 409, "idempotency_request_in_progress");
            } else {
                assertThat(answer.<String>path("code")).isIn("database_unavailable", "server_busy");
            }
        }
        assertThat(Db.queryLong(dataSource, "select count(*) from catalog_items where organization_id = ? and quality_code = ?",
                tenant.organizationId(), body.get("quality_code"))).isEqualTo(1);
    }

    @Test
    void shouldNotReserveTwiceWhenTheAnswerFailsAfterTheReservationWasMade() {
        Map<String, Object> body = ReservationFixtures.body(item, 30);
        String key = UUID.randomUUID().toString();
        FailingReservationAnswers.failNextReadOf(UUID.fromString((String) body.get("crm_deal_id")));

        // A 500 is not part of the contract, so this one answer is not checked against it.
        problem(Api.unvalidated(tenant.adminKey()).contentType(ContentType.JSON).header(KEY, key).body(body)
                .post("/v1/reservations").then(), 500, "internal_error");
        assertThat(reservations()).isZero();

        Response retry = Api.as(tenant.adminKey()).header(KEY, key).body(body).post("/v1/reservations");
        retry.then().statusCode(201);
        Response again = Api.as(tenant.adminKey()).header(KEY, key).body(body).post("/v1/reservations");
        again.then().statusCode(201).header(REPLAYED, "true");

        assertThat(reservations()).isEqualTo(1);
        assertThat(again.asString()).isEqualTo(retry.asString());
        Api.as(tenant.adminKey()).get(availability()).then().body("data[0].promised_meters", equalTo(30.00f));
    }

    @Test
    void shouldNotCorrectTwiceWhenTheAnswerCannotBeStored() {
        String roll = lot.getString("rolls.find { it.meters == 60.0 }.id");
        Map<String, Object> correction = Map.of("roll_id", roll, "meters", -2.5, "reason", "Damaged end cut off");
        String key = UUID.randomUUID().toString();
        FailingAnswerStore.failNextAnswerFor(key);

        problem(Api.unvalidated(tenant.adminKey()).contentType(ContentType.JSON).header(KEY, key).body(correction)
                .post("/v1/inventory/corrections").then(), 500, "internal_error");
        Api.as(tenant.adminKey()).get("/v1/rolls/" + roll).then().body("meters", equalTo(60.00f));
        assertThat(corrections(roll)).isZero();

        Response retry = Api.as(tenant.adminKey()).header(KEY, key).body(correction).post("/v1/inventory/corrections");
        retry.then().statusCode(201).body("roll_meters_after", equalTo(57.50f));
        Response again = Api.as(tenant.adminKey()).header(KEY, key).body(correction).post("/v1/inventory/corrections");
        again.then().statusCode(201).header(REPLAYED, "true");

        assertThat(again.asString()).isEqualTo(retry.asString());
        assertThat(corrections(roll)).isEqualTo(1);
        Api.as(tenant.adminKey()).get("/v1/rolls/" + roll).then().body("meters", equalTo(57.50f));
    }

    @Test
    void shouldAnswerConcurrentDuplicatesWithTheOneReservationTheyMade() throws Exception {
        Map<String, Object> body = ReservationFixtures.body(item, 25);
        String key = UUID.randomUUID().toString();
        List<Response> responses = Concurrently.run(10, i ->
                Api.as(tenant.adminKey()).header(KEY, key).body(body).post("/v1/reservations"));

        assertThat(responses).extracting(Response::statusCode).containsOnly(201);
        assertThat(responses).extracting(Response::asString).containsOnly(responses.get(0).asString());
        assertThat(responses).filteredOn(r -> r.header(REPLAYED) == null).hasSize(1);
        assertThat(responses).filteredOn(r -> "true".equals(r.header(REPLAYED))).hasSize(9);
        assertThat(reservations()).isEqualTo(1);
        Api.as(tenant.adminKey()).get(availability()).then().body("data[0].promised_meters", equalTo(25.00f));
    }

    @Test
    void shouldReplayTheFirstResponseByteForByte() {
        Map<String, Object> body = ReservationFixtures.body(item, 10);
        String key = UUID.randomUUID().toString();
        Response first = Api.as(tenant.adminKey()).header(KEY, key).body(body).post("/v1/reservations");
        Response replay = Api.as(tenant.adminKey()).header(KEY, key).body(body).post("/v1/reservations");

        first.then().statusCode(201).contentType(ContentType.JSON).header("ETag", "\"0\"");
        replay.then().statusCode(201).contentType(ContentType.JSON).header(REPLAYED, "true");
        assertThat(first.asString()).contains("\"meters\":10.00", "\"allocated_meters\":0.00");
        assertThat(replay.asString()).isEqualTo(first.asString());
    }

    /** The answer is built inside the change's transaction; it shows exactly what a read shows once it committed. */
    @Test
    void shouldAnswerWithWhatWasCommitted() {
        Response created = Api.as(tenant.adminKey()).header(KEY, UUID.randomUUID().toString())
                .body(ReservationFixtures.body(item, 30)).post("/v1/reservations");
        String reservation = created.then().statusCode(201).extract().path("id");
        assertThat(created.asString()).isEqualTo(read("/v1/reservations/" + reservation));

        String roll = lot.getString("rolls.find { it.meters == 40.0 }.id");
        Response allocated = Api.as(tenant.adminKey()).header(KEY, UUID.randomUUID().toString())
                .body(Map.of("lines", List.of(Map.of("reservation_line_id", created.jsonPath().getString("lines[0].id"),
                        "roll_id", roll, "meters", 12.5))))
                .post("/v1/reservations/" + reservation + "/allocations");
        allocated.then().statusCode(201).header("ETag", "\"1\"").body("lines[0].allocated_meters", equalTo(12.50f));
        assertThat(allocated.asString()).isEqualTo(read("/v1/reservations/" + reservation));

        Response released = Api.as(tenant.adminKey()).header(KEY, UUID.randomUUID().toString())
                .body(Map.of("reason", "deal lost")).post("/v1/reservations/" + reservation + "/release");
        released.then().statusCode(200).body("status", equalTo("released"));
        assertThat(released.asString()).isEqualTo(read("/v1/reservations/" + reservation));

        String supply = SupplyFixtures.create(tenant, item, 200, LocalDate.of(2027, 1, 10)).getString("id");
        Response moved = Api.as(tenant.adminKey()).header(KEY, UUID.randomUUID().toString())
                .body(Map.of("to_status", "in_transit")).post("/v1/supply-requests/" + supply + "/transitions");
        moved.then().statusCode(200).body("status", equalTo("in_transit"));
        assertThat(moved.asString()).isEqualTo(read("/v1/supply-requests/" + supply));
    }

    private String read(String path) {
        return Api.as(tenant.adminKey()).get(path).then().statusCode(200).extract().asString();
    }

    /**
     * A refusal the service chose is kept for the key like a success (as Stripe does): nothing was committed, and the
     * same key answers the same refusal for 24 hours even once the cause is gone. A new key asks again.
     */
    @Test
    void shouldKeepARefusalWithNothingCommittedAndReplayItForTheSameKey() {
        Map<String, Object> body = ReservationFixtures.body(item, 150);
        String key = UUID.randomUUID().toString();
        Map<String, Long> before = Db.counts(dataSource, tenant.organizationId());

        Response refused = Api.as(tenant.adminKey()).header(KEY, key).body(body).post("/v1/reservations");
        problem(refused.then(), 409, "insufficient_stock");
        assertThat(reservations()).isZero();
        // Nothing of the change was committed; only the kept answer for the key was stored.
        Map<String, Long> expected = new java.util.TreeMap<>(before);
        expected.merge("idempotency_keys", 1L, Long::sum);
        assertThat(Db.counts(dataSource, tenant.organizationId())).isEqualTo(expected);

        InventoryFixtures.lot(tenant, item.getString("id"), 80);
        Response replayed = Api.as(tenant.adminKey()).header(KEY, key).body(body).post("/v1/reservations");
        problem(replayed.then(), 409, "insufficient_stock").header(REPLAYED, "true");
        assertThat(replayed.asString()).isEqualTo(refused.asString());
        assertThat(reservations()).isZero();

        Api.as(tenant.adminKey()).header(KEY, UUID.randomUUID().toString()).body(body).post("/v1/reservations")
                .then().statusCode(201);
        assertThat(reservations()).isEqualTo(1);
    }

    /** A request refused before it ran (here: an invalid body) keeps nothing, so the key can still be used. */
    @Test
    void shouldKeepNothingForARequestRefusedBeforeItRan() {
        String key = UUID.randomUUID().toString();
        problem(Api.raw(tenant.adminKey()).header(KEY, key).body(ReservationFixtures.body(item, -5))
                .post("/v1/reservations").then(), 422, "validation_failed");

        Api.as(tenant.adminKey()).header(KEY, key).body(ReservationFixtures.body(item, 5)).post("/v1/reservations")
                .then().statusCode(201).header(REPLAYED, nullValue());
    }

    /**
     * A request whose key is held by one still running waits for it only so long; the 409 that follows invites a
     * retry, so it is not kept, and once the first is gone the retry is processed.
     */
    @Test
    void shouldAnswerInProgressWhileTheKeyIsHeldAndProcessTheRetryOnceItIsFree() throws Exception {
        Map<String, Object> body = ReservationFixtures.body(item, 5);
        String key = UUID.randomUUID().toString();
        try (Connection running = dataSource.getConnection()) {
            running.setAutoCommit(false);
            try (PreparedStatement claim = running.prepareStatement("""
                    insert into idempotency_keys (organization_id, idempotency_key, request_hash, state, created_at, expires_at)
                    values (?, ?, 'another request', 'in_progress', now(), now() + interval '1 day')""")) {
                claim.setObject(1, tenant.organizationId());
                claim.setString(2, key);
                claim.executeUpdate();
            }
            problem(Api.as(tenant.adminKey()).header(KEY, key).body(body).post("/v1/reservations").then(),
                    409, "idempotency_request_in_progress");
            running.rollback();
        }
        assertThat(reservations()).isZero();

        Api.as(tenant.adminKey()).header(KEY, key).body(body).post("/v1/reservations").then().statusCode(201);
        assertThat(reservations()).isEqualTo(1);
    }

    @Test
    void shouldStartAnExpiredKeyAfreshAndPurgeExpiredKeys() {
        String taken = UUID.randomUUID().toString();
        String purged = UUID.randomUUID().toString();
        for (String key : List.of(taken, purged)) {
            Api.as(tenant.adminKey()).header(KEY, key).body(ReservationFixtures.body(item, 5)).post("/v1/reservations")
                    .then().statusCode(201);
            expire(key);
        }

        Api.as(tenant.adminKey()).header(KEY, taken).body(ReservationFixtures.body(item, 6)).post("/v1/reservations")
                .then().statusCode(201).header(REPLAYED, nullValue());

        String cleanupKey = UUID.randomUUID().toString();
        Response cleanup = Api.as(tenant.adminKey()).header(KEY, cleanupKey).post("/v1/jobs/idempotency-key-cleanup/trigger");
        cleanup.then().statusCode(201).body("outcome", equalTo("succeeded")).body("counts.purged", equalTo(1));
        Response cleanupReplay = Api.as(tenant.adminKey()).header(KEY, cleanupKey).post("/v1/jobs/idempotency-key-cleanup/trigger");
        cleanupReplay.then().statusCode(201).header(REPLAYED, "true");
        assertThat(cleanupReplay.asString()).isEqualTo(cleanup.asString());
        assertThat(keys(purged)).isZero();

        Api.as(tenant.adminKey()).header(KEY, purged).body(ReservationFixtures.body(item, 7)).post("/v1/reservations")
                .then().statusCode(201).header(REPLAYED, nullValue());
        assertThat(reservations()).isEqualTo(4);
    }

    private void expire(String key) {
        try {
            Db.update(dataSource, "update idempotency_keys set expires_at = now() - interval '1 minute' "
                    + "where organization_id = ? and idempotency_key = ?", tenant.organizationId(), key);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long keys(String key) {
        return Db.queryLong(dataSource, "select count(*) from idempotency_keys where organization_id = ? and idempotency_key = ?",
                tenant.organizationId(), key);
    }

    private long reservations() {
        return Db.queryLong(dataSource, "select count(*) from reservations where organization_id = ?", tenant.organizationId());
    }

    private long corrections(String roll) {
        return Db.queryLong(dataSource, "select count(*) from inventory_transactions where roll_id = ? and type = 'MANUAL_CORRECTION'",
                UUID.fromString(roll));
    }

    private String availability() {
        return "/v1/inventory/availability?quality_code=" + item.getString("quality_code");
    }
}
