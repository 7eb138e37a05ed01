package com.lotastro.webhook;

import com.lotastro.crm.WebhookSignatures;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Sends one signed webhook request, never inside a database transaction. Standard Webhooks headers: {@code
 * webhook-id} (the event id), {@code webhook-timestamp} (now, Unix seconds) and {@code webhook-signature} with one
 * {@code v1,…} per secret. Redirects are not followed (a redirect could lead into our own network).
 */
@ApplicationScoped
public class WebhookSender {
    static final int RESPONSE_BODY_LIMIT = 1024;

    /** What one attempt gave: a status code and the start of the body, or the error that kept an answer from coming. */
    public record Outcome(Instant attemptedAt, long durationMs, Integer statusCode, String responseBody, String error) {
        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        /** The receiver unsubscribed for good. */
        public boolean gone() {
            return statusCode != null && statusCode == 410;
        }
    }

    @Inject
    WebhookConfig config;

    @Inject
    UrlGuard guard;

    private final ExecutorService httpThreads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "webhook-http");
        thread.setDaemon(true);
        return thread;
    });
    private volatile HttpClient http;

    private HttpClient http() {
        if (http == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder()
                            .connectTimeout(config.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .executor(httpThreads)
                            .build();
                }
            }
        }
        return http;
    }

    @PreDestroy
    void close() {
        httpThreads.shutdownNow();
    }

    public Outcome send(String url, String eventId, byte[] body, List<String> secrets) {
        Instant start = Instant.now();
        long started = System.nanoTime();
        Optional<String> refused = guard.refusal(url);
        if (refused.isPresent()) {
            return new Outcome(start, 0, null, null, "Not sent: the URL " + refused.get());
        }
        String timestamp = String.valueOf(start.getEpochSecond());
        String signatures = secrets.stream().map(secret -> WebhookSignatures.sign(secret, eventId, timestamp, body))
                .collect(Collectors.joining(" "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "LotAstro-Webhooks/1")
                .header("webhook-id", eventId)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", signatures)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        CompletableFuture<Outcome> exchange = http().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> new Outcome(start, elapsed(started), response.statusCode(), head(response.body()), null));
        try {
            return exchange.get(config.requestTimeout().toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return failed(start, started, "Timed out after " + config.requestTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return failed(start, started, "Timed out: " + cause.getMessage());
            }
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (!UrlGuard.resolves(url)) {
                message = "The host does not resolve";
            }
            return failed(start, started, "No answer: " + message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            return failed(start, started, "Interrupted");
        }
    }

    private static Outcome failed(Instant start, long started, String error) {
        return new Outcome(start, elapsed(started), null, null, error);
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** The first kilobyte of the answer, enough to see what the receiver said; the rest is not read. */
    private static String head(InputStream body) {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(RESPONSE_BODY_LIMIT);
            String text = new String(bytes, StandardCharsets.UTF_8).replace("\u0000", "");
            return text.isEmpty() ? null : text;
        } catch (IOException e) {
            return null;
        }
    }
}
