package com.lotastro.customer;

import com.lotastro.audit.AuditLog;
import com.lotastro.outbox.OutboxPublisher;
import com.lotastro.crm.CrmClient;
import com.lotastro.crm.CrmConnection;
import com.lotastro.crm.CrmConnectionService;
import com.lotastro.shared.PayloadReader;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** The CRM customer cache: kept by CRM events, refreshed from the CRM on demand, never applied backwards. */
@ApplicationScoped
@Transactional
public class CustomerCacheService {
    @Inject
    com.lotastro.crm.IntegrationFlagService flags;

    static final Duration FRESHNESS = Duration.ofHours(24);

    @Inject
    CrmCustomers customers;

    @Inject
    CrmConnectionService connections;

    @Inject
    CrmClient crm;

    @Inject
    AuditLog audit;

    @Inject
    OutboxPublisher outbox;

    @Inject
    PayloadReader payloads;

    @Inject
    CustomerService master;

    @Inject
    CallerContext caller;

    /** A customer record as the CRM sends it (event data or look-up answer). */
    public record CustomerData(@NotNull UUID crmCustomerId, @NotBlank @Size(max = 300) String companyName, @Size(max = 100) String uniqueCode, @Size(max = 200) String contactName,
                               @Size(max = 254) String contactEmail, @Size(max = 50) String contactPhone,
                               @Size(max = 100) String paymentTerms, @Size(max = 500) String address, @Size(max = 100) String city,
                               @Size(max = 100) String country, Long version) {
    }

    /** Whether the record was taken, or ignored as older than what is cached. */
    public record Upsert(CrmCustomer customer, boolean applied) {
    }

    /**
     * Stores the record unless the cache already holds a newer one: by the CRM's version when both have one,
     * otherwise by when the CRM said it.
     */
    public Upsert upsert(CustomerData data, Instant occurredAt) {
        UUID organizationId = caller.organizationId();
        CrmCustomer customer = customers.lockByCrmId(organizationId, data.crmCustomerId()).orElse(null);
        Instant now = Timestamps.now();
        if (customer != null && isOlder(data, occurredAt, customer)) {
            return new Upsert(customer, false);
        }
        Map<String, Object> before = customer == null ? null : describe(customer);
        if (customer == null) {
            customer = new CrmCustomer();
            customer.id = UUID.randomUUID();
            customer.organizationId = organizationId;
            customer.crmCustomerId = data.crmCustomerId();
            customer.createdAt = now;
        }
        customer.companyName = data.companyName();
        customer.uniqueCode = data.uniqueCode();
        customer.contactName = data.contactName();
        customer.contactEmail = data.contactEmail();
        customer.contactPhone = data.contactPhone();
        customer.paymentTerms = data.paymentTerms();
        customer.address = data.address();
        customer.city = data.city();
        customer.country = data.country();
        customer.crmVersion = data.version();
        customer.sourceOccurredAt = occurredAt;
        customer.cachedAt = now;
        customer.staleAt = now.plus(FRESHNESS);
        customers.persist(customer);
        customers.flush();
        UUID change = audit.record(new AuditLog.Change(before == null ? "crm_customer.cached" : "crm_customer.updated",
                "crm_customer", customer.id, before, describe(customer), null));
        outbox.publish(new OutboxPublisher.Event("crm_customer.cached", "crm_customer", customer.id, "cached." + change,
                describe(customer)));
        master.followCrm(customer);
        return new Upsert(customer, true);
    }

    /**
     * Asks the CRM now; a CRM that is slow or failing gives a fast 503 crm_unavailable, never a hang. The call runs
     * outside any transaction, so a slow CRM never holds a database connection.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public CrmCustomer refresh(UUID crmCustomerId) {
        if (!flags.of(caller.organizationId()).crmLookups) {
            throw new ApiException(ErrorCode.CRM_UNAVAILABLE, "CRM look-ups are switched off for this organization (feature flag crm_lookups)",
                    java.util.List.of(), Map.of(), Map.of("Retry-After", "300"));
        }
        CrmConnection connection = connections.find(caller.organizationId())
                .orElseThrow(() -> new ApiException(ErrorCode.CRM_NOT_CONFIGURED, "No CRM connection is configured"));
        Map<String, Object> answer;
        try {
            answer = crm.fetchCustomer(connection, crmCustomerId);
        } catch (CrmClient.NotFound e) {
            throw ApiException.notFound("CRM customer", crmCustomerId);
        } catch (CrmClient.TransientFailure | CrmClient.Refused | TimeoutException | CircuitBreakerOpenException e) {
            throw new ApiException(ErrorCode.CRM_UNAVAILABLE, describeFailure(e), java.util.List.of(), Map.of(),
                    Map.of("Retry-After", "30"));
        }
        CustomerData data;
        try {
            data = payloads.read(answer, CustomerData.class, "crm_answer");
        } catch (ApiException e) {
            throw new ApiException(ErrorCode.CRM_UNAVAILABLE, "The CRM answered with a record that is not a valid customer");
        }
        if (!crmCustomerId.equals(data.crmCustomerId())) {
            throw new ApiException(ErrorCode.CRM_UNAVAILABLE, "The CRM answered with another customer");
        }
        CustomerData answered = data;
        return QuarkusTransaction.requiringNew().call(() -> upsert(answered, Timestamps.now()).customer());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CrmCustomer get(UUID crmCustomerId) {
        return customers.findByCrmId(caller.organizationId(), crmCustomerId)
                .orElseThrow(() -> ApiException.notFound("cached CRM customer", crmCustomerId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CrmCustomer> search(String search, Boolean stale, PageRequest page) {
        return customers.search(caller.organizationId(), search, stale, Timestamps.now(), page);
    }

    private static boolean isOlder(CustomerData data, Instant occurredAt, CrmCustomer cached) {
        if (data.version() != null && cached.crmVersion != null) {
            return data.version() < cached.crmVersion;
        }
        return cached.sourceOccurredAt != null && occurredAt != null && occurredAt.isBefore(cached.sourceOccurredAt);
    }

    private static String describeFailure(Exception e) {
        if (e instanceof CircuitBreakerOpenException) {
            return "The CRM has been failing; calls are paused for a while";
        }
        if (e instanceof TimeoutException) {
            return "The CRM did not answer in time";
        }
        return e.getMessage();
    }

    private static Map<String, Object> describe(CrmCustomer customer) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("crm_customer_id", customer.crmCustomerId.toString());
        state.put("company_name", customer.companyName);
        state.put("unique_code", customer.uniqueCode);
        state.put("version", customer.crmVersion);
        return state;
    }

    static boolean isStale(CrmCustomer customer, Instant now) {
        return !now.isBefore(customer.staleAt);
    }

}
