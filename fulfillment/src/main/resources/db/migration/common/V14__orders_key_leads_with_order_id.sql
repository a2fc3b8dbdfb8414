-- The same unique key, its columns reordered: the intake looks a page's orders up with
-- platform_order_id IN (…), and H2 narrows an IN list through an index only on the index's first
-- column. Led by (platform, shop_id), each page scanned every order of its shop. (shop_id alone
-- has its own index, orders_shop.)
ALTER TABLE orders DROP CONSTRAINT orders_platform_order;
ALTER TABLE orders ADD CONSTRAINT orders_platform_order UNIQUE (platform_order_id, shop_id, platform);
