package com.lotastro.jobs;

import static com.lotastro.support.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

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
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class EmailsAndJobsTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    JobRunner runner;

    @Inject
    JobLocks locks;

    @Inject
    org.quartz.Scheduler quartz;

    private Tenant tenant;
    private JsonPath item;

    @BeforeEach
    void setUp() {
        tenant = Tenants.create();
        item = InventoryFixtures.item(tenant);
    }

    private JsonPath trigger(String job) {
        return Api.as(tenant.adminKey()).post("/v1/jobs/" + job + "/trigger").then().statusCode(201).extract().jsonPath();
    }

    private JsonPath supply(Number meters, LocalDate eta) {
        return SupplyFixtures.create(tenant, item, meters, eta);
    }

    @Test
    void shouldEmailOpsWhenASupplyRequestIsCreated() {
        JsonPath request = supply(640, LocalDate.of(2026, 12, 24));
        assertThat(EmailDelivery.deliverAll(tenant)).isEqualTo(1);

        List<SmtpServer.Received> mails = SmtpServer.received(request.getString("crm_supply_request_id"));
        assertThat(mails).hasSize(1);
        SmtpServer.Received mail = mails.get(0);
        assertThat(mail.recipients()).containsExactly("ops@lotastro.local");
        assertThat(mail.subject()).startsWith("[LotAstro] New supply request: " + item.getString("quality_code") + " / "
                + item.getString("color_code") + ", 640.00 m, ETA 2026-12-24");
        assertThat(mail.body()).contains("Supply request: " + request.getString("id"))
                .contains("CRM deal: " + request.getString("crm_deal_id"))
                .contains("CRM customer: " + request.getString("crm_customer_id"))
                .contains("Meters: 640.00");
    }

    @Test
    void shouldEmailTheSalesOwnerOnTransitAndSoftArrival() {
        JsonPath request = supply(300, LocalDate.of(2026, 12, 24));
        String id = request.getString("id");
        String owner = request.getString("sales_owner_email");
        SupplyFixtures.move(tenant, id, Map.of("to_status", "in_transit"));
        SupplyFixtures.move(tenant, id, Map.of("to_status", "arrived_soft", "arrived_meters", 290));
        EmailDelivery.deliverAll(tenant);

        List<SmtpServer.Received> mails = SmtpServer.received(request.getString("crm_supply_request_id"));
        assertThat(mails).extracting(SmtpServer.Received::subject).anyMatch(s -> s.startsWith("[LotAstro] In transit: "))
                .anyMatch(s -> s.startsWith("[LotAstro] Arrived (soft): "));
        assertThat(mails).filteredOn(m -> m.subject().startsWith("[LotAstro] In transit"))
                .singleElement().satisfies(m -> assertThat(m.recipients()).containsExactly(owner));
        assertThat(mails).filteredOn(m -> m.subject().startsWith("[LotAstro] Arrived (soft)"))
                .singleElement().satisfies(m -> {
                    assertThat(m.recipients()).containsExactly(owner);
                    assertThat(m.body()).contains("Arrived meters: 290.00");
                });
    }

    @Test
    void shouldSendTheEtaReminderOncePerRequestAndEta() {
        JsonPath near = supply(100, TODAY.plusDays(2));
        JsonPath past = supply(100, TODAY.minusDays(1));
        JsonPath far = supply(100, TODAY.plusDays(30));
        JsonPath arrived = supply(100, TODAY.plusDays(1));
        SupplyFixtures.move(tenant, arrived.getString("id"), Map.of("to_status", "in_transit"));
        SupplyFixtures.move(tenant, arrived.getString("id"), Map.of("to_status", "arrived_soft"));

        JsonPath first = trigger("eta-reminders");
        assertThat(first.getString("outcome")).isEqualTo("succeeded");
        assertThat(first.getLong("counts.due")).isEqualTo(2);
        assertThat(first.getLong("counts.emails_queued")).isEqualTo(2);
        assertThat(first.getLong("counts.already_reminded")).isZero();

        JsonPath second = trigger("eta-reminders");
        assertThat(second.getLong("counts.emails_queued")).isZero();
        assertThat(second.getLong("counts.already_reminded")).isEqualTo(2);

        SupplyFixtures.move(tenant, near.getString("id"), Map.of("to_status", "eta_confirmed", "eta_date", TODAY.plusDays(3).toString()));
        JsonPath third = trigger("eta-reminders");
        assertThat(third.getLong("counts.emails_queued")).isEqualTo(1);

        EmailDelivery.deliverAll(tenant);
        List<SmtpServer.Received> nearMails = SmtpServer.received("ETA near: " + item.getString("quality_code"));
        // One message per recipient (ops and the sales owner): two ETAs for "near", one for "past".
        assertThat(nearMails.stream().filter(m -> m.subject().contains(near.getString("crm_supply_request_id")))).hasSize(4);
        assertThat(nearMails.stream().filter(m -> m.subject().contains(past.getString("crm_supply_request_id")))).hasSize(2);
        assertThat(nearMails.stream().filter(m -> m.subject().contains(far.getString("crm_supply_request_id")))).isEmpty();
        assertThat(nearMails.stream().filter(m -> m.subject().contains(arrived.getString("crm_supply_request_id")))).isEmpty();
        assertThat(nearMails.stream().filter(m -> m.subject().contains(past.getString("crm_supply_request_id")))
                .flatMap(m -> m.recipients().stream()))
                .containsExactlyInAnyOrder("ops@lotastro.local", past.getString("sales_owner_email"));
    }

    @Test
    void shouldKeepEmailsThroughAnSmtpOutageAndRecordTheFailedRun() {
        SmtpServer.stopServer();
        JsonPath request;
        try {
            request = supply(75, LocalDate.of(2027, 2, 2));
            JsonPath failed = trigger("email-delivery");
            assertThat(failed.getString("outcome")).isEqualTo("failed");
            assertThat(failed.getString("error")).startsWith("1 email(s) could not be sent");
            assertThat(failed.getLong("counts.retry_scheduled")).isEqualTo(1);
        } finally {
            SmtpServer.startServer();
        }
        JsonPath recovered = trigger("email-delivery");
        assertThat(recovered.getString("outcome")).isEqualTo("succeeded");
        assertThat(recovered.getLong("counts.sent")).isEqualTo(1);
        assertThat(SmtpServer.received(request.getString("crm_supply_request_id"))).hasSize(1);

        Api.as(tenant.adminKey()).get("/v1/job-runs?job=email-delivery").then().statusCode(200)
                .body("data.outcome", equalTo(List.of("succeeded", "failed")))
                .body("data[1].error", startsWith("1 email(s) could not be sent"));
        Api.as(tenant.adminKey()).get("/v1/job-runs?outcome=failed").then().body("data.size()", equalTo(1));
    }

    @Test
    void shouldListJobsWithScheduleNextFireTimeAndLastRun() {
        trigger("idempotency-key-cleanup");
        Api.as(tenant.adminKey()).get("/v1/jobs").then().statusCode(200)
                .body("data.name", hasItems("eta-reminders", "email-delivery", "idempotency-key-cleanup"))
                .body("data.find { it.name == 'eta-reminders' }.schedule", equalTo("0 0 6 1 1 ? 2099"))
                .body("data.find { it.name == 'eta-reminders' }.next_fire_at", startsWith("2099-01-01T06:00:00"))
                .body("data.find { it.name == 'idempotency-key-cleanup' }.last_run.outcome", equalTo("succeeded"))
                .body("data.find { it.name == 'idempotency-key-cleanup' }.last_run.trigger", equalTo("manual"))
                .body("data.find { it.name == 'idempotency-key-cleanup' }.last_run.instance", notNullValue());
        problem(Api.raw(tenant.adminKey()).post("/v1/jobs/no-such-job/trigger").then(), 404, "not_found");
    }

    @Test
    void shouldRunAScheduledFireOnceForEveryOrganization() {
        Tenant other = Tenants.create();
        runner.runForEveryOrganization(JobCatalog.IDEMPOTENCY_KEY_CLEANUP);

        for (Tenant each : List.of(tenant, other)) {
            Api.as(each.adminKey()).get("/v1/job-runs?job=idempotency-key-cleanup").then()
                    .body("data.size()", equalTo(1))
                    .body("data[0].trigger", equalTo("scheduled"))
                    .body("data[0].outcome", equalTo("succeeded"));
        }
    }

    @Test
    void shouldKeepJobRunsPerOrganization() {
        trigger("eta-reminders");
        Tenant other = Tenants.create();
        Api.as(other.adminKey()).get("/v1/job-runs").then().body("data.size()", equalTo(0));
        Api.as(other.adminKey()).get("/v1/jobs").then()
                .body("data.find { it.name == 'eta-reminders' }.last_run", equalTo(null));
    }

    @Test
    void shouldScheduleEveryJobSoThatItNeverOverlapsItselfAnywhereInTheCluster() throws Exception {
        for (String job : List.of(JobCatalog.ETA_REMINDERS, JobCatalog.EMAIL_DELIVERY, JobCatalog.IDEMPOTENCY_KEY_CLEANUP,
                JobCatalog.HOLD_EXPIRY)) {
            JobDetail detail = quartz.getJobDetail(JobKey.jobKey(job, "lotastro"));
            assertThat(detail).as(job).isNotNull();
            // With the clustered JDBC store this is what keeps a second instance from starting the job meanwhile.
            assertThat(detail.isConcurrentExecutionDisallowed()).as(job).isTrue();
            assertThat(quartz.getTriggersOfJob(detail.getKey())).as(job).hasSize(1);
            assertThat(quartz.getJobDetail(JobKey.jobKey(job, "io.quarkus.scheduler.Scheduler"))).as(job).isNull();
        }
    }

    @Test
    void shouldNeverRunAJobTwiceAtOnceForOneOrganization() {
        Tenant other = Tenants.create();
        // Another instance (or a scheduled fire) is running hold-expiry for this organization.
        try (JobLocks.Held running = locks.tryLock(JobCatalog.HOLD_EXPIRY, tenant.organizationId()).orElseThrow()) {
            assertThat(locks.tryLock(JobCatalog.HOLD_EXPIRY, tenant.organizationId())).isEmpty();
            problem(Api.raw(tenant.adminKey()).post("/v1/jobs/hold-expiry/trigger").then(), 409, "job_already_running");
            Api.as(tenant.adminKey()).get("/v1/job-runs?job=hold-expiry").then().body("data.size()", equalTo(0));

            // Only that job, only for that organization.
            trigger("idempotency-key-cleanup");
            Api.as(other.adminKey()).post("/v1/jobs/hold-expiry/trigger").then().statusCode(201);

            // A scheduled fire meanwhile skips the organization and runs for the others.
            runner.runForEveryOrganization(JobCatalog.HOLD_EXPIRY);
            Api.as(tenant.adminKey()).get("/v1/job-runs?job=hold-expiry").then().body("data.size()", equalTo(0));
            Api.as(other.adminKey()).get("/v1/job-runs?job=hold-expiry").then()
                    .body("data.trigger", equalTo(List.of("scheduled", "manual")));
        }
        assertThat(trigger("hold-expiry").getString("outcome")).isEqualTo("succeeded");
    }
}
