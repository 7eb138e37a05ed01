package com.lotastro.customer;

import com.lotastro.audit.AuditLog;
import com.lotastro.outbox.OutboxPublisher;
import com.lotastro.shared.IfMatch;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The customer master: one customer per company key, CRM-owned fields following the CRM. */
@ApplicationScoped
@Transactional
public class CustomerService {
    private static final Logger LOG = Logger.getLogger(CustomerService.class);

    @Inject
    Customers customers;

    @Inject
    AuditLog audit;

    @Inject
    OutboxPublisher outbox;

    @Inject
    CallerContext caller;

    public record NewCustomer(String companyName, String uniqueCode, String paymentTerms, String taxNumber) {
    }

    /** Fields left null stay as they are; {@code reason} is needed when an identifying field changes. */
    public record CustomerChanges(String companyName, String uniqueCode, String paymentTerms, String taxNumber, String reason) {
    }

    /** The customer and whether this call created it. */
    public record Found(Customer customer, boolean created) {
    }

    public Customer create(NewCustomer request) {
        Found found = insert(request, null);
        if (!found.created()) {
            throw new ApiException(ErrorCode.DUPLICATE_CUSTOMER, "Customer " + found.customer().companyName
                    + " already has the company key " + found.customer().companyKey, List.of(),
                    Map.of("existing_customer_id", found.customer().id.toString()));
        }
        return found.customer();
    }

    public Found findOrCreate(String companyName) {
        return insert(new NewCustomer(companyName, null, null, null), null);
    }

    public Customer update(UUID id, String ifMatch, CustomerChanges changes) {
        long expected = IfMatch.expectedVersion(ifMatch);
        Customer customer = customers.lock(get(id));
        IfMatch.requireCurrent(expected, customer.version, "customer");
        List<String> changed = new ArrayList<>();
        if (changes.companyName() != null && !changes.companyName().equals(customer.companyName)) {
            changed.add("company_name");
        }
        if (changes.uniqueCode() != null && !changes.uniqueCode().equals(customer.uniqueCode)) {
            changed.add("unique_code");
        }
        if (changes.paymentTerms() != null && !changes.paymentTerms().equals(customer.paymentTerms)) {
            changed.add("payment_terms");
        }
        if (changes.taxNumber() != null && !changes.taxNumber().equals(customer.taxNumber)) {
            changed.add("tax_number");
        }
        customer.requireLocallyEditable(changed);
        boolean identifying = changed.stream().anyMatch(f -> !f.equals("payment_terms"));
        if (identifying && (changes.reason() == null || changes.reason().isBlank())) {
            throw ApiException.invalid("reason", "is needed to change " + String.join(", ", changed));
        }
        if (changed.isEmpty()) {
            return customer;
        }
        Map<String, Object> before = customer.describe();
        if (changed.contains("company_name")) {
            String key = keyOf(changes.companyName());
            customers.findByKey(customer.organizationId, key).filter(other -> !other.id.equals(customer.id)).ifPresent(other -> {
                throw new ApiException(ErrorCode.DUPLICATE_CUSTOMER, "Customer " + other.companyName + " already has the company key "
                        + key, List.of(), Map.of("existing_customer_id", other.id.toString()));
            });
            customer.companyName = changes.companyName();
            customer.companyKey = key;
        }
        if (changes.uniqueCode() != null) {
            customer.uniqueCode = changes.uniqueCode();
        }
        if (changes.paymentTerms() != null) {
            customer.paymentTerms = changes.paymentTerms();
        }
        if (changes.taxNumber() != null) {
            customer.taxNumber = changes.taxNumber();
        }
        customer.updatedAt = Timestamps.now();
        customers.flush();
        recordChange("customer.updated", customer, before, changes.reason());
        return customer;
    }

    public Customer archive(UUID id) {
        Customer customer = customers.lock(get(id));
        if (customer.isArchived()) {
            return customer;
        }
        Map<String, Object> before = customer.describe();
        Instant now = Timestamps.now();
        customer.status = Customer.ARCHIVED;
        customer.archivedAt = now;
        customer.updatedAt = now;
        customers.flush();
        recordChange("customer.archived", customer, before, null);
        return customer;
    }

    /**
     * Takes what the CRM says about a customer into the master: the customer linked to it, else an unlinked one with
     * the same company key (which becomes linked), else a new one. Only CRM-owned fields change; ours are kept.
     */
    public void followCrm(CrmCustomer crm) {
        UUID organizationId = crm.organizationId;
        Optional<Customer> linked = customers.lockByCrmId(organizationId, crm.crmCustomerId);
        String key = CompanyKey.of(crm.companyName);
        if (linked.isEmpty()) {
            Optional<Customer> sameKey = key.isEmpty() ? Optional.empty() : customers.findByKey(organizationId, key);
            if (sameKey.isPresent() && sameKey.get().isLinkedToCrm()) {
                // Two CRM customers fold to one key: the master keeps the first; the cache still holds the second.
                LOG.warnf("CRM customer %s has the company key %s of a customer linked to CRM customer %s; not linked",
                        crm.crmCustomerId, key, sameKey.get().crmCustomerId);
                return;
            }
            if (sameKey.isEmpty()) {
                if (key.isEmpty()) {
                    return;
                }
                insert(new NewCustomer(crm.companyName, crm.uniqueCode, crm.paymentTerms, null), crm.crmCustomerId);
                return;
            }
            linked = Optional.of(customers.lock(sameKey.get()));
        }
        Customer customer = linked.get();
        Map<String, Object> before = customer.describe();
        customer.crmCustomerId = crm.crmCustomerId;
        customer.companyName = crm.companyName;
        if (!key.isEmpty() && customers.findByKey(organizationId, key).filter(other -> !other.id.equals(customer.id)).isEmpty()) {
            customer.companyKey = key;
        }
        customer.uniqueCode = crm.uniqueCode;
        customer.paymentTerms = crm.paymentTerms;
        if (before.equals(customer.describe())) {
            return;
        }
        customer.updatedAt = Timestamps.now();
        customers.flush();
        recordChange("customer.updated", customer, before, "CRM customer " + crm.crmCustomerId + " changed");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Customer get(UUID id) {
        return customers.findInOrganization(caller.organizationId(), id).orElseThrow(() -> ApiException.notFound("customer", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Customer> search(Customers.Filter filter, PageRequest page) {
        return customers.search(caller.organizationId(), filter, page);
    }

    private Found insert(NewCustomer request, UUID crmCustomerId) {
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.organizationId = caller.organizationId();
        customer.companyName = request.companyName();
        customer.companyKey = keyOf(request.companyName());
        customer.uniqueCode = request.uniqueCode();
        customer.paymentTerms = request.paymentTerms();
        customer.taxNumber = request.taxNumber();
        customer.crmCustomerId = crmCustomerId;
        customer.status = Customer.ACTIVE;
        customer.createdAt = Timestamps.now();
        customer.updatedAt = customer.createdAt;
        if (!customers.insertUnlessKeyTaken(customer)) {
            return new Found(customers.findByKey(customer.organizationId, customer.companyKey)
                    .orElseThrow(() -> new IllegalStateException("A customer key was taken and then vanished")), false);
        }
        Customer created = customers.findById(customer.id);
        recordChange("customer.created", created, null, null);
        return new Found(created, true);
    }

    private static String keyOf(String companyName) {
        String key = CompanyKey.of(companyName);
        if (key.isEmpty()) {
            throw ApiException.invalid("company_name", "must contain a letter or a digit");
        }
        return key;
    }

    private void recordChange(String action, Customer customer, Map<String, Object> before, String reason) {
        UUID change = audit.record(new AuditLog.Change(action, "customer", customer.id, before, customer.describe(), reason));
        Map<String, Object> payload = customer.describe();
        payload.put("customer_id", customer.id.toString());
        // Not "customer.*": those are the CRM's own event types, and the CRM must not take our echo for its news.
        String what = action.substring("customer.".length());
        outbox.publish(new OutboxPublisher.Event("customer_master." + what, "customer", customer.id, what + "." + change, payload));
    }
}
