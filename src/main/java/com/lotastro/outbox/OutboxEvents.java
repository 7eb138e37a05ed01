package com.lotastro.outbox;

import com.lotastro.shared.error.ApiException;
import com.lotastro.shared.error.ErrorCode;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class OutboxEvents implements PanacheRepositoryBase<OutboxEvent, UUID> {

    public record Filter(String type, String aggregateType, UUID aggregateId) {
    }

    /** A page of the feed and, unless it is the last for now, the position to continue after. */
    public record FeedPage(List<OutboxEvent> items, String nextCursor) {
    }

    /** Where a reader stands in the feed: the writing transaction's id and the event's position within the outbox. */
    record FeedPosition(String txid, long position) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((txid + ":" + position).getBytes(StandardCharsets.UTF_8));
        }

        static FeedPosition decode(String token) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                int colon = raw.indexOf(':');
                String txid = raw.substring(0, colon);
                Long.parseUnsignedLong(txid);
                return new FeedPosition(txid, Long.parseLong(raw.substring(colon + 1)));
            } catch (RuntimeException e) {
                throw new ApiException(ErrorCode.INVALID_CURSOR, "cursor is not a next_cursor this API returned");
            }
        }
    }

    /**
     * The feed never skips a committed event: it is ordered by the id of the transaction that wrote each event (then
     * by position), and shows an event only once every transaction older than the oldest one still running has
     * finished ({@code txid < pg_snapshot_xmin(pg_current_snapshot())}). An event that commits late, behind newer
     * ones, therefore appears before them, never behind a cursor a reader already holds. The price: while any
     * transaction runs, events written after it began wait for it to end.
     */
    public FeedPage feed(UUID organizationId, Filter filter, PageRequest page, String cursor) {
        FeedPosition after = cursor == null || cursor.isEmpty() ? null : FeedPosition.decode(cursor);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select o.id, o.txid::text, o.position from outbox_events o
                        where o.organization_id = :org
                          and o.txid < pg_snapshot_xmin(pg_current_snapshot())
                          and (cast(:type as text) is null or o.event_type = cast(:type as text))
                          and (cast(:aggregateType as text) is null or o.aggregate_type = cast(:aggregateType as text))
                          and (cast(:aggregateId as uuid) is null or o.aggregate_id = cast(:aggregateId as uuid))
                          and (cast(:afterTxid as text) is null
                               or (o.txid, o.position) > (cast(cast(:afterTxid as text) as xid8), cast(:afterPosition as bigint)))
                        order by o.txid, o.position
                        limit :limit""")
                .setParameter("org", organizationId)
                .setParameter("type", filter.type())
                .setParameter("aggregateType", filter.aggregateType())
                .setParameter("aggregateId", filter.aggregateId())
                .setParameter("afterTxid", after == null ? null : after.txid())
                .setParameter("afterPosition", after == null ? 0L : after.position())
                .setParameter("limit", page.limit() + 1)
                .getResultList();
        boolean more = rows.size() > page.limit();
        List<Object[]> shown = more ? rows.subList(0, page.limit()) : rows;
        List<UUID> ids = shown.stream().map(r -> (UUID) r[0]).toList();
        Map<UUID, OutboxEvent> byId = ids.isEmpty() ? Map.of()
                : list("id in ?1", ids).stream().collect(Collectors.toMap(e -> e.id, Function.identity()));
        List<OutboxEvent> items = ids.stream().map(byId::get).toList();
        String next = null;
        if (more) {
            Object[] last = shown.get(shown.size() - 1);
            next = new FeedPosition((String) last[1], ((Number) last[2]).longValue()).encode();
        }
        return new FeedPage(items, next);
    }

}
