package com.lotastro.crm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Calls the CRM over HTTP. Bounded on every side: a timeout per attempt, retries with backoff for transient failures
 * only (5xx, 429, I/O), and a circuit breaker that answers at once while the CRM keeps failing. The limits are
 * MicroProfile Fault Tolerance configuration, e.g. {@code com.lotastro.crm.CrmClient/fetchCustomer/Timeout/value}.
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

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    ObjectMapper objectMapper;

    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = TransientFailure.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30000,
            failOn = {TransientFailure.class, org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class})
    public Map<String, Object> fetchCustomer(String baseUrl, String apiKey, UUID crmCustomerId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/customers/" + crmCustomerId))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
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
