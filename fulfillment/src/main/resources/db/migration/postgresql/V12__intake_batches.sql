-- Orders, their lines, parcels and tracking events take ids from sequences handed out 50 at a time,
-- so that intake can insert a page of orders in JDBC batches (identity ids come back row by row).
-- Each sequence starts above the ids already stored; an insert that names no id still draws from it.

ALTER TABLE orders ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE orders_seq INCREMENT BY 50 OWNED BY orders.id;
SELECT setval('orders_seq', (SELECT COALESCE(MAX(id), 0) + 50 FROM orders));
ALTER TABLE orders ALTER COLUMN id SET DEFAULT nextval('orders_seq');

ALTER TABLE order_line ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE order_line_seq INCREMENT BY 50 OWNED BY order_line.id;
SELECT setval('order_line_seq', (SELECT COALESCE(MAX(id), 0) + 50 FROM order_line));
ALTER TABLE order_line ALTER COLUMN id SET DEFAULT nextval('order_line_seq');

ALTER TABLE parcel ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE parcel_seq INCREMENT BY 50 OWNED BY parcel.id;
SELECT setval('parcel_seq', (SELECT COALESCE(MAX(id), 0) + 50 FROM parcel));
ALTER TABLE parcel ALTER COLUMN id SET DEFAULT nextval('parcel_seq');

ALTER TABLE tracking_event ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE tracking_event_seq INCREMENT BY 50 OWNED BY tracking_event.id;
SELECT setval('tracking_event_seq', (SELECT COALESCE(MAX(id), 0) + 50 FROM tracking_event));
ALTER TABLE tracking_event ALTER COLUMN id SET DEFAULT nextval('tracking_event_seq');
