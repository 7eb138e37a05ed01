package com.lotastro.customer;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.lotastro.support.Api;
import com.lotastro.support.Concurrently;
import com.lotastro.support.CrmEvents;
import com.lotastro.support.CustomerFixtures;
import com.lotastro.support.Db;
import com.lotastro.support.Tenant;
import com.lotastro.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer master: company keys, find-or-create, CRM-owned fields, contacts, addresses, notes, reps, lists. */
@QuarkusTest
class CustomersTest {
    @Inject
    DataSource dataSource;

    private Tenant tenant;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
    }

    private long customers() {
        return Db.queryLong(dataSource, "select count(*) from customers where organization_id = ?", tenant.organizationId());
    }

    private Response findOrCreate(String name) {
        return Api.as(tenant.adminKey()).body(Map.of("company_name", name)).post("/v1/customers/find-or-create");
    }

    @Test
    void shouldTreatSpellingsOfOneCompanyAsOneCustomer() {
        String id = findOrCreate("Bursa Perde A.Ş.").then().statusCode(201)
                .body("company_key", equalTo("BURSAPERDEAS"))
                .body("company_name", equalTo("Bursa Perde A.Ş."))
                .body("crm_owned_fields", empty())
                .extract().path("id");
        findOrCreate("BURSA PERDE AS").then().statusCode(200).body("id", equalTo(id));
        findOrCreate("Bursa  Perde A.S.").then().statusCode(200).body("id", equalTo(id)).body("company_name", equalTo("Bursa Perde A.Ş."));
        problem(Api.as(tenant.adminKey()).body(Map.of("company_name", "bursa perde a.s")).post("/v1/customers").then(), 409,
                "duplicate_customer").body("existing_customer_id", equalTo(id));
        problem(findOrCreate(" .-& ").then(), 422, "validation_failed").body("errors[0].field", equalTo("company_name"));
        assertThat(customers()).isEqualTo(1);
        Api.as(tenant.adminKey()).get("/v1/customers?search=bursa perde a.ş").then().statusCode(200)
                .body("data.id", contains(id));
    }

    @Test
    void shouldMakeOneCustomerWhenCallersRaceToFindOrCreateTheSameName() throws Exception {
        List<String> names = List.of("Karaca Tekstil Ltd. Şti.", "KARACA TEKSTIL LTD STI", "karaca tekstil ltd şti");
        List<Response> answers = Concurrently.run(8, i -> findOrCreate(names.get(i % names.size())));
        Set<String> ids = new HashSet<>();
        answers.forEach(answer -> ids.add(answer.then().extract().path("id")));
        assertThat(ids).hasSize(1);
        assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.statusCode() == 200)).hasSize(7);
        assertThat(customers()).isEqualTo(1);
        assertThat(Db.queryLong(dataSource, "select count(*) from audit_events where organization_id = ? and action = 'customer.created'",
                tenant.organizationId())).isEqualTo(1);
    }

    @Test
    void shouldFollowTheCrmForCrmOwnedFieldsAndKeepOurOwn() {
        String crmKey = Tenants.keyWithScopes(tenant, "integration:crm");
        String secret = CrmEvents.connect(tenant, "http://127.0.0.1:9/crm");
        // A portal customer exists before the CRM tells us about the same company: the CRM event links it.
        String id = CustomerFixtures.customer(tenant, "Ege Döşeme A.Ş.").getString("id");
        String note = Api.as(tenant.adminKey()).body(Map.of("body", "Gate closes at 17:00"))
                .post("/v1/customers/" + id + "/notes").then().statusCode(201).extract().path("id");
        CustomerFixtures.addAddress(tenant, id, CustomerFixtures.address("Atatürk Cad. 5", "İzmir"));
        UUID crmId = UUID.randomUUID();
        CrmEvents.send(crmKey, secret, CrmEvents.envelope("evt_" + UUID.randomUUID(), "customer.created", "2026-11-24T09:00:00Z",
                "{\"crm_customer_id\":\"" + crmId + "\",\"company_name\":\"EGE DOSEME AS\",\"unique_code\":\"EGE-1\",\"payment_terms\":\"60 days\"}"))
                .then().statusCode(200).body("outcome", equalTo("applied"));

        JsonPath linked = Api.as(tenant.adminKey()).get("/v1/customers/" + id).then().statusCode(200)
                .body("crm_customer_id", equalTo(crmId.toString()))
                .body("company_name", equalTo("EGE DOSEME AS"))
                .body("unique_code", equalTo("EGE-1"))
                .body("payment_terms", equalTo("60 days"))
                .body("crm_owned_fields", contains("company_name", "unique_code", "payment_terms"))
                .extract().jsonPath();
        assertThat(customers()).isEqualTo(1);

        String version = "\"" + linked.getLong("version") + "\"";
        problem(Api.as(tenant.adminKey()).header("If-Match", version).body(Map.of("payment_terms", "30 days"))
                .patch("/v1/customers/" + id).then(), 409, "owned_by_crm").body("fields", contains("payment_terms"));
        problem(Api.as(tenant.adminKey()).header("If-Match", version).body(Map.of("company_name", "Ege X", "reason", "typo"))
                .patch("/v1/customers/" + id).then(), 409, "owned_by_crm");
        Api.as(tenant.adminKey()).header("If-Match", version).body(Map.of("tax_number", "1234567890", "reason", "From the invoice"))
                .patch("/v1/customers/" + id).then().statusCode(200).body("tax_number", equalTo("1234567890"));

        CrmEvents.send(crmKey, secret, CrmEvents.envelope("evt_" + UUID.randomUUID(), "customer.updated", "2026-11-24T10:00:00Z",
                "{\"crm_customer_id\":\"" + crmId + "\",\"company_name\":\"Ege Döşeme Tekstil A.Ş.\",\"unique_code\":\"EGE-1\",\"payment_terms\":\"45 days\"}"))
                .then().statusCode(200).body("outcome", equalTo("applied"));
        Api.as(tenant.adminKey()).get("/v1/customers/" + id).then().statusCode(200)
                .body("company_name", equalTo("Ege Döşeme Tekstil A.Ş."))
                .body("company_key", equalTo("EGEDOSEMETEKSTILAS"))
                .body("payment_terms", equalTo("45 days"))
                .body("tax_number", equalTo("1234567890"))
                .body("notes.id", contains(note))
                .body("addresses.city", contains("İzmir"));

        // A CRM customer nobody had yet becomes a new, linked customer.
        UUID other = UUID.randomUUID();
        CrmEvents.send(crmKey, secret, CrmEvents.envelope("customer.created",
                "{\"crm_customer_id\":\"" + other + "\",\"company_name\":\"Marmara Kumaş\"}")).then().statusCode(200);
        Api.as(tenant.adminKey()).get("/v1/customers?linked=true").then().statusCode(200)
                .body("data.company_name", containsInAnyOrder("Ege Döşeme Tekstil A.Ş.", "Marmara Kumaş"));
        Api.as(tenant.adminKey()).get("/v1/customers?linked=false").then().statusCode(200).body("data", empty());
    }

    @Test
    void shouldNeedIfMatchAndAReasonToChangeIdentifyingFields() {
        JsonPath customer = CustomerFixtures.customer(tenant, "Anadolu Kadife");
        String path = "/v1/customers/" + customer.getString("id");
        problem(Api.raw(tenant.adminKey()).body(Map.of("unique_code", "AK-1", "reason", "new code")).patch(path).then(), 428,
                "precondition_required");
        problem(Api.as(tenant.adminKey()).header("If-Match", "\"0\"").body(Map.of("unique_code", "AK-1")).patch(path).then(), 422,
                "validation_failed").body("errors[0].field", equalTo("reason"));
        Api.as(tenant.adminKey()).header("If-Match", "\"0\"").body(Map.of("payment_terms", "Cash")).patch(path).then()
                .statusCode(200).header("ETag", "\"1\"");
        problem(Api.as(tenant.adminKey()).header("If-Match", "\"0\"").body(Map.of("unique_code", "AK-1", "reason", "new code"))
                .patch(path).then(), 412, "stale_version");
        Api.as(tenant.adminKey()).header("X-Actor", "alice").header("If-Match", "\"1\"")
                .body(Map.of("company_name", "Anadolu Kadife San. Tic.", "reason", "Registered name")).patch(path).then()
                .statusCode(200).body("company_key", equalTo("ANADOLUKADIFESANTIC")).body("version", equalTo(2));
        Api.as(tenant.adminKey()).get("/v1/audit-events?entity_id=" + customer.getString("id")).then().statusCode(200)
                .body("data.reason", contains(null, null, "Registered name"));
        CustomerFixtures.customer(tenant, "Trakya Örme");
        problem(Api.as(tenant.adminKey()).header("If-Match", "\"2\"").body(Map.of("company_name", "TRAKYA ORME", "reason", "merge"))
                .patch(path).then(), 409, "duplicate_customer");
    }

    @Test
    void shouldKeepOnePrimaryContactPerRole() {
        String id = CustomerFixtures.customer(tenant, "Çukurova Pamuk").getString("id");
        Map<String, Object> ayse = new LinkedHashMap<>();
        ayse.put("name", "Ayşe Yılmaz");
        ayse.put("email", "ayse@cukurova.example");
        ayse.put("roles", List.of("billing", "shipping"));
        ayse.put("primary_roles", List.of("billing", "shipping"));
        String first = CustomerFixtures.addContact(tenant, id, ayse).getString("id");
        Map<String, Object> mehmet = Map.of("name", "Mehmet Kaya", "roles", List.of("shipping", "operations"),
                "primary_roles", List.of("shipping"));
        String second = CustomerFixtures.addContact(tenant, id, mehmet).getString("id");

        JsonPath book = Api.as(tenant.adminKey()).get("/v1/customers/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(book.getList("contacts.find { it.id == '" + first + "' }.primary_roles")).containsExactly("billing");
        assertThat(book.getList("contacts.find { it.id == '" + second + "' }.primary_roles")).containsExactly("shipping");

        problem(Api.as(tenant.adminKey()).body(Map.of("name", "X", "roles", List.of("billing"), "primary_roles", List.of("executive")))
                .post("/v1/customers/" + id + "/contacts").then(), 422, "validation_failed");
        problem(Api.raw(tenant.adminKey()).body("{\"name\":\"X\",\"roles\":[\"billing\",null]}")
                .post("/v1/customers/" + id + "/contacts").then(), 422, "validation_failed");
        problem(Api.raw(tenant.adminKey()).body(Map.of("name", "X", "roles", List.of("accountant")))
                .post("/v1/customers/" + id + "/contacts").then(), 422, "validation_failed");
        // The first contact gave up its shipping primary to the second one: that was a change, so it is at version 1.
        Api.as(tenant.adminKey()).header("If-Match", "\"1\"").body(Map.of("primary_roles", List.of("shipping", "billing")))
                .patch("/v1/customers/" + id + "/contacts/" + first).then().statusCode(200)
                .body("primary_roles", contains("billing", "shipping"));
        Api.as(tenant.adminKey()).get("/v1/customers/" + id).then()
                .body("contacts.find { it.id == '" + second + "' }.primary_roles", empty());
    }

    @Test
    void shouldKeepOneShippingAndOneBillingDefault() {
        String id = CustomerFixtures.customer(tenant, "Denizli Havlu").getString("id");
        String first = CustomerFixtures.addAddress(tenant, id, CustomerFixtures.address("Sanayi Cad. 1", "Denizli")).getString("id");
        Map<String, Object> second = CustomerFixtures.address("Liman Yolu 9", "Mersin");
        second.put("default_shipping", true);
        String secondId = CustomerFixtures.addAddress(tenant, id, second).getString("id");

        Api.as(tenant.adminKey()).get("/v1/customers/" + id).then().statusCode(200)
                .body("addresses.find { it.id == '" + first + "' }.default_shipping", equalTo(false))
                .body("addresses.find { it.id == '" + first + "' }.default_billing", equalTo(true))
                .body("addresses.find { it.id == '" + secondId + "' }.default_shipping", equalTo(true))
                .body("addresses.find { it.id == '" + secondId + "' }.default_billing", equalTo(false));
        problem(Api.as(tenant.adminKey()).header("If-Match", "\"1\"").body(Map.of("default_billing", false))
                .patch("/v1/customers/" + id + "/addresses/" + first).then(), 422, "validation_failed");
        Api.as(tenant.adminKey()).header("If-Match", "\"0\"").body(Map.of("default_billing", true, "line1", "Liman Yolu 11"))
                .patch("/v1/customers/" + id + "/addresses/" + secondId).then().statusCode(200)
                .body("default_billing", equalTo(true)).body("line1", equalTo("Liman Yolu 11"));
        Api.as(tenant.adminKey()).get("/v1/customers/" + id).then()
                .body("addresses.find { it.id == '" + first + "' }.default_billing", equalTo(false));
        problem(Api.raw(tenant.adminKey()).body(Map.of("line1", "x", "city", "y", "country", "Turkey"))
                .post("/v1/customers/" + id + "/addresses").then(), 422, "validation_failed");
        Api.as(tenant.adminKey()).get("/v1/customers?city=MERSIN").then().body("data.id", contains(id));
    }

    @Test
    void shouldKeepNotesWithAuthorAndRepHistory() {
        String id = CustomerFixtures.customer(tenant, "Gaziantep Halı").getString("id");
        String note = Api.as(tenant.adminKey()).header("X-Actor", "selin").body(Map.of("body", "Pays on the 15th"))
                .post("/v1/customers/" + id + "/notes").then().statusCode(201).body("author", equalTo("selin"))
                .extract().path("id");
        Api.as(tenant.adminKey()).header("If-Match", "\"0\"").body(Map.of("body", "Pays on the 20th"))
                .patch("/v1/customers/" + id + "/notes/" + note).then().statusCode(200).body("body", equalTo("Pays on the 20th"))
                .body("version", equalTo(1));
        Api.as(tenant.adminKey()).delete("/v1/customers/" + id + "/notes/" + note).then().statusCode(204);
        problem(Api.as(tenant.adminKey()).delete("/v1/customers/" + id + "/notes/" + note).then(), 404, "not_found");

        Api.as(tenant.adminKey()).body(Map.of("rep", "selin", "primary", true)).post("/v1/customers/" + id + "/reps").then()
                .statusCode(201).body("primary", equalTo(true)).body("ended_at", nullValue());
        Api.as(tenant.adminKey()).body(Map.of("rep", "burak")).post("/v1/customers/" + id + "/reps").then().statusCode(201);
        Api.as(tenant.adminKey()).body(Map.of("rep", "deniz", "primary", true)).post("/v1/customers/" + id + "/reps").then()
                .statusCode(201);
        JsonPath detail = Api.as(tenant.adminKey()).get("/v1/customers/" + id).then().statusCode(200).body("notes", empty())
                .extract().jsonPath();
        assertThat(detail.getList("reps.rep")).containsExactly("selin", "burak", "deniz");
        assertThat(detail.getString("reps.find { it.rep == 'selin' }.ended_at")).isNotNull();
        assertThat(detail.getString("reps.find { it.rep == 'deniz' }.ended_at")).isNull();
        Api.as(tenant.adminKey()).get("/v1/customers?rep=deniz").then().body("data.id", contains(id));
        Api.as(tenant.adminKey()).get("/v1/customers?rep=selin").then().body("data", empty());
    }

    @Test
    void shouldArchiveAndPageAndFilter() {
        for (int i = 0; i < 5; i++) {
            CustomerFixtures.customer(tenant, "Sayfa Tekstil " + i);
        }
        String archived = CustomerFixtures.customer(tenant, "Eski Müşteri").getString("id");
        Api.as(tenant.adminKey()).post("/v1/customers/" + archived + "/archive").then().statusCode(200)
                .body("status", equalTo("archived")).body("archived_at", notNullValue());
        Api.as(tenant.adminKey()).post("/v1/customers/" + archived + "/archive").then().statusCode(200);
        problem(Api.as(tenant.adminKey()).body(CustomerFixtures.address("Yol 1", "Bursa"))
                .post("/v1/customers/" + archived + "/addresses").then(), 409, "customer_archived");

        JsonPath page1 = Api.as(tenant.adminKey()).get("/v1/customers?status=active&limit=3").then().statusCode(200)
                .body("data", hasSize(3)).extract().jsonPath();
        Api.as(tenant.adminKey()).queryParam("cursor", page1.getString("next_cursor")).get("/v1/customers?status=active&limit=3")
                .then().statusCode(200).body("data", hasSize(2)).body("next_cursor", nullValue());
        Api.as(tenant.adminKey()).get("/v1/customers?status=archived").then().body("data.id", contains(archived));
        Api.as(tenant.adminKey()).get("/v1/customers?search=SAYFA").then().body("data", hasSize(5));
        problem(Api.raw(tenant.adminKey()).get("/v1/customers?linked=maybe").then(), 400, "invalid_parameter");
    }

    @Test
    void shouldKeepCustomersToTheirOrganizationAndScopes() {
        JsonPath customer = CustomerFixtures.customer(tenant, "Kapadokya Keçe");
        String id = customer.getString("id");
        String contact = CustomerFixtures.addContact(tenant, id, Map.of("name", "Can")).getString("id");
        String address = CustomerFixtures.addAddress(tenant, id, CustomerFixtures.address("Yol 2", "Nevşehir")).getString("id");
        Tenant other = Tenants.create();
        problem(Api.as(other.adminKey()).get("/v1/customers/" + id).then(), 404, "not_found");
        problem(Api.as(other.adminKey()).header("If-Match", "\"0\"").body(Map.of("payment_terms", "x")).patch("/v1/customers/" + id)
                .then(), 404, "not_found");
        problem(Api.as(other.adminKey()).header("If-Match", "\"0\"").body(Map.of("name", "x"))
                .patch("/v1/customers/" + id + "/contacts/" + contact).then(), 404, "not_found");
        problem(Api.as(other.adminKey()).header("If-Match", "\"0\"").body(Map.of("city", "x"))
                .patch("/v1/customers/" + id + "/addresses/" + address).then(), 404, "not_found");
        problem(Api.as(other.adminKey()).post("/v1/customers/" + id + "/archive").then(), 404, "not_found");
        Api.as(other.adminKey()).get("/v1/customers").then().body("data", empty());
        // The same company may be a customer of another organization too.
        Api.as(other.adminKey()).body(Map.of("company_name", "Kapadokya Keçe")).post("/v1/customers/find-or-create").then()
                .statusCode(201);

        String reader = Tenants.keyWithScopes(tenant, "customers:read");
        Api.as(reader).get("/v1/customers/" + id).then().statusCode(200);
        problem(Api.as(reader).body(Map.of("company_name", "New Co")).post("/v1/customers").then(), 403, "insufficient_scope");
        String writer = Tenants.keyWithScopes(tenant, "customers:write");
        Api.as(writer).body(Map.of("company_name", "New Co")).post("/v1/customers").then().statusCode(201);
    }

    @Test
    void shouldKeepNotesAndRepsToTheirOrganization() {
        String id = CustomerFixtures.customer(tenant, "Denizli Havlu").getString("id");
        String note = Api.as(tenant.adminKey()).body(Map.of("body", "Only mornings")).post("/v1/customers/" + id + "/notes").then()
                .statusCode(201).extract().path("id");
        Api.as(tenant.adminKey()).body(Map.of("rep", "selin", "primary", true)).post("/v1/customers/" + id + "/reps").then()
                .statusCode(201);
        Tenant other = Tenants.create();
        problem(Api.as(other.adminKey()).body(Map.of("body", "x")).post("/v1/customers/" + id + "/notes").then(), 404, "not_found");
        problem(Api.as(other.adminKey()).header("If-Match", "\"0\"").body(Map.of("body", "x"))
                .patch("/v1/customers/" + id + "/notes/" + note).then(), 404, "not_found");
        problem(Api.as(other.adminKey()).delete("/v1/customers/" + id + "/notes/" + note).then(), 404, "not_found");
        problem(Api.as(other.adminKey()).body(Map.of("rep", "burak", "primary", true)).post("/v1/customers/" + id + "/reps").then(),
                404, "not_found");
        // The other organization's own customer does not reach this one's note either.
        String theirs = CustomerFixtures.customer(other, "Denizli Havlu").getString("id");
        problem(Api.as(other.adminKey()).delete("/v1/customers/" + theirs + "/notes/" + note).then(), 404, "not_found");

        JsonPath detail = Api.as(tenant.adminKey()).get("/v1/customers/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("notes.body")).containsExactly("Only mornings");
        assertThat(detail.getList("reps.rep")).containsExactly("selin");
        String reader = Tenants.keyWithScopes(tenant, "customers:read");
        problem(Api.as(reader).body(Map.of("body", "x")).post("/v1/customers/" + id + "/notes").then(), 403, "insufficient_scope");
        problem(Api.as(reader).body(Map.of("rep", "x")).post("/v1/customers/" + id + "/reps").then(), 403, "insufficient_scope");
    }
}
