package cn.jiyun.fulfillment.support;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.cooperatives.Cooperatives;
import cn.jiyun.fulfillment.fleet.VehicleDetails;
import cn.jiyun.fulfillment.fleet.VehicleService;
import cn.jiyun.fulfillment.geo.Wgs84;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.hubs.HubService;
import cn.jiyun.fulfillment.hubs.HubService.HubDetails;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.producers.PickupWindow;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.producers.ProducerDetails;
import cn.jiyun.fulfillment.producers.ProducerService;
import cn.jiyun.fulfillment.security.AppUser;
import cn.jiyun.fulfillment.security.AppUsers;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.fulfillment.shops.ShopService.MappingDetails;
import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.OrderLine;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformOrderStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * Builds what a test needs through the same services the API uses. Every cooperative, user and
 * shop gets a unique name, so tests on a shared store never collide.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "test-password";

    private final Cooperatives cooperatives;
    private final AppUsers users;
    private final PasswordEncoder passwords;
    private final HubService hubs;
    private final ProducerService producers;
    private final VehicleService vehicles;
    private final ShopService shops;
    private final OrderService orders;

    Fixtures(Cooperatives cooperatives, AppUsers users, PasswordEncoder passwords, HubService hubs,
             ProducerService producers, VehicleService vehicles, ShopService shops, OrderService orders) {
        this.cooperatives = cooperatives;
        this.users = users;
        this.passwords = passwords;
        this.hubs = hubs;
        this.producers = producers;
        this.vehicles = vehicles;
        this.shops = shops;
        this.orders = orders;
    }

    /** A cooperative serving Ningxia and its surroundings. */
    public Cooperative cooperative() {
        return cooperatives.save(new Cooperative("测试合作社 " + unique(), Wgs84.box(104.0, 35.0, 108.0, 39.6)));
    }

    /** A user of the cooperative in that role; an operator belongs to no cooperative. */
    public JiyunUser user(Cooperative cooperative, Role role) {
        if (role == Role.OPERATOR) {
            AppUser operator = users.save(AppUser.operator("operator-" + unique(), passwords.encode(PASSWORD),
                    "test operator"));
            return new JiyunUser(operator.id(), null, operator.username(), operator.passwordHash(), role, true);
        }
        AppUser user = users.save(new AppUser(cooperative.id(), role.name().toLowerCase() + "-" + unique(),
                passwords.encode(PASSWORD), role, "test user"));
        return new JiyunUser(user.id(), cooperative.id(), user.username(), user.passwordHash(), role, true);
    }

    public Hub hub(Cooperative cooperative, String name, double longitude, double latitude) {
        return hubs.create(cooperative.id(), new HubDetails(name, "640521", "测试物流园",
                Wgs84.point(longitude, latitude), LocalTime.of(7, 0), LocalTime.of(20, 0), LocalTime.of(17, 30)));
    }

    public Producer producer(Cooperative cooperative, String name, double longitude, double latitude) {
        return producers.create(cooperative.id(), new ProducerDetails(name, "马先生", "13900000000", "测试村 1 组",
                "640521", Wgs84.point(longitude, latitude), false,
                List.of(new PickupWindow(LocalTime.of(8, 0), LocalTime.of(18, 0)))));
    }

    public void vehicle(Cooperative cooperative, Hub hub) {
        vehicles.create(cooperative.id(), new VehicleDetails(hub.id(), "测试货车", "宁E·00001", 1_500, 9_000, false,
                220, 30_000, LocalTime.of(7, 30), LocalTime.of(18, 30), null));
    }

    public Shop shop(Cooperative cooperative, Platform platform, Long sellerUserId) {
        return shops.register(cooperative.id(), platform, "shop" + unique(), "测试店铺", sellerUserId,
                new ShopService.Grant("access-" + unique(), "refresh-" + unique(), Instant.now().plusSeconds(86_400)));
    }

    /** Maps a SKU of the shop to the producer: one unit weighs {@code grams}. */
    public String sku(Cooperative cooperative, Shop shop, Producer producer, int grams) {
        String sku = "sku" + unique();
        shops.map(cooperative.id(), shop.id(), new MappingDetails(sku, producer.id(), "中宁枸杞 500g", grams, 2_000,
                false));
        return sku;
    }

    /** A paid order of one line of the SKU, placed now. */
    public Order paidOrder(Shop shop, String sku, int quantity) {
        Instant paid = Instant.now().minus(Duration.ofHours(1));
        return orders.place(shop, new CanonicalOrder(shop.platform(), shop.platformShopId(), "o" + unique(),
                PlatformOrderStatus.PAID, paid, paid, paid, paid.plus(Duration.ofHours(48)),
                List.of(new OrderLine(sku, "中宁枸杞 500g", quantity, 6_800L * quantity)), 6_800L * quantity,
                "广东省", "深圳市", ""), "test");
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
