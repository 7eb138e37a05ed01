package com.lotastro.customer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rows a customer owns: contacts, addresses, notes and rep assignments, oldest first. */
public final class CustomerBook {
    private CustomerBook() {
    }

    /** Rows that belong to one customer and carry {@code customerId} and {@code createdAt}: read the same way. */
    interface OwnedRows<T> extends PanacheRepositoryBase<T, UUID> {
        default List<T> of(UUID customerId) {
            return list("customerId = ?1 order by createdAt, id", customerId);
        }

        default Optional<T> find(UUID customerId, UUID id) {
            return find("customerId = ?1 and id = ?2", customerId, id).firstResultOptional();
        }
    }

    @ApplicationScoped
    public static class Contacts implements OwnedRows<CustomerContact> {
    }

    @ApplicationScoped
    public static class Addresses implements OwnedRows<CustomerAddress> {
    }

    @ApplicationScoped
    public static class Notes implements OwnedRows<CustomerNote> {
    }

    @ApplicationScoped
    public static class Reps implements PanacheRepositoryBase<RepAssignment, UUID> {
        public List<RepAssignment> of(UUID customerId) {
            return list("customerId = ?1 order by assignedAt, id", customerId);
        }

        public Optional<RepAssignment> currentPrimary(UUID customerId) {
            return find("customerId = ?1 and primary = true and endedAt is null", customerId).firstResultOptional();
        }

        public Optional<RepAssignment> current(UUID customerId, String rep) {
            return find("customerId = ?1 and rep = ?2 and endedAt is null", customerId, rep).firstResultOptional();
        }
    }
}
