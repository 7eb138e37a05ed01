package com.lotastro.shared.paging;

/** A page size and the position to continue after (none for the first page). */
public record PageRequest(int limit, Cursor after) {
    public static final int DEFAULT_LIMIT = 50;

    public static PageRequest of(Integer limit, String cursor) {
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit, cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor));
    }
}
