package cn.jiyun.fulfillment.shops;

import cn.jiyun.fulfillment.security.JiyunUser;

/**
 * How many of a shop's orders wait for a SKU mapping, as the user may see them. The orders feature
 * answers, so that the shop's page can say how many a new mapping released without shops depending on
 * orders (orders depend on shops: an order is a shop's).
 */
public interface OrdersAwaitingMapping {

    long count(JiyunUser user, Shop shop);
}
