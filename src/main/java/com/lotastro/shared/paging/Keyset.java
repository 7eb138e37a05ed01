package com.lotastro.shared.paging;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * Keyset pagination over (created_at, id) for Panache queries: stable under concurrent inserts, unlike offsets.
 * Usage: append {@link #clause()} to the where clause, bind {@link #bind(Parameters)}, sort by {@link #SORT}.
 */
public final class Keyset {
    public static final Sort SORT = Sort.ascending("createdAt", "id");
    public static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

    private Keyset() {
    }

    public static String clause(PageRequest page) {
        return page.after() == null ? "" : " and (createdAt > :cursorAt or (createdAt = :cursorAt and id > :cursorId))";
    }

    public static String clauseNewestFirst(PageRequest page) {
        return page.after() == null ? "" : " and (createdAt < :cursorAt or (createdAt = :cursorAt and id < :cursorId))";
    }

    public static Parameters bind(Parameters parameters, PageRequest page) {
        if (page.after() != null) {
            parameters.and("cursorAt", page.after().createdAt()).and("cursorId", page.after().id());
        }
        return parameters;
    }
}
