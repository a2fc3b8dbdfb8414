-- H2 gives every foreign key an index of its own when the table is created (CONSTRAINT_INDEX_…), so the
-- indexes the shared migrations add for PostgreSQL, which makes none, stood twice on the same columns here,
-- and every insert updated both. The intake path pays for four of them on each order (its lines, its
-- parcels by order and by producer, its tracking events). The foreign keys' own indexes answer the same
-- lookups; the duplicates go.
DROP INDEX hub_cooperative;
DROP INDEX producer_cooperative;
DROP INDEX order_line_order;
DROP INDEX parcel_order;
DROP INDEX parcel_producer;
DROP INDEX parcel_pickup_order;
DROP INDEX plan_route_courier;
DROP INDEX tracking_event_order;
