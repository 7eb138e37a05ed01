package com.lotastro.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Allocated reservations, POs and shipment approvals made the way callers make them, and event payload checks. */
public final class OrderFixtures {
    private OrderFixtures() {
    }

    /** An active reservation of one line of the item, auto-allocated to rolls; returns the reservation JSON. */
    public static JsonPath allocatedReservation(Tenant tenant, JsonPath item, Number meters, String shipIntent) {
        JsonPath reservation = ReservationFixtures.create(tenant,
                ReservationFixtures.body(shipIntent, List.of(ReservationFixtures.line(item, meters))));
        return Api.as(tenant.adminKey()).post("/v1/reservations/" + reservation.getString("id") + "/auto-allocate")
                .then().statusCode(201).extract().jsonPath().setRootPath("reservation");
    }

    /** As {@link #allocatedReservation}, for the given CRM customer. */
    public static JsonPath allocatedReservationOf(Tenant tenant, JsonPath item, Number meters, String crmCustomerId) {
        Map<String, Object> body = ReservationFixtures.body("immediate", List.of(ReservationFixtures.line(item, meters)));
        body.put("crm_customer_id", crmCustomerId);
        JsonPath reservation = ReservationFixtures.create(tenant, body);
        return Api.as(tenant.adminKey()).post("/v1/reservations/" + reservation.getString("id") + "/auto-allocate")
                .then().statusCode(201).extract().jsonPath().setRootPath("reservation");
    }

    public static Response override(Tenant tenant, String reservationId, String reason, String notes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        if (notes != null) {
            body.put("notes", notes);
        }
        return Api.as(tenant.adminKey()).header("X-Actor", "manager-mira").body(body)
                .post("/v1/reservations/" + reservationId + "/override");
    }

    /** A PO made by a manager's override; returns the order JSON. */
    public static JsonPath orderByOverride(Tenant tenant, String reservationId) {
        String orderId = override(tenant, reservationId, "ops_emergency", "Truck leaves at noon").then().statusCode(201)
                .extract().path("order_id");
        return order(tenant, orderId);
    }

    public static JsonPath order(Tenant tenant, String orderId) {
        return Api.as(tenant.adminKey()).get("/v1/orders/" + orderId).then().statusCode(200).extract().jsonPath();
    }

    /** The data of a shipment.approved event for the reservation. */
    public static String approvalData(String reservationId, String approvalId) {
        return "{\"wms_reservation_id\":\"" + reservationId + "\",\"approval_id\":\"" + approvalId
                + "\",\"approved_by\":\"mehmet@example.com\",\"approved_at\":\"" + Instant.now() + "\"}";
    }

    public static String approval(String reservationId) {
        return CrmEvents.envelope("shipment.approved", approvalData(reservationId, "apr_" + UUID.randomUUID()));
    }

    /** Cuts every lot of the order at exactly its bound meters. */
    public static JsonPath pickAll(Tenant tenant, JsonPath order) {
        List<Map<String, Object>> cuts = order.getList("lines.lots.flatten()", Map.class).stream()
                .map(lot -> Map.<String, Object>of("order_lot_id", lot.get("id"), "picked_meters", lot.get("bound_meters")))
                .toList();
        return Api.as(tenant.adminKey()).body(Map.of("lots", cuts)).post("/v1/orders/" + order.getString("id") + "/pick")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The outbox events of an aggregate, oldest first. */
    public static JsonPath outbox(Tenant tenant, String aggregateId) {
        return Api.as(tenant.adminKey()).get("/v1/outbox-events?aggregate_id=" + aggregateId).then().statusCode(200)
                .extract().jsonPath();
    }

    private static final Map<String, SchemaValidator> VALIDATORS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, OpenAPI> SPECS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Asserts a payload (JSON) matches a schema of a domain file of the contract, e.g. orders.yaml's OrderCreatedEvent. */
    public static void assertMatchesSchema(String domainFile, String schemaName, String json) {
        OpenAPI spec = SPECS.computeIfAbsent(domainFile, file -> {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            return new OpenAPIV3Parser().read(Path.of("openapi", file).toAbsolutePath().toUri().toString(), null, options);
        });
        SchemaValidator validator = VALIDATORS.computeIfAbsent(domainFile, file -> new SchemaValidator(spec, new MessageResolver()));
        @SuppressWarnings("rawtypes")
        Schema schema = spec.getComponents().getSchemas().get(schemaName);
        assertThat(schema).as(schemaName + " in " + domainFile).isNotNull();
        ValidationReport report = validator.validate(json, schema, null);
        assertThat(report.getMessages()).as(schemaName + ": " + json).isEmpty();
    }
}
