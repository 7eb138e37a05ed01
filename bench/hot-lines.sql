-- Active reservation lines on the two hot items: 100 on HOT-100, 10,000 on HOT-10000 (the counters follow them).
WITH it AS (SELECT id, organization_id, q.lines FROM catalog_items
            JOIN (VALUES ('HOT-100', 100), ('HOT-10000', 10000)) q(code, lines) ON q.code = quality_code),
     r AS (INSERT INTO reservations (id, organization_id, crm_deal_id, crm_customer_id, status, ship_intent, allocation_state,
                                     version, created_at, updated_at)
           SELECT gen_random_uuid(), it.organization_id, gen_random_uuid(), it.id, 'active', 'unknown', 'unallocated', 0, now(), now()
           FROM it, generate_series(1, it.lines)
           RETURNING id, organization_id, crm_customer_id item)
INSERT INTO reservation_lines (id, organization_id, reservation_id, crm_deal_line_id, catalog_item_id, meters, planned_meters,
                               allocated_meters, unbacked_meters, position, created_at)
SELECT gen_random_uuid(), r.organization_id, r.id, gen_random_uuid(), r.item, 1.00, 0, 0, 0, 0, now() FROM r;
CREATE SCHEMA IF NOT EXISTS bench;
DROP TABLE IF EXISTS bench.bench_items;
CREATE TABLE bench.bench_items AS
  SELECT (row_number() OVER (ORDER BY quality_code) - 1)::int n, id, organization_id FROM catalog_items WHERE quality_code LIKE 'BQ-%';
CREATE UNIQUE INDEX ON bench.bench_items (n);
ANALYZE;
