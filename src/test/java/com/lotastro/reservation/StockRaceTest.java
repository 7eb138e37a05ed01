package com.lotastro.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import com.lotastro.support.Api;
import com.lotastro.support.CrmEvents;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.ReservationFixtures;
import com.lotastro.support.SupplyFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The published concurrency contract (docs/concurrency.md), checked the hard way: several threads run a random mix
 * of every stock and promise change against a few items for a bounded time, then the invariants must hold. The seed
 * is printed on failure; {@code -Dlotastro.race.seed=N} replays the same mix of choices.
 */
@QuarkusTest
class StockRaceTest {
    private static final int THREADS = 6;
    private static final Duration RUN_FOR = Duration.ofSeconds(Long.getLong("lotastro.race.seconds", 20));

    private Tenant tenant;
    private String crmKey;
    private String secret;
    private final List<JsonPath> items = new ArrayList<>();
    private final List<String> rolls = new CopyOnWriteArrayList<>();
    private final List<String> reservations = new CopyOnWriteArrayList<>();
    private final Map<String, JsonPath> crmDeals = new ConcurrentHashMap<>();
    private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    private final List<String> serverErrors = new CopyOnWriteArrayList<>();

    @Test
    void shouldKeepEveryMeterAccountedForUnderAnyInterleaving() throws Exception {
        long seed = Long.getLong("lotastro.race.seed", System.nanoTime());
        String replay = "seed " + seed + " (replay with -Dlotastro.race.seed=" + seed + ")";
        tenant = Tenants.create();
        crmKey = Tenants.keyWithScopes(tenant, "integration:crm");
        secret = CrmEvents.connect(tenant, "http://127.0.0.1:9/crm");
        for (int i = 0; i < 3; i++) {
            JsonPath item = InventoryFixtures.item(tenant, 20);
            items.add(item);
            JsonPath lot = InventoryFixtures.lot(tenant, item.getString("id"), 60, 45, 30);
            rolls.addAll(lot.getList("rolls.id"));
        }

        Instant deadline = Instant.now().plus(RUN_FOR);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(seed + t);
            workers.add(pool.submit(() -> {
                while (Instant.now().isBefore(deadline)) {
                    step(random);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(RUN_FOR.toSeconds() + 120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        System.out.println("Stock race, " + replay + ": " + new java.util.TreeMap<>(outcomes));
        assertThat(serverErrors).as(replay).isEmpty();
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).as(replay).isGreaterThan(50);
        for (JsonPath item : items) {
            JsonPath row = Api.as(tenant.adminKey()).get("/v1/inventory/availability?quality_code=" + item.getString("quality_code"))
                    .then().statusCode(200).extract().jsonPath();
            BigDecimal onHand = new BigDecimal(row.getString("data[0].on_hand_meters"));
            BigDecimal held = new BigDecimal(row.getString("data[0].reserved_meters"))
                    .add(new BigDecimal(row.getString("data[0].promised_meters")))
                    .add(new BigDecimal(row.getString("data[0].earmarked_meters")));
            assertThat(held).as("bound + promised + earmarked of %s, %s", item.getString("quality_code"), replay)
                    .isLessThanOrEqualTo(onHand);
        }
        for (String roll : rolls) {
            JsonPath json = Api.as(tenant.adminKey()).get("/v1/rolls/" + roll).then().statusCode(200).extract().jsonPath();
            assertThat(new BigDecimal(json.getString("reserved_meters"))).as("roll %s, %s", roll, replay)
                    .isLessThanOrEqualTo(new BigDecimal(json.getString("meters")));
        }
        JsonPath consistency = Api.as(tenant.adminKey()).get("/v1/inventory/consistency").then().statusCode(200).extract().jsonPath();
        assertThat(consistency.getBoolean("healthy")).as(consistency.prettify() + replay).isTrue();
    }

    private void step(Random random) {
        int choice = random.nextInt(100);
        JsonPath item = items.get(random.nextInt(items.size()));
        if (choice < 20) {
            Map<String, Object> body = ReservationFixtures.body(item, 1 + random.nextInt(25));
            if (random.nextBoolean()) {
                body.put("hold_until", random.nextBoolean() ? "2026-01-01T00:00:00Z" : "2099-01-01T00:00:00Z");
            }
            Response response = call("reserve", Api.raw(tenant.adminKey()).body(body).post("/v1/reservations"));
            if (response.statusCode() == 201) {
                reservations.add(response.jsonPath().getString("id"));
            }
        } else if (choice < 30) {
            UUID deal = UUID.randomUUID();
            String line = CrmEvents.line(UUID.randomUUID(), item.getString("quality_code"), item.getString("color_code"),
                    String.valueOf(1 + random.nextInt(20)));
            Response response = call("deal.won", CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.won",
                    CrmEvents.dealWon(deal, List.of(line), "unknown"))));
            if (response.statusCode() == 200) {
                crmDeals.put(deal.toString(), item);
                reservations.add(response.jsonPath().getString("reservation_ids[0]"));
            }
        } else if (choice < 38) {
            String deal = pick(random, new ArrayList<>(crmDeals.keySet()));
            if (deal != null) {
                JsonPath dealItem = crmDeals.get(deal);
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(2); i++) {
                    lines.add(CrmEvents.line(UUID.randomUUID(), dealItem.getString("quality_code"), dealItem.getString("color_code"),
                            String.valueOf(random.nextInt(25))));
                }
                call("deal.lines_updated", CrmEvents.send(crmKey, secret, CrmEvents.envelope("deal.lines_updated",
                        "{\"crm_deal_id\":\"" + deal + "\",\"lines\":[" + String.join(",", lines) + "]}")));
            }
        } else if (choice < 52) {
            String reservation = pick(random, reservations);
            if (reservation != null) {
                call("auto-allocate", Api.raw(tenant.adminKey()).post("/v1/reservations/" + reservation + "/auto-allocate"));
            }
        } else if (choice < 60) {
            String reservation = pick(random, reservations);
            if (reservation != null) {
                call("release", Api.raw(tenant.adminKey()).body(Map.of("reason", "race"))
                        .post("/v1/reservations/" + reservation + "/release"));
            }
        } else if (choice < 74) {
            String roll = pick(random, rolls);
            if (roll != null) {
                int meters = random.nextInt(4) == 0 ? 1 + random.nextInt(10) : -(1 + random.nextInt(8));
                call("correct", Api.raw(tenant.adminKey()).body(Map.of("roll_id", roll, "meters", meters, "reason", "race",
                        "acknowledge_shortage", random.nextBoolean())).post("/v1/inventory/corrections"));
            }
        } else if (choice < 78) {
            call("hold-expiry", Api.raw(tenant.adminKey()).post("/v1/jobs/hold-expiry/trigger"));
        } else if (choice < 92) {
            supplyCycle(random, item);
        } else {
            String reservation = pick(random, reservations);
            if (reservation != null) {
                call("shortage-decision", Api.raw(tenant.adminKey()).body(Map.of("reservation_ids", List.of(reservation),
                        "decision", random.nextBoolean() ? "partial_fulfil" : "cancel")).post("/v1/shortage-decisions"));
            }
        }
    }

    /** Supply that arrives, is planned for the reservations made against it and for others, and is received. */
    private void supplyCycle(Random random, JsonPath item) {
        Response created = call("supply", Api.raw(tenant.adminKey())
                .body(SupplyFixtures.body(item, 40 + random.nextInt(60), LocalDate.of(2027, 1, 10))).post("/v1/supply-requests"));
        if (created.statusCode() != 201) {
            return;
        }
        JsonPath supply = created.jsonPath();
        String supplyId = supply.getString("id");
        List<JsonPath> planned = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(2); i++) {
            Map<String, Object> body = ReservationFixtures.body(item, 5 + random.nextInt(30));
            body.put("crm_supply_request_id", supply.getString("crm_supply_request_id"));
            Response linked = call("reserve-supply", Api.raw(tenant.adminKey()).body(body).post("/v1/reservations"));
            if (linked.statusCode() == 201) {
                planned.add(linked.jsonPath());
                reservations.add(linked.jsonPath().getString("id"));
            }
        }
        int arrived = 30 + random.nextInt(60);
        call("transition", Api.raw(tenant.adminKey()).body(Map.of("to_status", "in_transit"))
                .post("/v1/supply-requests/" + supplyId + "/transitions"));
        call("transition", Api.raw(tenant.adminKey()).body(Map.of("to_status", "arrived_soft", "arrived_meters", arrived))
                .post("/v1/supply-requests/" + supplyId + "/transitions"));
        if (random.nextBoolean()) {
            receive(item, supplyId, arrived);
        }
        int left = arrived;
        List<Map<String, Object>> plan = new ArrayList<>();
        for (JsonPath reservation : planned) {
            int meters = Math.min(left, (int) reservation.getDouble("lines[0].meters"));
            if (meters > 0) {
                plan.add(Map.of("reservation_id", reservation.getString("id"), "lines",
                        List.of(Map.of("reservation_line_id", reservation.getString("lines[0].id"), "planned_meters", meters))));
                left -= meters;
            }
        }
        call("plan", Api.raw(tenant.adminKey()).body(Map.of("reservations", plan))
                .post("/v1/supply-requests/" + supplyId + "/allocation-plan"));
        receive(item, supplyId, arrived);
    }

    private void receive(JsonPath item, String supplyId, int meters) {
        Map<String, Object> lot = InventoryFixtures.lotBody(item.getString("id"), meters);
        lot.put("supply_request_id", supplyId);
        Response received = call("receive", Api.raw(tenant.adminKey()).body(lot).post("/v1/lots"));
        if (received.statusCode() == 201) {
            rolls.addAll(received.jsonPath().getList("rolls.id"));
        }
    }

    private Response call(String operation, Response response) {
        outcomes.merge(operation + " " + response.statusCode(), 1, Integer::sum);
        if (response.statusCode() >= 500) {
            serverErrors.add(operation + " " + response.statusCode() + " " + response.asString());
        }
        return response;
    }

    private static String pick(Random random, List<String> from) {
        List<String> snapshot = Collections.unmodifiableList(new ArrayList<>(from));
        return snapshot.isEmpty() ? null : snapshot.get(random.nextInt(snapshot.size()));
    }
}
