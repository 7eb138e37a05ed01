package com.lotastro.customer;

import com.lotastro.api.model.AddressCreateDto;
import com.lotastro.api.model.AddressDto;
import com.lotastro.api.model.AddressUpdateDto;
import com.lotastro.api.model.ContactCreateDto;
import com.lotastro.api.model.ContactDto;
import com.lotastro.api.model.ContactRoleDto;
import com.lotastro.api.model.ContactUpdateDto;
import com.lotastro.api.model.CustomerCreateDto;
import com.lotastro.api.model.CustomerDto;
import com.lotastro.api.model.CustomerOrdersSummaryDto;
import com.lotastro.api.model.CustomerStatusDto;
import com.lotastro.api.model.CustomerUpdateDto;
import com.lotastro.api.model.NoteDto;
import com.lotastro.api.model.RepAssignmentDto;
import com.lotastro.shared.ContractValue;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.error.ApiException;
import java.util.EnumSet;
import java.util.Set;

final class CustomerMasterMapper {
    private CustomerMasterMapper() {
    }

    static CustomerService.NewCustomer toNewCustomer(CustomerCreateDto dto) {
        return new CustomerService.NewCustomer(dto.getCompanyName(), dto.getUniqueCode(), dto.getPaymentTerms(), dto.getTaxNumber());
    }

    static CustomerService.CustomerChanges toChanges(CustomerUpdateDto dto) {
        return new CustomerService.CustomerChanges(dto.getCompanyName(), dto.getUniqueCode(), dto.getPaymentTerms(),
                dto.getTaxNumber(), dto.getReason());
    }

    static CustomerBookService.ContactFields toContact(ContactCreateDto dto) {
        return new CustomerBookService.ContactFields(dto.getName(), dto.getEmail(), dto.getPhone(), dto.getTitle(),
                roles("roles", dto.getRoles()), roles("primary_roles", dto.getPrimaryRoles()));
    }

    static CustomerBookService.ContactFields toContact(ContactUpdateDto dto) {
        return new CustomerBookService.ContactFields(dto.getName(), dto.getEmail(), dto.getPhone(), dto.getTitle(),
                roles("roles", dto.getRoles()), roles("primary_roles", dto.getPrimaryRoles()));
    }

    static CustomerBookService.AddressFields toAddress(AddressCreateDto dto) {
        return new CustomerBookService.AddressFields(dto.getLabel(), dto.getLine1(), dto.getLine2(), dto.getDistrict(), dto.getCity(),
                dto.getPostalCode(), dto.getCountry(), dto.getPhone(), dto.getDefaultShipping(), dto.getDefaultBilling());
    }

    static CustomerBookService.AddressFields toAddress(AddressUpdateDto dto) {
        return new CustomerBookService.AddressFields(dto.getLabel(), dto.getLine1(), dto.getLine2(), dto.getDistrict(), dto.getCity(),
                dto.getPostalCode(), dto.getCountry(), dto.getPhone(), dto.getDefaultShipping(), dto.getDefaultBilling());
    }

    static CustomerDto toDto(Customer c) {
        return new CustomerDto()
                .id(c.id)
                .companyName(c.companyName)
                .companyKey(c.companyKey)
                .uniqueCode(c.uniqueCode)
                .paymentTerms(c.paymentTerms)
                .taxNumber(c.taxNumber)
                .crmCustomerId(c.crmCustomerId)
                .crmOwnedFields(c.crmOwnedFields().stream().map(CustomerDto.CrmOwnedFieldsEnum::fromValue).toList())
                .status(CustomerStatusDto.fromValue(c.status))
                .archivedAt(c.archivedAt == null ? null : Timestamps.utc(c.archivedAt))
                .version(c.version)
                .createdAt(Timestamps.utc(c.createdAt))
                .updatedAt(Timestamps.utc(c.updatedAt));
    }

    static CustomerDto toDetailDto(Customer c, CustomerBookService.Book book, CustomerOrders.Summary orders) {
        return toDto(c)
                .ordersSummary(new CustomerOrdersSummaryDto().total(orders.total()).open(orders.open())
                        .shipped(orders.shipped()).delivered(orders.delivered()).cancelled(orders.cancelled())
                        .lastOrderedAt(orders.lastOrderedAt() == null ? null : Timestamps.utc(orders.lastOrderedAt())))
                .contacts(book.contacts().stream().map(CustomerMasterMapper::toDto).toList())
                .addresses(book.addresses().stream().map(CustomerMasterMapper::toDto).toList())
                .notes(book.notes().stream().map(CustomerMasterMapper::toDto).toList())
                .reps(book.reps().stream().map(CustomerMasterMapper::toDto).toList());
    }

    static ContactDto toDto(CustomerContact c) {
        return new ContactDto()
                .id(c.id)
                .name(c.name)
                .email(c.email)
                .phone(c.phone)
                .title(c.title)
                .roles(roleDtos(c.roles))
                .primaryRoles(roleDtos(c.primaryRoles))
                .version(c.version)
                .createdAt(Timestamps.utc(c.createdAt));
    }

    static AddressDto toDto(CustomerAddress a) {
        return new AddressDto()
                .id(a.id)
                .label(a.label)
                .line1(a.line1)
                .line2(a.line2)
                .district(a.district)
                .city(a.city)
                .postalCode(a.postalCode)
                .country(a.country)
                .phone(a.phone)
                .defaultShipping(a.defaultShipping)
                .defaultBilling(a.defaultBilling)
                .lastUsedAt(a.lastUsedAt == null ? null : Timestamps.utc(a.lastUsedAt))
                .version(a.version)
                .createdAt(Timestamps.utc(a.createdAt));
    }

    static NoteDto toDto(CustomerNote n) {
        return new NoteDto()
                .id(n.id)
                .body(n.body)
                .author(n.author)
                .version(n.version)
                .createdAt(Timestamps.utc(n.createdAt))
                .updatedAt(Timestamps.utc(n.updatedAt));
    }

    static RepAssignmentDto toDto(RepAssignment r) {
        return new RepAssignmentDto()
                .id(r.id)
                .rep(r.rep)
                .primary(r.primary)
                .assignedBy(r.assignedBy)
                .assignedAt(Timestamps.utc(r.assignedAt))
                .endedAt(r.endedAt == null ? null : Timestamps.utc(r.endedAt));
    }

    /** A null in the array is refused, not dropped: the caller meant something by it. */
    private static Set<ContactRole> roles(String field, Set<ContactRoleDto> dtos) {
        Set<ContactRole> roles = EnumSet.noneOf(ContactRole.class);
        if (dtos == null) {
            return roles;
        }
        for (ContactRoleDto dto : dtos) {
            if (dto == null) {
                throw ApiException.invalid(field, "must not contain null");
            }
            roles.add(ContractValue.parse(ContactRole.class, dto.toString()));
        }
        return roles;
    }

    private static java.util.List<ContactRoleDto> roleDtos(Set<ContactRole> roles) {
        return roles.stream().sorted().map(role -> ContactRoleDto.fromValue(role.value())).toList();
    }
}
