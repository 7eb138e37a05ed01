package com.lotastro.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lotastro.support.Api;
import com.lotastro.support.Db;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import com.lotastro.support.WebhookFixtures;
import com.lotastro.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Tenancy on the delivery paths that take no id: an organization's events reach only its own endpoints, its feature
 * flags pause only its own deliveries, and its sync runs neither list nor check another organization's data.
 */
@QuarkusTest
class WebhookTenancyTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldDeliverAnOrganizationsEventsOnlyToItsOwnEndpointsAndPauseOnlyItsOwn() {
        Tenant mine = Tenants.create();
        Tenant theirs = Tenants.create();
        try (WebhookReceiver myReceiver = WebhookReceiver.start(); WebhookReceiver theirReceiver = WebhookReceiver.start()) {
            String myEndpoint = WebhookFixtures.endpoint(mine, myReceiver.url()).getString("id");
            String theirEndpoint = WebhookFixtures.endpoint(theirs, theirReceiver.url()).getString("id");

            Api.as(mine.adminKey()).body(Map.of("outbound_delivery", false)).put("/v1/integration/feature-flags").then().statusCode(200);
            Api.as(theirs.adminKey()).get("/v1/integration/feature-flags").then().statusCode(200)
                    .body("outbound_delivery", org.hamcrest.Matchers.equalTo(true));
            String myItem = InventoryFixtures.item(mine).getString("id");
            String theirItem = InventoryFixtures.item(theirs).getString("id");

            await().atMost(Duration.ofSeconds(10)).until(() -> itemEvents(theirReceiver).contains(theirItem));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    WebhookFixtures.deliveries(mine, myEndpoint, "&event_type=catalog_item.created").getList("data").size() == 1);
            assertThat(WebhookFixtures.deliveries(mine, myEndpoint, "&event_type=catalog_item.created").getString("data[0].status"))
                    .as("paused by my flag").isEqualTo("pending");
            assertThat(itemEvents(myReceiver)).isEmpty();

            Api.as(mine.adminKey()).body(Map.of("outbound_delivery", true)).put("/v1/integration/feature-flags").then().statusCode(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> itemEvents(myReceiver).contains(myItem));

            assertThat(myReceiver.received()).isNotEmpty().allSatisfy(r -> assertThat(new JsonPath(r.body()).getString("organization_id"))
                    .isEqualTo(mine.organizationId().toString()));
            assertThat(theirReceiver.received()).isNotEmpty().allSatisfy(r -> assertThat(new JsonPath(r.body()).getString("organization_id"))
                    .isEqualTo(theirs.organizationId().toString()));
            assertThat(itemEvents(theirReceiver)).doesNotContain(myItem);
            assertThat(WebhookFixtures.deliveries(theirs, theirEndpoint, "").<String>getList("data.event_type"))
                    .contains("catalog_item.created");
        }
    }

    @Test
    void shouldKeepSyncRunsAndWhatTheyCheckWithinTheOrganization() throws Exception {
        Tenant mine = Tenants.create();
        Tenant theirs = Tenants.create();
        JsonPath item = InventoryFixtures.item(mine);
        String rollId = InventoryFixtures.lot(mine, item.getString("id"), 10).getString("rolls[0].id");
        Db.update(dataSource, "update rolls set meters = meters - 1 where id = ?", UUID.fromString(rollId));
        String myRun = Api.as(mine.adminKey()).post("/v1/integration/sync-runs").then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("discrepancies")).extract().path("id");

        JsonPath theirRun = Api.as(theirs.adminKey()).post("/v1/integration/sync-runs").then().statusCode(201).extract().jsonPath();
        assertThat(theirRun.getList("discrepancies.entity_id")).as("my drift is not their discrepancy").doesNotContain(rollId);
        assertThat(theirRun.getString("status")).isEqualTo("succeeded");
        List<String> theirRuns = Api.as(theirs.adminKey()).get("/v1/integration/sync-runs").then().statusCode(200)
                .extract().jsonPath().getList("data.id");
        assertThat(theirRuns).contains(theirRun.getString("id")).doesNotContain(myRun);
    }

    private static List<String> itemEvents(WebhookReceiver receiver) {
        return receiver.received().stream().map(r -> new JsonPath(r.body()))
                .filter(e -> "catalog_item.created".equals(e.getString("type")))
                .map(e -> e.getString("data.catalog_item_id")).toList();
    }
}
