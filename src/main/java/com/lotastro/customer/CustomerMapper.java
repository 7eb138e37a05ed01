package com.lotastro.customer;

import com.lotastro.api.model.CrmCustomerDto;
import com.lotastro.shared.Timestamps;
import java.time.Instant;

final class CustomerMapper {
    private CustomerMapper() {
    }

    static CrmCustomerDto toDto(CrmCustomer c, Instant now) {
        return new CrmCustomerDto()
                .crmCustomerId(c.crmCustomerId)
                .companyName(c.companyName)
                .uniqueCode(c.uniqueCode)
                .contactName(c.contactName)
                .contactEmail(c.contactEmail)
                .contactPhone(c.contactPhone)
                .paymentTerms(c.paymentTerms)
                .address(c.address)
                .city(c.city)
                .country(c.country)
                .version(c.crmVersion)
                .cachedAt(Timestamps.utc(c.cachedAt))
                .staleAt(Timestamps.utc(c.staleAt))
                .stale(CustomerCacheService.isStale(c, now));
    }
}
