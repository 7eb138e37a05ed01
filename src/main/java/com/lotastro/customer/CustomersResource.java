package com.lotastro.customer;

import com.lotastro.api.CustomersApi;
import com.lotastro.api.model.AddressCreateDto;
import com.lotastro.api.model.AddressDto;
import com.lotastro.api.model.AddressUpdateDto;
import com.lotastro.api.model.ContactCreateDto;
import com.lotastro.api.model.ContactDto;
import com.lotastro.api.model.ContactUpdateDto;
import com.lotastro.api.model.CrmCustomerDto;
import com.lotastro.api.model.CrmCustomerPageDto;
import com.lotastro.api.model.CustomerCreateDto;
import com.lotastro.api.model.CustomerDto;
import com.lotastro.api.model.CustomerFindOrCreateDto;
import com.lotastro.api.model.CustomerPageDto;
import com.lotastro.api.model.CustomerStatusDto;
import com.lotastro.api.model.CustomerUpdateDto;
import com.lotastro.api.model.NoteDto;
import com.lotastro.api.model.NoteWriteDto;
import com.lotastro.api.model.RepAssignDto;
import com.lotastro.api.model.RepAssignmentDto;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.idempotency.Idempotent;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

public class CustomersResource implements CustomersApi {
    @Inject
    CustomerCacheService cache;

    @Inject
    CustomerService customers;

    @Inject
    CustomerBookService book;

    @Inject
    CustomerOrders orders;

    @Inject
    RoutingContext routing;

    @Override
    @RequiresScope(Scope.CUSTOMERS_READ)
    public CrmCustomerPageDto listCrmCustomers(String search, Boolean stale, Integer limit, String cursor) {
        Instant now = Timestamps.now();
        Page<CrmCustomer> page = cache.search(search, stale, PageRequest.of(limit, cursor));
        return new CrmCustomerPageDto().data(page.map(c -> CustomerMapper.toDto(c, now)).items()).nextCursor(page.nextCursor());
    }

    @Override
    @RequiresScope(Scope.CUSTOMERS_READ)
    public CrmCustomerDto getCrmCustomer(UUID crmCustomerId) {
        return CustomerMapper.toDto(cache.get(crmCustomerId), Timestamps.now());
    }

    @Override
    @RequiresScope(Scope.CUSTOMERS_READ)
    public CrmCustomerDto refreshCrmCustomer(UUID crmCustomerId, String actor) {
        return CustomerMapper.toDto(cache.refresh(crmCustomerId), Timestamps.now());
    }

    @Override
    @RequiresScope(Scope.CUSTOMERS_READ)
    public CustomerPageDto listCustomers(String search, String city, String rep, Boolean linked, CustomerStatusDto status,
                                         Integer limit, String cursor) {
        Page<Customer> page = customers.search(new Customers.Filter(search, city, rep, linked, status == null ? null : status.toString()),
                PageRequest.of(limit, cursor));
        return new CustomerPageDto().data(page.map(CustomerMasterMapper::toDto).items()).nextCursor(page.nextCursor());
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.CUSTOMERS_WRITE)
    public CustomerDto createCustomer(CustomerCreateDto body, String idempotencyKey, String actor) {
        return detail(customers.create(CustomerMasterMapper.toNewCustomer(body)));
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.CUSTOMERS_WRITE)
    public CustomerDto findOrCreateCustomer(CustomerFindOrCreateDto body, String idempotencyKey, String actor) {
        CustomerService.Found found = customers.findOrCreate(body.getCompanyName());
        if (found.created()) {
            CreatedStatus.mark(routing);
        }
        return detail(found.customer());
    }

    @Override
    @RequiresScope(Scope.CUSTOMERS_READ)
    public CustomerDto getCustomer(UUID customerId) {
        return detail(customers.get(customerId));
    }

    @Override
    @RequiresScope(Scope.CUSTOMERS_WRITE)
    public CustomerDto updateCustomer(UUID customerId, String ifMatch, CustomerUpdateDto body, String actor) {
        return detail(customers.update(customerId, ifMatch, CustomerMasterMapper.toChanges(body)));
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.CUSTOMERS_WRITE)
    public CustomerDto archiveCustomer(UUID customerId, String idempotencyKey, String actor) {
        return detail(customers.archive(customerId));
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.CUSTOMERS_WRITE)
    public ContactDto addCustomerContact(UUID customerId, ContactCreateDto body, String idempotencyKey, String actor) {
        return CustomerMasterMapper.toDto(book.addContact(customerId, CustomerMasterMapper.toContact(body)));
    }

    @Override
    @RequiresScope(Scope.CUSTOMERS_WRITE)
    public ContactDto updateCustomerContact(UUID customerId, UUID contactId, String ifMatch, ContactUpdateDto body, String actor) {
        return CustomerMasterMapper.toDto(book.updateContact(customerId, contactId, ifMatch, CustomerMasterMapper.toContact(body)));
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.CUSTOMERS_WRITE)
    public AddressDto addCustomerAddress(UUID customerId, AddressCreateDto body, String idempotencyKey, String actor) {
        return CustomerMasterMapper.toDto(book.addAddress(customerId, CustomerMasterMapper.toAddress(body)));
    }

    @Override
    @RequiresScope(Scope.CUSTOMERS_WRITE)
    public AddressDto updateCustomerAddress(UUID customerId, UUID addressId, String ifMatch, AddressUpdateDto body, String actor) {
        return CustomerMasterMapper.toDto(book.updateAddress(customerId, addressId, ifMatch, CustomerMasterMapper.toAddress(body)));
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.CUSTOMERS_WRITE)
    public NoteDto addCustomerNote(UUID customerId, NoteWriteDto body, String idempotencyKey, String actor) {
        return CustomerMasterMapper.toDto(book.addNote(customerId, body.getBody()));
    }

    @Override
    @RequiresScope(Scope.CUSTOMERS_WRITE)
    public NoteDto updateCustomerNote(UUID customerId, UUID noteId, String ifMatch, NoteWriteDto body, String actor) {
        return CustomerMasterMapper.toDto(book.updateNote(customerId, noteId, ifMatch, body.getBody()));
    }

    @Override
    @RequiresScope(Scope.CUSTOMERS_WRITE)
    public void deleteCustomerNote(UUID customerId, UUID noteId, String actor) {
        book.deleteNote(customerId, noteId);
    }

    @Override
    @Idempotent
    @RequiresScope(Scope.CUSTOMERS_WRITE)
    public RepAssignmentDto assignCustomerRep(UUID customerId, RepAssignDto body, String idempotencyKey, String actor) {
        return CustomerMasterMapper.toDto(book.assignRep(customerId, body.getRep(), Boolean.TRUE.equals(body.getPrimary())));
    }

    private CustomerDto detail(Customer customer) {
        return CustomerMasterMapper.toDetailDto(customer, book.book(customer),
                orders.of(customer.organizationId, customer.crmCustomerId));
    }
}
