package com.lotastro.customer;

import com.lotastro.audit.AuditLog;
import com.lotastro.shared.IfMatch;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What we own for every customer: contacts, addresses, notes and reps. Every change is made under the customer's row
 * lock, so "one primary contact per role", "one default address" and "one primary rep" hold whatever races.
 */
@ApplicationScoped
@Transactional
public class CustomerBookService {
    @Inject
    Customers customers;

    @Inject
    CustomerBook.Contacts contacts;

    @Inject
    CustomerBook.Addresses addresses;

    @Inject
    CustomerBook.Notes notes;

    @Inject
    CustomerBook.Reps reps;

    @Inject
    CustomerService master;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext caller;

    /** A contact as sent; null fields are left as they are on an update (an empty role set too). */
    public record ContactFields(String name, String email, String phone, String title, Set<ContactRole> roles,
                                Set<ContactRole> primaryRoles) {
    }

    public record AddressFields(String label, String line1, String line2, String district, String city, String postalCode,
                                String country, String phone, Boolean defaultShipping, Boolean defaultBilling) {
    }

    /** Everything a customer owns, for its detail view. */
    public record Book(List<CustomerContact> contacts, List<CustomerAddress> addresses, List<CustomerNote> notes,
                       List<RepAssignment> reps) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Book book(Customer customer) {
        return new Book(contacts.of(customer.id), addresses.of(customer.id), notes.of(customer.id), reps.of(customer.id));
    }

    public CustomerContact addContact(UUID customerId, ContactFields fields) {
        Customer customer = lockActive(customerId);
        CustomerContact contact = new CustomerContact();
        contact.id = UUID.randomUUID();
        contact.organizationId = customer.organizationId;
        contact.customerId = customer.id;
        contact.name = fields.name();
        contact.email = fields.email();
        contact.phone = fields.phone();
        contact.title = fields.title();
        contact.roles = copy(fields.roles());
        contact.primaryRoles = copy(fields.primaryRoles());
        requirePrimaryRolesHeld(contact);
        contact.createdAt = Timestamps.now();
        contact.updatedAt = contact.createdAt;
        takePrimaryRoles(contact);
        contacts.persist(contact);
        contacts.flush();
        audit.record(new AuditLog.Change("customer.contact_added", "customer_contact", contact.id, null, contact.describe(), null));
        return contact;
    }

    public CustomerContact updateContact(UUID customerId, UUID contactId, String ifMatch, ContactFields fields) {
        long expected = IfMatch.expectedVersion(ifMatch);
        Customer customer = lockActive(customerId);
        CustomerContact contact = contacts.find(customer.id, contactId).orElseThrow(() -> ApiException.notFound("contact", contactId));
        IfMatch.requireCurrent(expected, contact.version, "contact");
        Map<String, Object> before = contact.describe();
        if (fields.name() != null) {
            contact.name = fields.name();
        }
        if (fields.email() != null) {
            contact.email = fields.email();
        }
        if (fields.phone() != null) {
            contact.phone = fields.phone();
        }
        if (fields.title() != null) {
            contact.title = fields.title();
        }
        if (fields.roles() != null && !fields.roles().isEmpty()) {
            contact.roles = copy(fields.roles());
            Set<ContactRole> stillHeld = copy(contact.primaryRoles);
            stillHeld.retainAll(contact.roles);
            contact.primaryRoles = stillHeld;
        }
        if (fields.primaryRoles() != null && !fields.primaryRoles().isEmpty()) {
            contact.primaryRoles = copy(fields.primaryRoles());
        }
        requirePrimaryRolesHeld(contact);
        if (before.equals(contact.describe())) {
            return contact;
        }
        contact.updatedAt = Timestamps.now();
        takePrimaryRoles(contact);
        contacts.flush();
        audit.record(new AuditLog.Change("customer.contact_updated", "customer_contact", contact.id, before, contact.describe(), null));
        return contact;
    }

    public CustomerAddress addAddress(UUID customerId, AddressFields fields) {
        Customer customer = lockActive(customerId);
        boolean first = addresses.of(customer.id).isEmpty();
        CustomerAddress address = new CustomerAddress();
        address.id = UUID.randomUUID();
        address.organizationId = customer.organizationId;
        address.customerId = customer.id;
        address.label = fields.label();
        address.line1 = fields.line1();
        address.line2 = fields.line2();
        address.district = fields.district();
        address.city = fields.city();
        address.postalCode = fields.postalCode();
        address.country = fields.country();
        address.phone = fields.phone();
        // The first address is both defaults unless the caller says otherwise: a book is never without a default.
        boolean shipping = fields.defaultShipping() != null ? fields.defaultShipping() : first;
        boolean billing = fields.defaultBilling() != null ? fields.defaultBilling() : first;
        address.createdAt = Timestamps.now();
        address.updatedAt = address.createdAt;
        makeDefaults(customer.id, address, shipping, billing);
        addresses.persist(address);
        addresses.flush();
        audit.record(new AuditLog.Change("customer.address_added", "customer_address", address.id, null, address.describe(), null));
        return address;
    }

    public CustomerAddress updateAddress(UUID customerId, UUID addressId, String ifMatch, AddressFields fields) {
        long expected = IfMatch.expectedVersion(ifMatch);
        Customer customer = lockActive(customerId);
        CustomerAddress address = addresses.find(customer.id, addressId).orElseThrow(() -> ApiException.notFound("address", addressId));
        IfMatch.requireCurrent(expected, address.version, "address");
        if (Boolean.FALSE.equals(fields.defaultShipping()) && address.defaultShipping) {
            throw ApiException.invalid("default_shipping", "cannot be unset; make another address the shipping default instead");
        }
        if (Boolean.FALSE.equals(fields.defaultBilling()) && address.defaultBilling) {
            throw ApiException.invalid("default_billing", "cannot be unset; make another address the billing default instead");
        }
        Map<String, Object> before = address.describe();
        if (fields.label() != null) {
            address.label = fields.label();
        }
        if (fields.line1() != null) {
            address.line1 = fields.line1();
        }
        if (fields.line2() != null) {
            address.line2 = fields.line2();
        }
        if (fields.district() != null) {
            address.district = fields.district();
        }
        if (fields.city() != null) {
            address.city = fields.city();
        }
        if (fields.postalCode() != null) {
            address.postalCode = fields.postalCode();
        }
        if (fields.country() != null) {
            address.country = fields.country();
        }
        if (fields.phone() != null) {
            address.phone = fields.phone();
        }
        makeDefaults(customer.id, address, Boolean.TRUE.equals(fields.defaultShipping()), Boolean.TRUE.equals(fields.defaultBilling()));
        if (before.equals(address.describe())) {
            return address;
        }
        address.updatedAt = Timestamps.now();
        addresses.flush();
        audit.record(new AuditLog.Change("customer.address_updated", "customer_address", address.id, before, address.describe(), null));
        return address;
    }

    public CustomerNote addNote(UUID customerId, String body) {
        Customer customer = master.get(customerId);
        CustomerNote note = new CustomerNote();
        note.id = UUID.randomUUID();
        note.organizationId = customer.organizationId;
        note.customerId = customer.id;
        note.body = body;
        note.author = caller.actor();
        note.createdAt = Timestamps.now();
        note.updatedAt = note.createdAt;
        notes.persist(note);
        notes.flush();
        audit.record(new AuditLog.Change("customer.note_added", "customer_note", note.id, null, Map.of("body", body), null));
        return note;
    }

    public CustomerNote updateNote(UUID customerId, UUID noteId, String ifMatch, String body) {
        long expected = IfMatch.expectedVersion(ifMatch);
        CustomerNote note = note(customerId, noteId);
        IfMatch.requireCurrent(expected, note.version, "note");
        if (note.body.equals(body)) {
            return note;
        }
        String before = note.body;
        note.body = body;
        note.updatedAt = Timestamps.now();
        notes.flush();
        audit.record(new AuditLog.Change("customer.note_updated", "customer_note", note.id, Map.of("body", before), Map.of("body", body), null));
        return note;
    }

    public void deleteNote(UUID customerId, UUID noteId) {
        CustomerNote note = note(customerId, noteId);
        notes.delete(note);
        notes.flush();
        audit.record(new AuditLog.Change("customer.note_deleted", "customer_note", note.id, Map.of("body", note.body), null, null));
    }

    public RepAssignment assignRep(UUID customerId, String rep, boolean primary) {
        Customer customer = lockActive(customerId);
        Instant now = Timestamps.now();
        RepAssignment existing = reps.current(customer.id, rep).orElse(null);
        if (existing != null && existing.primary == primary) {
            return existing;
        }
        if (existing != null) {
            existing.endedAt = now;
        }
        if (primary) {
            reps.currentPrimary(customer.id).ifPresent(previous -> previous.endedAt = now);
        }
        reps.flush();
        RepAssignment assignment = new RepAssignment();
        assignment.id = UUID.randomUUID();
        assignment.organizationId = customer.organizationId;
        assignment.customerId = customer.id;
        assignment.rep = rep;
        assignment.primary = primary;
        assignment.assignedBy = caller.actor();
        assignment.assignedAt = now;
        reps.persist(assignment);
        reps.flush();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("rep", rep);
        state.put("primary", primary);
        audit.record(new AuditLog.Change("customer.rep_assigned", "customer", customer.id, null, state, null));
        return assignment;
    }

    private CustomerNote note(UUID customerId, UUID noteId) {
        Customer customer = master.get(customerId);
        return notes.find(customer.id, noteId).orElseThrow(() -> ApiException.notFound("note", noteId));
    }

    private Customer lockActive(UUID customerId) {
        Customer customer = customers.lock(master.get(customerId));
        customer.requireActive();
        return customer;
    }

    /** The contact becomes the primary of its primary roles; whoever held them before yields them. */
    private void takePrimaryRoles(CustomerContact contact) {
        if (contact.primaryRoles.isEmpty()) {
            return;
        }
        for (CustomerContact other : contacts.of(contact.customerId)) {
            if (!other.id.equals(contact.id) && other.yieldPrimary(contact.primaryRoles)) {
                other.updatedAt = Timestamps.now();
            }
        }
        contacts.flush();
    }

    private void makeDefaults(UUID customerId, CustomerAddress address, boolean shipping, boolean billing) {
        for (CustomerAddress other : addresses.of(customerId)) {
            if (other.id.equals(address.id)) {
                continue;
            }
            if (shipping && other.defaultShipping) {
                other.defaultShipping = false;
                other.updatedAt = Timestamps.now();
            }
            if (billing && other.defaultBilling) {
                other.defaultBilling = false;
                other.updatedAt = Timestamps.now();
            }
        }
        // The old defaults go first: the partial unique indexes allow one default of each kind at any moment.
        addresses.flush();
        address.defaultShipping = address.defaultShipping || shipping;
        address.defaultBilling = address.defaultBilling || billing;
    }

    private static void requirePrimaryRolesHeld(CustomerContact contact) {
        if (!contact.primaryRolesAreHeld()) {
            throw ApiException.invalid("primary_roles", "must be among the contact's roles");
        }
    }

    private static Set<ContactRole> copy(Set<ContactRole> roles) {
        return roles == null || roles.isEmpty() ? EnumSet.noneOf(ContactRole.class) : EnumSet.copyOf(roles);
    }
}
