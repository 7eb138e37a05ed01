package com.lotastro.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.lotastro.support.Api;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.SupplyFixtures;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No SMTP relay configured (no QUARKUS_MAILER_HOST): emails are queued and readable, and delivery waits. */
@QuarkusTest
@TestProfile(EmailsWithoutRelayTest.NoSmtpRelay.class)
class EmailsWithoutRelayTest {
    /** The same application without the test SMTP server, which is the only thing that configures a relay in tests. */
    public static class NoSmtpRelay implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Inject
    SmtpRelay relay;

    @Test
    void shouldQueueEmailsAndLetDeliveryWaitInsteadOfFailing() {
        Tenant tenant = Tenants.create();
        JsonPath request = SupplyFixtures.create(tenant, InventoryFixtures.item(tenant), 75, LocalDate.of(2027, 2, 2));

        assertThat(relay.configured()).isFalse();
        assertThat(relay.test(null)).as("the scheduled delivery skips its fires").isTrue();

        JsonPath run = Api.as(tenant.adminKey()).post("/v1/jobs/email-delivery/trigger").then().statusCode(201)
                .extract().jsonPath();
        assertThat(run.getString("outcome")).isEqualTo("succeeded");
        assertThat(run.getLong("counts.sent")).isZero();
        assertThat(run.getLong("counts.waiting_for_smtp_relay")).isEqualTo(1);
        assertThat(run.getString("error")).isNull();

        Api.as(tenant.adminKey()).get("/v1/emails").then().statusCode(200)
                .body("data.size()", equalTo(1))
                .body("data[0].kind", equalTo("supply_request.created"))
                .body("data[0].status", equalTo("pending"))
                .body("data[0].attempts", equalTo(0))
                .body("data[0].recipients", equalTo(List.of("ops@lotastro.local")))
                .body("data[0].subject", org.hamcrest.Matchers.containsString(request.getString("crm_supply_request_id")));
        Api.as(tenant.adminKey()).get("/v1/job-runs?outcome=failed").then().body("data.size()", equalTo(0));
    }
}
