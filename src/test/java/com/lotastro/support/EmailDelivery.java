package com.lotastro.support;

import io.restassured.path.json.JsonPath;

/**
 * Runs the email-delivery job until nothing due failed. On a loaded machine an SMTP exchange with the in-process
 * server can stall; the send then times out (quickly in tests) and the email waits for the next run, as it would in
 * production. Tests that are about delivering, not about failing to, deliver this way.
 */
public final class EmailDelivery {
    private static final int RUNS = 4;

    private EmailDelivery() {
    }

    /** The emails sent, over as many runs as it took (at most four). */
    public static long deliverAll(Tenant tenant) {
        long sent = 0;
        for (int run = 0; run < RUNS; run++) {
            JsonPath result = Api.as(tenant.adminKey()).post("/v1/jobs/email-delivery/trigger").then().statusCode(201)
                    .extract().jsonPath();
            sent += result.getLong("counts.sent");
            if ("succeeded".equals(result.getString("outcome"))) {
                return sent;
            }
        }
        throw new AssertionError("Email delivery still failed after " + RUNS + " runs");
    }
}
