package com.lotastro.email;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.lotastro.support.Api;
import com.lotastro.support.EmailDelivery;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.SmtpServer;
import com.lotastro.support.SupplyFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The email queue as operators read it, with an SMTP relay configured (GreenMail). */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class EmailsTest {
    private Tenant tenant;
    private JsonPath item;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        item = InventoryFixtures.item(tenant);
    }

    @Test
    void shouldListQueuedEmailsNewestFirstWithStatusAndRecipients() {
        JsonPath request = SupplyFixtures.create(tenant, item, 120, LocalDate.of(2027, 1, 15));
        SupplyFixtures.move(tenant, request.getString("id"), Map.of("to_status", "in_transit"));
        String owner = request.getString("sales_owner_email");

        JsonPath pending = Api.as(tenant.adminKey()).get("/v1/emails?status=pending").then().statusCode(200).extract().jsonPath();
        assertThat(pending.getList("data.kind", String.class))
                .containsExactly("supply_request.in_transit", "supply_request.created");
        assertThat(pending.getList("data.recipients")).isEqualTo(List.of(List.of(owner), List.of("ops@lotastro.local")));
        assertThat(pending.getList("data.attempts", Integer.class)).containsOnly(0);
        assertThat(pending.getString("data[1].subject")).contains(item.getString("quality_code"));
        assertThat(pending.getString("data[1].body")).contains("Supply request: " + request.getString("id"));

        assertThat(EmailDelivery.deliverAll(tenant)).isEqualTo(2);

        Api.as(tenant.adminKey()).get("/v1/emails?recipient=ops@lotastro.local").then().statusCode(200)
                .body("data.size()", equalTo(1))
                .body("data[0].status", equalTo("sent"))
                .body("data[0].sent_at", notNullValue())
                .body("data[0].next_attempt_at", nullValue());
        Api.as(tenant.adminKey()).get("/v1/emails?status=pending").then().body("data.size()", equalTo(0));
        Api.as(tenant.adminKey()).get("/v1/emails?kind=supply_request.in_transit").then()
                .body("data.recipients", equalTo(List.of(List.of(owner))));
    }

    @Test
    void shouldPageWithACursorAndKeepOrganizationsApart() {
        for (int i = 0; i < 3; i++) {
            SupplyFixtures.create(tenant, item, 10 + i, null);
        }
        JsonPath first = Api.as(tenant.adminKey()).get("/v1/emails?limit=2").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("data")).hasSize(2);
        JsonPath second = Api.as(tenant.adminKey()).get("/v1/emails?limit=2&cursor=" + first.getString("next_cursor"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("data")).hasSize(1);
        assertThat(second.getString("next_cursor")).isNull();
        assertThat(second.getList("data.id", String.class)).doesNotContainAnyElementsOf(first.getList("data.id", String.class));

        Tenant other = Tenants.create();
        Api.as(other.adminKey()).get("/v1/emails").then().statusCode(200).body("data.size()", equalTo(0));
        problem(Api.raw(tenant.adminKey()).get("/v1/emails?cursor=not-a-cursor").then(), 400, "invalid_cursor");
        problem(Api.raw(tenant.adminKey()).get("/v1/emails?status=queued").then(), 400, "invalid_parameter");
    }

    @Test
    void shouldKeepEmailsForAdminsOnly() {
        String jobsReader = Tenants.keyWithScopes(tenant, "jobs:read", "supply:read");
        problem(Api.raw(jobsReader).get("/v1/emails").then(), 403, "insufficient_scope");
    }
}
