package com.lotastro.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lotastro.support.WebhookReceiver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash mid-delivery loses nothing. The packaged API ({@code target/quarkus-app/quarkus-run.jar}) starts against a
 * PostgreSQL of this test, with its CRM endpoint on a receiver that holds every request open; once deliveries are in
 * flight the API's JVM is killed ({@code SIGKILL}: no shutdown hook, no answer recorded). Started again on the same
 * database, it sends each of those deliveries again, with the same {@code webhook-id}, as soon as their lease (5 s
 * here, {@code LOTASTRO_WEBHOOKS_LEASE}) has run out, and records it as succeeded after one attempt.
 */
class WebhookCrashIT {
    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    @Test
    void shouldDeliverAgainWithTheSameIdAfterAKillMidDelivery(@TempDir Path home) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(home.resolve("pgdata"))
                .setCleanDataDirectory(true).start();
             WebhookReceiver crm = WebhookReceiver.start()) {
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            crm.stall();

            Api first = Api.start(home, jdbcUrl, crm.url());
            await().atMost(START_TIMEOUT).until(() -> !crm.arrived().isEmpty() || !first.process().isAlive());
            assertThat(first.process().isAlive()).as(first.output()).isTrue();
            List<String> inFlight = crm.arrived();
            long pid = first.process().pid();
            first.process().destroyForcibly();
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(first.process().exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();

            Map<String, Instant> leasedUntil = new java.util.HashMap<>();
            try (Connection db = postgres.getPostgresDatabase().getConnection()) {
                for (String eventId : inFlight) {
                    Map<String, Object> delivery = delivery(db, eventId);
                    assertThat(delivery).as("in flight when killed: leased, no attempt recorded")
                            .containsEntry("status", "pending").containsEntry("attempts", 0);
                    assertThat(delivery.get("lease_until")).isNotNull();
                    leasedUntil.put(eventId, ((java.sql.Timestamp) delivery.get("lease_until")).toInstant());
                }
            }
            crm.stopStalling();
            crm.answer(200);

            Api second = Api.start(home, jdbcUrl, crm.url());
            try {
                Instant restarted = Instant.now();
                await().atMost(START_TIMEOUT).until(() -> inFlight.stream().allMatch(id -> crm.acknowledged().stream()
                        .anyMatch(r -> r.id().equals(id) && r.at().isAfter(restarted))) || !second.process().isAlive());
                assertThat(second.process().isAlive()).as(second.output()).isTrue();
                Instant ready = second.awaitReady();
                for (String eventId : inFlight) {
                    WebhookReceiver.Received again = crm.acknowledged().stream()
                            .filter(r -> r.id().equals(eventId) && r.at().isAfter(restarted)).findFirst().orElseThrow();
                    Instant leaseEnd = leasedUntil.get(eventId);
                    assertThat(again.at()).as("not before the lease of the killed attempt ran out").isAfterOrEqualTo(leaseEnd);
                    Instant due = ready.isAfter(leaseEnd) ? ready : leaseEnd;
                    assertThat(again.at()).as("sent again as soon as the restarted API runs and the lease is over")
                            .isBefore(due.plusSeconds(10));
                    System.out.printf("In flight at the kill: %s; lease until %s, restarted API ready %s, sent again %s%n",
                            eventId, leaseEnd, ready, again.at());
                }
                try (Connection db = postgres.getPostgresDatabase().getConnection()) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> inFlight.stream()
                            .allMatch(id -> "succeeded".equals(delivery(db, id).get("status"))));
                    for (String eventId : inFlight) {
                        assertThat(delivery(db, eventId)).as("the lost attempt left no trace, the second one is the first recorded")
                                .containsEntry("attempts", 1);
                    }
                }
            } finally {
                second.process().destroy();
                second.process().waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    private static Map<String, Object> delivery(Connection db, String eventId) {
        try (PreparedStatement query = db.prepareStatement(
                "select status, attempts, lease_until from lotastro.webhook_deliveries where event_id = ?")) {
            query.setObject(1, UUID.fromString(eventId));
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("a delivery of event " + eventId).isTrue();
                Map<String, Object> values = new java.util.HashMap<>();
                values.put("status", row.getString(1));
                values.put("attempts", row.getInt(2));
                values.put("lease_until", row.getTimestamp(3));
                return values;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The packaged API on a free port, on the given database, with the CRM's webhook endpoint seeded at first start. */
    private record Api(Process process, StringBuffer log, int port, java.util.concurrent.atomic.AtomicReference<Instant> ready) {
        static Api start(Path home, String jdbcUrl, String crmUrl) throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            ProcessBuilder builder = new ProcessBuilder("java", "-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString())
                    .directory(home.toFile()).redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("LOTASTRO_"));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("LOTASTRO_WEBHOOKS_CRM_URL", crmUrl);
            env.put("LOTASTRO_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1");
            env.put("LOTASTRO_WEBHOOKS_LEASE", "PT" + LEASE.toSeconds() + "S");
            // Longer than the test holds a request open: the kill, not a timeout, ends the first attempt.
            env.put("LOTASTRO_WEBHOOKS_REQUEST_TIMEOUT", "PT5M");
            Process process = builder.start();
            StringBuffer log = new StringBuffer();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    lines.lines().forEach(line -> log.append(line).append('\n'));
                } catch (IOException | java.io.UncheckedIOException e) {
                    // the process ended
                }
            }, "api-output");
            reader.setDaemon(true);
            reader.start();
            // Notes when the API first answers its readiness check, while the test waits for other things.
            java.util.concurrent.atomic.AtomicReference<Instant> ready = new java.util.concurrent.atomic.AtomicReference<>();
            Thread probe = new Thread(() -> {
                HttpClient http = HttpClient.newHttpClient();
                await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
                    try {
                        HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                        return health.statusCode() == 200 || !process.isAlive();
                    } catch (IOException e) {
                        return !process.isAlive();
                    }
                });
                ready.compareAndSet(null, Instant.now());
            }, "api-ready");
            probe.setDaemon(true);
            probe.start();
            return new Api(process, log, port, ready);
        }

        /** When the API first answered its readiness check. */
        Instant awaitReady() {
            await().atMost(START_TIMEOUT).until(() -> ready.get() != null);
            return ready.get();
        }

        String output() {
            return log.toString();
        }
    }
}
