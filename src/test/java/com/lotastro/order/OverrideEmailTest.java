package com.lotastro.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.lotastro.support.EmailDelivery;
import com.lotastro.support.InventoryFixtures;
import com.lotastro.support.OrderFixtures;
import com.lotastro.support.SmtpServer;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "override used" email reaches the sales managers over SMTP with the PO, reason, notes and actor. */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class OverrideEmailTest {

    @Test
    void shouldEmailTheSalesManagersWhenAnOverrideIsUsed() {
        Tenant tenant = Tenants.create();
        JsonPath item = InventoryFixtures.item(tenant);
        InventoryFixtures.lot(tenant, item.getString("id"), 100);
        String reservation = OrderFixtures.allocatedReservation(tenant, item, 25, "unknown").getString("id");
        JsonPath override = OrderFixtures.override(tenant, reservation, "customer_confirmed_email", "Mail from buyer, 09:12")
                .then().statusCode(201).extract().jsonPath();
        String po = override.getString("po_number");

        assertThat(EmailDelivery.deliverAll(tenant)).isGreaterThanOrEqualTo(1);

        List<SmtpServer.Received> mails = SmtpServer.received("Override used: " + po + " ");
        assertThat(mails).hasSize(1);
        SmtpServer.Received mail = mails.get(0);
        assertThat(mail.recipients()).containsExactly("sales-managers@lotastro.local");
        assertThat(mail.body()).contains("PO: " + po, "Reason: customer_confirmed_email", "Notes: Mail from buyer, 09:12",
                "Overridden by: manager-mira", "Reservation: " + reservation);
    }
}
