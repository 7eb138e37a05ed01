package com.lotastro.shared.paging;

import java.util.List;
import java.util.function.Function;

/** One page of rows and, unless it is the last, the cursor of the next. */
public record Page<T>(List<T> items, Cursor next) {

    /** Builds a page from a query that fetched one row more than asked, which tells whether more follow. */
    public static <T> Page<T> fromOverfetch(List<T> rows, PageRequest request, Function<T, Cursor> position) {
        if (rows.size() <= request.limit()) {
            return new Page<>(rows, null);
        }
        List<T> page = rows.subList(0, request.limit());
        return new Page<>(page, position.apply(page.get(page.size() - 1)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }

    public String nextCursor() {
        return next == null ? null : next.encode();
    }
}
