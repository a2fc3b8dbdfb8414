package cn.jiyun.fulfillment.orders;

import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.shops.OrdersAwaitingMapping;
import cn.jiyun.fulfillment.shops.Shop;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** Counts a shop's orders that need attention, for the shop's page. */
@Component
class ShopOrdersAwaitingMapping implements OrdersAwaitingMapping {

    private final OrderService orders;

    ShopOrdersAwaitingMapping(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public long count(JiyunUser user, Shop shop) {
        return orders.list(user, new OrderFilter(OrderStatus.NEEDS_ATTENTION, shop.platform(), shop.platformShopId(),
                null, null, null, null, null, null), PageRequest.of(0, 1)).getTotalElements();
    }
}
