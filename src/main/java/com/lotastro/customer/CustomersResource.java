package com.lotastro.customer;

import com.lotastro.api.CustomersApi;
import com.lotastro.api.model.CrmCustomerDto;
import com.lotastro.api.model.CrmCustomerPageDto;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import com.lotastro.shared.security.RequiresScope;
import com.lotastro.shared.security.Scope;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

public class CustomersResource implements CustomersApi {
    @Inject
    CustomerCacheService customers;

    @Override
    @RequiresScope(Scope.CUSTOMERS_READ)
    public CrmCustomerPageDto listCrmCustomers(String search, Boolean stale, Integer limit, String cursor) {
        Instant now = Timestamps.now();
        Page<CrmCustomer> page = customers.search(search, stale, PageRequest.of(limit, cursor));
        return new CrmCustomerPageDto().data(page.map(c -> CustomerMapper.toDto(c, now)).items()).nextCursor(page.nextCursor());
    }

    @Override
    @RequiresScope(Scope.CUSTOMERS_READ)
    public CrmCustomerDto getCrmCustomer(UUID crmCustomerId) {
        return CustomerMapper.toDto(customers.get(crmCustomerId), Timestamps.now());
    }

    @Override
    @RequiresScope(Scope.CUSTOMERS_READ)
    public CrmCustomerDto refreshCrmCustomer(UUID crmCustomerId, String actor) {
        return CustomerMapper.toDto(customers.refresh(crmCustomerId), Timestamps.now());
    }
}
