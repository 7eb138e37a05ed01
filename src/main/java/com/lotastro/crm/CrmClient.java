package com.lotastro.crm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Calls the CRM over HTTP. Bounded on every side: a timeout per attempt, retries with backoff for transient failures
 * only (5xx, 429, I/O), and a circuit breaker that answers at once while the CRM keeps failing. Each CRM connection
 * has its own breaker and budget, so one organization's failing CRM never pauses another's look-ups; a connection
 * whose base URL changes starts afresh. The limits are configuration ({@code lotastro.crm.client.*}).
 */
@ApplicationScoped
public class CrmClient {
    /** The CRM failed in a way that may pass: worth a retry, counted by the breaker. */
    public static class TransientFailure extends RuntimeException {
        TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The CRM does not know the record. */
    public static class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    /** The CRM refused the request (4xx other than 404 and 429): retrying will not help. */
    public static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private static final TypeLiteral<Map<String, Object>> CUSTOMER = new TypeLiteral<>() { };

    /** The guard of one connection, for the base URL it was built for. */
    private record ConnectionGuard(String baseUrl, TypedGuard<Map<String, Object>> guard) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ConcurrentMap<UUID, ConnectionGuard> guards = new ConcurrentHashMap<>();

    @Inject
    ObjectMapper objectMapper;

    @Inject
    CrmConnectionService.CrmConfig config;

    /**
     * The CRM's record of one customer, through the connection's own timeout, retries and circuit breaker.
     *
     * @throws TransientFailure when every attempt failed in a way that may pass
     * @throws TimeoutException when the CRM did not answer in time
     * @throws org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException while this connection's
     *         CRM has been failing
     */
    public Map<String, Object> fetchCustomer(CrmConnection connection, UUID crmCustomerId) {
        return guardOf(connection).get(() -> get(connection.baseUrl, connection.apiKey, crmCustomerId));
    }

    private TypedGuard<Map<String, Object>> guardOf(CrmConnection connection) {
        return guards.compute(connection.id, (id, current) -> current != null && current.baseUrl().equals(connection.baseUrl)
                ? current
                : new ConnectionGuard(connection.baseUrl, newGuard(id))).guard();
    }

    private TypedGuard<Map<String, Object>> newGuard(UUID connectionId) {
        CrmConnectionService.CrmConfig.Client limits = config.client();
        return TypedGuard.create(CUSTOMER)
                .withDescription("CRM look-ups of connection " + connectionId)
                .withTimeout()
                    .duration(limits.timeout().toMillis(), ChronoUnit.MILLIS)
                    .done()
                .withRetry()
                    .maxRetries(limits.maxRetries())
                    .delay(limits.retryDelay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(limits.retryJitter().toMillis(), ChronoUnit.MILLIS)
                    .retryOn(TransientFailure.class)
                    .done()
                .withCircuitBreaker()
                    .requestVolumeThreshold(limits.circuitBreaker().requestVolumeThreshold())
                    .failureRatio(limits.circuitBreaker().failureRatio())
                    .delay(limits.circuitBreaker().delay().toMillis(), ChronoUnit.MILLIS)
                    .failOn(List.of(TransientFailure.class, TimeoutException.class))
                    .done()
                .build();
    }

    private Map<String, Object> get(String baseUrl, String apiKey, UUID crmCustomerId) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(baseUrl + "/customers/" + crmCustomerId))
                    .timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json")
                    .GET();
            if (apiKey != null) {
                request.header("Authorization", "Bearer " + apiKey);
            }
        } catch (IllegalArgumentException e) {
            // Stored before the contract refused such values: the connection must be set again, no call can help.
            throw new Refused("The CRM connection's base URL or API key cannot be sent in a request; set the connection again");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientFailure("The CRM could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("Interrupted while calling the CRM", e);
        }
        int status = response.statusCode();
        if (status == 404) {
            throw new NotFound("The CRM has no customer " + crmCustomerId);
        }
        if (status >= 500 || status == 429) {
            throw new TransientFailure("The CRM answered " + status, null);
        }
        if (status >= 400) {
            throw new Refused("The CRM refused the look-up with " + status);
        }
        try {
            return objectMapper.readValue(response.body(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new Refused("The CRM answered with a body that is not a customer");
        }
    }
}
