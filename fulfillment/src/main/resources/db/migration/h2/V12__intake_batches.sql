-- Orders, their lines, parcels and tracking events take ids from sequences handed out 50 at a time,
-- so that intake can insert a page of orders in JDBC batches (identity ids come back row by row).
-- Each sequence starts above the ids already stored; an insert that names no id still draws from it.

ALTER TABLE orders ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE orders_seq START WITH (SELECT COALESCE(MAX(id), 0) + 100 FROM orders) INCREMENT BY 50;
ALTER TABLE orders ALTER COLUMN id SET DEFAULT NEXT VALUE FOR orders_seq;

ALTER TABLE order_line ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE order_line_seq START WITH (SELECT COALESCE(MAX(id), 0) + 100 FROM order_line) INCREMENT BY 50;
ALTER TABLE order_line ALTER COLUMN id SET DEFAULT NEXT VALUE FOR order_line_seq;

ALTER TABLE parcel ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE parcel_seq START WITH (SELECT COALESCE(MAX(id), 0) + 100 FROM parcel) INCREMENT BY 50;
ALTER TABLE parcel ALTER COLUMN id SET DEFAULT NEXT VALUE FOR parcel_seq;

ALTER TABLE tracking_event ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE tracking_event_seq START WITH (SELECT COALESCE(MAX(id), 0) + 100 FROM tracking_event) INCREMENT BY 50;
ALTER TABLE tracking_event ALTER COLUMN id SET DEFAULT NEXT VALUE FOR tracking_event_seq;
