-- Each order's public tracking link: an unguessable token, shown to anyone who has the link.
ALTER TABLE orders ADD COLUMN tracking_token VARCHAR(64);
CREATE UNIQUE INDEX orders_tracking_token ON orders (tracking_token);
