package com.lotastro.support;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Direct reads of the database, to prove that a refused request changed nothing. */
public final class Db {
    /** Every table that holds an organization's rows; a refused request must leave each of them as it was. */
    private static final List<String> TENANT_TABLES = List.of(
            "api_keys", "catalog_items", "lots", "rolls", "inventory_transactions", "audit_events", "outbox_events",
            "supply_requests", "supply_request_status_history", "reservations", "reservation_lines", "roll_allocations",
            "shortage_decisions", "email_messages", "job_runs", "crm_connections", "crm_customers", "inbound_events",
            "idempotency_keys", "orders", "order_lines", "order_lots", "order_transitions", "shipment_approval_overrides",
            "webhook_endpoints", "webhook_deliveries", "webhook_attempts", "integration_feature_flags",
            "integration_sync_log");

    private Db() {
    }

    /** Row counts of every tenant table for one organization. */
    public static Map<String, Long> counts(DataSource dataSource, UUID organizationId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TENANT_TABLES) {
            counts.put(table, queryLong(dataSource, "select count(*) from " + table + " where organization_id = ?", organizationId));
        }
        return counts;
    }

    /**
     * A digest of every row of every tenant table of one organization (and how many organizations exist): equal
     * digests before and after a request mean the request changed nothing, updates included.
     */
    /**
     * A row as text without what webhook delivery writes in the background (an event's fan-out mark, an endpoint's
     * failure count and breaker, the deliveries and their attempts): a request did not change those.
     */
    private static final String BOOKKEEPING_FREE = "(to_jsonb(t) - array['fanned_out_at', 'consecutive_failures', "
            + "'failing_since', 'circuit_open_until'])::text";
    private static final java.util.Set<String> WRITTEN_BY_DELIVERY = java.util.Set.of("webhook_deliveries", "webhook_attempts");

    public static String fingerprint(DataSource dataSource, UUID organizationId) {
        StringBuilder sql = new StringBuilder("select concat_ws('|', (select count(*) from organizations)");
        List<String> tables = TENANT_TABLES.stream().filter(t -> !WRITTEN_BY_DELIVERY.contains(t)).toList();
        for (String table : tables) {
            sql.append(", (select md5(coalesce(string_agg(").append(BOOKKEEPING_FREE)
                    .append(", ',' order by t::text), '')) from ").append(table).append(" t where organization_id = ?)");
        }
        sql.append(")");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < tables.size(); i++) {
                ps.setObject(i + 1, organizationId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long queryLong(DataSource dataSource, String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One exact decimal (a NUMERIC column or sum), never rounded through a double or an integer. */
    public static BigDecimal queryDecimal(DataSource dataSource, String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String queryString(DataSource dataSource, String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(DataSource dataSource, String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }
}
