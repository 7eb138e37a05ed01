package com.lotastro.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rules on the customer entities, without Quarkus. */
class CustomerRulesTest {

    @Test
    void shouldRefuseLocalEditsOfCrmOwnedFieldsOnlyForLinkedCustomers() {
        Customer customer = new Customer();
        customer.status = Customer.ACTIVE;
        customer.requireLocallyEditable(List.of("company_name", "tax_number"));
        customer.crmCustomerId = UUID.randomUUID();
        customer.requireLocallyEditable(List.of("tax_number"));
        assertThatThrownBy(() -> customer.requireLocallyEditable(List.of("tax_number", "payment_terms")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.OWNED_BY_CRM));
    }

    @Test
    void shouldYieldOnlyThePrimaryRolesAnotherContactTakes() {
        CustomerContact contact = new CustomerContact();
        contact.roles = EnumSet.of(ContactRole.BILLING, ContactRole.SHIPPING);
        contact.primaryRoles = EnumSet.of(ContactRole.BILLING, ContactRole.SHIPPING);
        assertThat(contact.yieldPrimary(EnumSet.of(ContactRole.EXECUTIVE))).isFalse();
        assertThat(contact.yieldPrimary(EnumSet.of(ContactRole.SHIPPING))).isTrue();
        assertThat(contact.primaryRoles).containsExactly(ContactRole.BILLING);
    }

    @Test
    void shouldStoreRoleSetsInAFixedOrder() {
        ContactRole.SetConverter converter = new ContactRole.SetConverter();
        String column = converter.convertToDatabaseColumn(EnumSet.of(ContactRole.EXECUTIVE, ContactRole.BILLING));
        assertThat(column).isEqualTo("billing,executive");
        assertThat(converter.convertToEntityAttribute(column)).containsExactly(ContactRole.BILLING, ContactRole.EXECUTIVE);
        assertThat(converter.convertToEntityAttribute("")).isEmpty();
    }
}
