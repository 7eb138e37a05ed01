package com.lotastro.customer;

import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** What other domains (shipments) may ask of the customer master: a customer, copies of its addresses and contacts. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerDirectory {
    @Inject
    Customers customers;

    @Inject
    CustomerBook.Addresses addresses;

    @Inject
    CustomerBook.Contacts contacts;

    @Inject
    CustomerBookService book;

    @Inject
    CallerContext caller;

    public record CustomerRef(UUID id, String companyName) {
    }

    public record AddressCopy(UUID addressId, String line1, String line2, String district, String city, String postalCode,
                              String country, String phone) {
    }

    public record ContactCopy(String name, String phone, String email) {
    }

    /** What a document addressed to the customer prints: name, tax number and the default billing address. */
    public record BillingDetails(String companyName, String taxNumber, AddressCopy billingAddress) {
    }

    public Optional<BillingDetails> billingDetails(UUID customerId) {
        return customers.findInOrganization(caller.organizationId(), customerId).map(customer -> {
            java.util.List<CustomerAddress> all = addresses.of(customerId);
            CustomerAddress billing = all.stream().filter(a -> a.defaultBilling).findFirst()
                    .orElse(all.isEmpty() ? null : all.get(0));
            return new BillingDetails(customer.companyName, customer.taxNumber, billing == null ? null
                    : new AddressCopy(billing.id, billing.line1, billing.line2, billing.district, billing.city, billing.postalCode,
                            billing.country, billing.phone));
        });
    }

    public CustomerRef customer(UUID customerId) {
        Customer customer = customers.findInOrganization(caller.organizationId(), customerId)
                .orElseThrow(() -> ApiException.invalid("customer_id", "is not a customer of this organization"));
        return new CustomerRef(customer.id, customer.companyName);
    }

    /** The customer's payment terms as the CRM (or the master) has them, e.g. {@code NET30}; null when none. */
    public String paymentTerms(UUID customerId) {
        return customers.findInOrganization(caller.organizationId(), customerId).map(c -> c.paymentTerms).orElse(null);
    }

    public Optional<CustomerRef> linkedTo(UUID crmCustomerId) {
        return customers.find("organizationId = ?1 and crmCustomerId = ?2", caller.organizationId(), crmCustomerId)
                .firstResultOptional().map(c -> new CustomerRef(c.id, c.companyName));
    }

    /** A copy of the address as it is now, and the address marked as just used. */
    public AddressCopy useAddress(UUID customerId, UUID addressId) {
        CustomerAddress address = addresses.find(customerId, addressId)
                .orElseThrow(() -> ApiException.invalid("address_id", "is not an address of the customer"));
        address.lastUsedAt = Timestamps.now();
        return copy(address);
    }

    /** Saves an ad-hoc address to the customer's book and returns its copy. */
    public AddressCopy saveAddress(UUID customerId, CustomerBookService.AddressFields fields) {
        CustomerAddress address = book.addAddress(customerId, fields);
        address.lastUsedAt = Timestamps.now();
        return copy(address);
    }

    public ContactCopy contact(UUID customerId, UUID contactId) {
        CustomerContact contact = contacts.find(customerId, contactId)
                .orElseThrow(() -> ApiException.invalid("contact_id", "is not a contact of the customer"));
        return new ContactCopy(contact.name, contact.phone, contact.email);
    }

    private static AddressCopy copy(CustomerAddress a) {
        return new AddressCopy(a.id, a.line1, a.line2, a.district, a.city, a.postalCode, a.country, a.phone);
    }
}
