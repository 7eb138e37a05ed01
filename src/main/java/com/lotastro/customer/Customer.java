package com.lotastro.customer;

import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A company we sell to and ship to, one per company key in an organization. When linked to a CRM customer the CRM
 * owns its name, unique code and payment terms; contacts, addresses, notes and reps are always ours.
 */
@Entity
@Table(name = "customers")
public class Customer {
    public static final String ACTIVE = "active";
    public static final String ARCHIVED = "archived";
    /** What the CRM owns for a linked customer, as the contract names the fields. */
    public static final List<String> CRM_OWNED_FIELDS = List.of("company_name", "unique_code", "payment_terms");

    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "company_name", nullable = false)
    public String companyName;
    @Column(name = "company_key", nullable = false)
    public String companyKey;
    @Column(name = "unique_code")
    public String uniqueCode;
    @Column(name = "payment_terms")
    public String paymentTerms;
    @Column(name = "tax_number")
    public String taxNumber;
    @Column(name = "crm_customer_id")
    public UUID crmCustomerId;
    @Column(name = "status", nullable = false)
    public String status;
    @Column(name = "archived_at")
    public Instant archivedAt;
    @Version
    @Column(name = "version", nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isLinkedToCrm() {
        return crmCustomerId != null;
    }

    public boolean isArchived() {
        return ARCHIVED.equals(status);
    }

    public List<String> crmOwnedFields() {
        return isLinkedToCrm() ? CRM_OWNED_FIELDS : List.of();
    }

    /** Refuses a local change of a field the CRM owns for this customer. */
    public void requireLocallyEditable(List<String> changedFields) {
        List<String> owned = changedFields.stream().filter(crmOwnedFields()::contains).toList();
        if (!owned.isEmpty()) {
            throw new ApiException(ErrorCode.OWNED_BY_CRM, "The CRM owns " + String.join(", ", owned) + " of this customer; change "
                    + (owned.size() == 1 ? "it" : "them") + " in the CRM", List.of(), Map.of("fields", owned));
        }
    }

    /** Contacts, addresses and reps are not added to an archived customer. */
    public void requireActive() {
        if (isArchived()) {
            throw new ApiException(ErrorCode.CUSTOMER_ARCHIVED, "Customer " + companyName + " is archived");
        }
    }

    public Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("company_name", companyName);
        state.put("company_key", companyKey);
        state.put("unique_code", uniqueCode);
        state.put("payment_terms", paymentTerms);
        state.put("tax_number", taxNumber);
        state.put("crm_customer_id", crmCustomerId == null ? null : crmCustomerId.toString());
        state.put("status", status);
        return state;
    }
}
