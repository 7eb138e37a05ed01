package com.lotastro.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real HTTP receiver on loopback, as a CRM would run one: it records every request (headers and raw body) and
 * answers with the status it is told to, or stalls until released. Every body it receives is checked against the
 * contract's schema for its event type ({@link WebhookEnvelopes}); closing it fails the test when one did not match.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One request as received. */
    public record Received(String id, String timestamp, String signature, String body, int answeredWith, java.time.Instant at) {
        public Map<String, List<String>> headers() {
            return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(timestamp), "webhook-signature", List.of(signature));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private volatile boolean stalling;
    private volatile CountDownLatch release = new CountDownLatch(1);
    private final boolean checkContract;
    private final List<String> arrived = new CopyOnWriteArrayList<>();

    private WebhookReceiver(boolean checkContract) throws IOException {
        this.checkContract = checkContract;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public static WebhookReceiver start() {
        return start(true);
    }

    /** For load made of events outside the contract (the benchmark's): bodies are recorded, not checked. */
    public static WebhookReceiver startWithoutContractCheck() {
        return start(false);
    }

    private static WebhookReceiver start(boolean checkContract) {
        try {
            return new WebhookReceiver(checkContract);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The webhook-id of every request as it arrived, before it was answered (or while it stalls). */
    public List<String> arrived() {
        return new ArrayList<>(arrived);
    }

    /**
     * Bodies received so far that do not match the contract's schema for their type (checked here, not while
     * answering, so checking never slows a delivery down).
     */
    public List<String> contractViolations() {
        List<String> violations = new ArrayList<>();
        if (checkContract) {
            received.forEach(r -> violations.addAll(WebhookEnvelopes.violations(r.body())));
        }
        return violations;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** From now on every request is answered with this status. */
    public void answer(int statusCode) {
        status.set(statusCode);
    }

    /** Requests hang (until {@link #stopStalling()}), so the sender times out. */
    public void stall() {
        release = new CountDownLatch(1);
        stalling = true;
    }

    public void stopStalling() {
        stalling = false;
        release.countDown();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    /** Requests answered with 2xx. */
    public List<Received> acknowledged() {
        return received(r -> r.answeredWith() >= 200 && r.answeredWith() < 300);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            java.time.Instant at = java.time.Instant.now();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            arrived.add(String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")));
            if (stalling) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int answer = status.get();
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, answer, at));
            byte[] reply = ("{\"received\":" + (answer < 300) + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
    }

    @Override
    public void close() {
        stopStalling();
        server.stop(0);
        List<String> contractViolations = contractViolations();
        if (!contractViolations.isEmpty()) {
            throw new AssertionError("Deliveries that do not match the contract's schema for their type:\n"
                    + String.join("\n", contractViolations));
        }
    }
}
