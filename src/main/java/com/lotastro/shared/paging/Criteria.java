package com.lotastro.shared.paging;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import java.util.UUID;
import java.util.function.Function;

/**
 * A Panache where clause for list endpoints: always scoped to one organization, optional filters that apply
 * only when a value is given, then keyset paging by (createdAt, id).
 */
public final class Criteria {
    private final StringBuilder where = new StringBuilder("organizationId = :org");
    private final Parameters params;

    private Criteria(UUID organizationId) {
        this.params = Parameters.with("org", organizationId);
    }

    public static Criteria forOrganization(UUID organizationId) {
        return new Criteria(organizationId);
    }

    public Criteria eq(String field, Object value) {
        return when(value, field + " = :", field);
    }

    public Criteria atLeast(String field, Object value) {
        return when(value, field + " >= :", field + "Min");
    }

    public Criteria before(String field, Object value) {
        return when(value, field + " < :", field + "Max");
    }

    /** A free-form condition with one named parameter, applied only when the value is given. */
    public Criteria condition(String clause, String parameter, Object value) {
        if (value != null) {
            where.append(" and ").append(clause);
            params.and(parameter, value);
        }
        return this;
    }

    /** A free-form condition with two named parameters, always applied. */
    public Criteria condition(String clause, String first, Object firstValue, String second, Object secondValue) {
        where.append(" and (").append(clause).append(')');
        params.and(first, firstValue).and(second, secondValue);
        return this;
    }

    /** A condition without parameters, e.g. one derived from an enum the caller picked. */
    public Criteria clause(String condition) {
        where.append(" and (").append(condition).append(')');
        return this;
    }

    private Criteria when(Object value, String clausePrefix, String name) {
        String parameter = name.replace('.', '_');
        return condition(clausePrefix + parameter, parameter, value);
    }

    /** Oldest first. */
    public <T> Page<T> page(PanacheRepositoryBase<T, ?> repository, PageRequest page, Function<T, Cursor> position) {
        return fetch(repository, where + Keyset.clause(page), Keyset.SORT, page, position);
    }

    /** Newest first, for histories read from the end (job runs). */
    public <T> Page<T> pageNewestFirst(PanacheRepositoryBase<T, ?> repository, PageRequest page, Function<T, Cursor> position) {
        return fetch(repository, where + Keyset.clauseNewestFirst(page), Keyset.NEWEST_FIRST, page, position);
    }

    private <T> Page<T> fetch(PanacheRepositoryBase<T, ?> repository, String query, io.quarkus.panache.common.Sort sort,
                              PageRequest page, Function<T, Cursor> position) {
        return Page.fromOverfetch(repository.find(query, sort, Keyset.bind(params, page)).range(0, page.limit()).list(),
                page, position);
    }
}
