package cn.jiyun.fulfillment.demo;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.cooperatives.CooperativeService;
import cn.jiyun.fulfillment.demo.NingxiaPlaces.County;
import cn.jiyun.fulfillment.demo.NingxiaPlaces.Township;
import cn.jiyun.fulfillment.ewaybills.CarrierAccount;
import cn.jiyun.fulfillment.ewaybills.CarrierAccountService;
import cn.jiyun.fulfillment.fleet.VehicleDetails;
import cn.jiyun.fulfillment.fleet.VehicleService;
import cn.jiyun.fulfillment.geo.Wgs84;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.hubs.HubService.HubDetails;
import cn.jiyun.fulfillment.hubs.HubService;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.producers.PickupWindow;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.producers.ProducerDetails;
import cn.jiyun.fulfillment.producers.ProducerService;
import cn.jiyun.fulfillment.security.AppUser;
import cn.jiyun.fulfillment.security.AppUsers;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.ShopService.MappingDetails;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.fulfillment.shops.SkuMapping;
import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.EWaybillAccount;
import cn.jiyun.integrations.OrderLine;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformOrderStatus;
import cn.jiyun.integrations.sandbox.SandboxEWaybillAccounts;
import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Loads the demo cooperative into an empty store: 宁夏塞上农品合作社 with hubs at the county seats of
 * 中宁县 (goji), 利通区 (dairy, leather) and 盐池县 (Tan sheep), synthetic producers around real
 * township points, a mixed fleet, four shops on three platforms, and orders awaiting pickup.
 */
@Component
@Order(20)
class DemoCooperative implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCooperative.class);
    static final String PASSWORD = "demo";

    /** What a demo producer makes. */
    enum Goods {
        GOJI("枸杞", false), MUTTON("滩羊肉", true), MILK("鲜奶", true), LEATHER("手工皮具", false);

        final String chineseName;
        final boolean chilled;

        Goods(String chineseName, boolean chilled) {
            this.chineseName = chineseName;
            this.chilled = chilled;
        }
    }

    /** A product a demo shop sells: packed weight (g) and volume (ml) of one unit, price in fen. */
    record Product(Goods goods, String name, int grams, int ml, long priceFen) {
    }

    private static final Map<Goods, List<Product>> CATALOGUE = Map.of(
            Goods.GOJI, List.of(
                    new Product(Goods.GOJI, "中宁头茬枸杞 500g 礼盒", 650, 2_000, 6_800),
                    new Product(Goods.GOJI, "枸杞原浆 30ml×10袋", 800, 1_500, 9_900)),
            Goods.MUTTON, List.of(
                    new Product(Goods.MUTTON, "盐池滩羊羊排 2.5kg 冷链", 3_200, 6_000, 29_800),
                    new Product(Goods.MUTTON, "盐池滩羊后腿 2kg 冷链", 2_600, 5_000, 23_800)),
            Goods.MILK, List.of(
                    new Product(Goods.MILK, "塞上鲜牛奶 950ml×6 冷链", 6_500, 7_500, 8_800),
                    new Product(Goods.MILK, "手工老酸奶 200g×12 冷链", 3_000, 4_000, 6_900)),
            Goods.LEATHER, List.of(
                    new Product(Goods.LEATHER, "手工雕花牛皮包", 1_200, 9_000, 45_800),
                    new Product(Goods.LEATHER, "雕花牛皮钱包", 300, 800, 12_800)));

    /** A demo hub: the county seat it stands at and the goods its producers mostly make. */
    private record HubPlan(String countyCode, String hubName, String plateprefix, Goods mainGoods,
                           Goods otherGoods) {
    }

    private static final List<HubPlan> HUBS = List.of(
            new HubPlan("640521", "中宁县枸杞物流集散中心", "宁E", Goods.GOJI, Goods.LEATHER),
            new HubPlan("640302", "吴忠市利通区农产品集运站", "宁C", Goods.MILK, Goods.LEATHER),
            new HubPlan("640323", "盐池县滩羊冷链集运站", "宁C", Goods.MUTTON, Goods.GOJI));

    /** How far from its hub the member villages lie, and how many of them there are per hub. */
    private static final double MEMBER_RADIUS_METRES = 45_000;
    private static final int MEMBER_TOWNSHIPS = 12;
    private static final int MIN_MEMBER_TOWNSHIPS = 4;
    /** How steeply a livestream's sales fall from its best-selling producer to the rest (Zipf exponent). */
    private static final double POPULARITY_SKEW = 1.0;

    private static final String[] SURNAMES = {"马", "王", "李", "张", "杨", "丁", "田", "周", "海", "金"};
    private static final String[][] DESTINATIONS = {
            {"广东省", "深圳市"}, {"广东省", "广州市"}, {"上海市", "上海市"}, {"北京市", "北京市"},
            {"浙江省", "杭州市"}, {"江苏省", "南京市"}, {"四川省", "成都市"}, {"湖北省", "武汉市"},
            {"陕西省", "西安市"}, {"山东省", "济南市"}, {"宁夏回族自治区", "银川市"}, {"福建省", "厦门市"}};

    private final DemoProperties properties;
    private final CooperativeService cooperatives;
    private final AppUsers users;
    private final PasswordEncoder passwords;
    private final HubService hubs;
    private final ProducerService producers;
    private final VehicleService vehicles;
    private final ShopService shops;
    private final OrderService orders;
    private final Clock clock;
    private final DemoSandbox sandbox;
    private final CarrierAccountService carrierAccounts;

    DemoCooperative(DemoProperties properties, CooperativeService cooperatives, AppUsers users, PasswordEncoder passwords,
                    HubService hubs, ProducerService producers, VehicleService vehicles, ShopService shops,
                    OrderService orders, Clock clock, DemoSandbox sandbox, CarrierAccountService carrierAccounts) {
        this.sandbox = sandbox;
        this.carrierAccounts = carrierAccounts;
        this.properties = properties;
        this.cooperatives = cooperatives;
        this.users = users;
        this.passwords = passwords;
        this.hubs = hubs;
        this.producers = producers;
        this.vehicles = vehicles;
        this.shops = shops;
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.enabled() || cooperatives.anyRegistered()) {
            return;
        }
        long started = System.nanoTime();
        Random random = new Random(properties.seed());
        Cooperative coop = cooperatives.register("宁夏塞上农品合作社（演示）", Wgs84.box(104.0, 35.0, 108.0, 39.6));
        Long id = coop.id();
        users.save(AppUser.operator("operator", passwords.encode(PASSWORD), "集运运营（演示）"));
        users.save(new AppUser(id, "coop-admin", passwords.encode(PASSWORD), Role.COOP_ADMIN, "合作社管理员（演示）"));
        AppUser courier = users.save(new AppUser(id, "courier-1", passwords.encode(PASSWORD), Role.COURIER,
                "司机 1 号（演示）"));
        AppUser seller = users.save(new AppUser(id, "seller-1", passwords.encode(PASSWORD), Role.SELLER,
                "主播 1 号（演示）"));

        List<Hub> hubList = createHubs(id);
        createFleet(id, hubList, courier.id());
        createEWaybillAccounts(id, hubList.get(0));
        Map<Goods, List<Producer>> byGoods = createProducers(id, hubList, random);
        Map<Goods, ShopWithSkus> shopsByGoods = createShops(id, seller.id(), byGoods);
        int placed = createOrders(shopsByGoods, random);
        // before this transaction commits and the new shops are handed to their connectors
        sandbox.open();
        log.info("Loaded the demo cooperative: {} hubs, {} producers, {} orders in {} ms", hubList.size(),
                byGoods.values().stream().mapToInt(List::size).sum(), placed,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private List<Hub> createHubs(Long cooperativeId) {
        Map<String, County> counties = new java.util.HashMap<>();
        NingxiaPlaces.counties().forEach(c -> counties.put(c.code(), c));
        List<Hub> created = new ArrayList<>();
        for (HubPlan plan : HUBS) {
            County seat = counties.get(plan.countyCode());
            created.add(hubs.create(cooperativeId, new HubDetails(plan.hubName(), seat.code(),
                    seat.city() + seat.name() + "县城物流园", Wgs84.point(seat.longitude(), seat.latitude()),
                    LocalTime.of(7, 0), LocalTime.of(20, 0), LocalTime.of(17, 30))));
        }
        return created;
    }

    /** The demo's contract with ZTO on each platform: the accounts the sandbox's e-waybill service knows. */
    private void createEWaybillAccounts(Long cooperativeId, Hub hub) {
        for (Platform platform : List.of(Platform.DOUYIN, Platform.KUAISHOU, Platform.WECHAT)) {
            EWaybillAccount account = SandboxEWaybillAccounts.of(platform, Carrier.ZTO);
            carrierAccounts.save(cooperativeId, new CarrierAccountService.Details(platform, account.carrier(),
                    account.branchCode(), account.accountId(), account.secret(),
                    new CarrierAccount.Sender(hub.name(), "13995000000", "宁夏回族自治区", "中卫市", "中宁县",
                            hub.address()), true));
        }
    }

    /**
     * Each hub: four vehicles fitted to what its producers make. The goji hub runs two vans, a
     * refrigerated van and an electric tricycle; the dairy and Tan-sheep hubs, whose parcels are mostly
     * chilled, run three refrigerated vans and one van. courier-1 drives the first hub's vans.
     */
    private void createFleet(Long cooperativeId, List<Hub> hubList, Long courierId) {
        int plate = 10_000;
        for (int h = 0; h < hubList.size(); h++) {
            Hub hub = hubList.get(h);
            HubPlan plan = HUBS.get(h);
            Long driver = h == 0 ? courierId : null;
            List<VehicleDetails> fleet = new ArrayList<>();
            if (plan.mainGoods().chilled) {
                for (String name : List.of("冷藏车 A", "冷藏车 B", "冷藏车 C")) {
                    fleet.add(refrigeratedVan(hub, name, plan.plateprefix() + "·" + (plate++), driver));
                }
                fleet.add(van(hub, "厢式货车", plan.plateprefix() + "·" + (plate++), driver));
            } else {
                fleet.add(van(hub, "厢式货车 A", plan.plateprefix() + "·" + (plate++), driver));
                fleet.add(van(hub, "厢式货车 B", plan.plateprefix() + "·" + (plate++), driver));
                fleet.add(refrigeratedVan(hub, "冷藏车", plan.plateprefix() + "·" + (plate++), driver));
                fleet.add(new VehicleDetails(hub.id(), "电动三轮车", plan.plateprefix() + "·" + (plate++), 300, 1_500,
                        false, 30, 9_000, LocalTime.of(8, 0), LocalTime.of(17, 0), null));
            }
            fleet.forEach(v -> vehicles.create(cooperativeId, v));
        }
    }

    private static VehicleDetails van(Hub hub, String name, String plate, Long driver) {
        return new VehicleDetails(hub.id(), name, plate, 1_500, 9_000, false, 120, 22_000, LocalTime.of(7, 30),
                LocalTime.of(18, 30), driver);
    }

    private static VehicleDetails refrigeratedVan(Hub hub, String name, String plate, Long driver) {
        return new VehicleDetails(hub.id(), name, plate, 1_200, 7_000, true, 180, 30_000, LocalTime.of(6, 30),
                LocalTime.of(17, 30), driver);
    }

    private Map<Goods, List<Producer>> createProducers(Long cooperativeId, List<Hub> hubList, Random random) {
        // a cooperative's members live in a handful of villages around each hub, not spread over the
        // whole county: each hub gets up to MEMBER_TOWNSHIPS of the townships within MEMBER_RADIUS of it
        Map<Hub, List<Township>> around = new java.util.LinkedHashMap<>();
        for (Hub hub : hubList) {
            List<Township> near = new ArrayList<>(NingxiaPlaces.townships().stream()
                    .sorted(Comparator.comparingDouble(t -> metresTo(hub, t)))
                    .filter(t -> nearestHub(hubList, t) == hub)
                    .toList());
            List<Township> members = new ArrayList<>(near.stream()
                    .filter(t -> metresTo(hub, t) <= MEMBER_RADIUS_METRES).toList());
            if (members.size() < MIN_MEMBER_TOWNSHIPS) {
                members = new ArrayList<>(near.subList(0, Math.min(MIN_MEMBER_TOWNSHIPS, near.size())));
            }
            java.util.Collections.shuffle(members, random);
            around.put(hub, members.subList(0, Math.min(MEMBER_TOWNSHIPS, members.size())));
        }
        Map<Goods, List<Producer>> byGoods = new EnumMap<>(Goods.class);
        for (Goods g : Goods.values()) {
            byGoods.put(g, new ArrayList<>());
        }
        int perHub = properties.producers() / hubList.size();
        for (int h = 0; h < hubList.size(); h++) {
            Hub hub = hubList.get(h);
            HubPlan plan = HUBS.get(h);
            List<Township> places = around.get(hub);
            int count = h == hubList.size() - 1 ? properties.producers() - perHub * (hubList.size() - 1) : perHub;
            for (int i = 0; i < count; i++) {
                Township t = places.get(random.nextInt(places.size()));
                Goods goods = random.nextDouble() < 0.75 ? plan.mainGoods() : plan.otherGoods();
                // scattered up to ~4 km around the township point: a synthetic farm, not a real one
                double lon = t.longitude() + (random.nextDouble() - 0.5) * 0.09;
                double lat = t.latitude() + (random.nextDouble() - 0.5) * 0.07;
                String surname = SURNAMES[random.nextInt(SURNAMES.length)];
                String shortTown = t.name().replace("街道办事处", "街道");
                ProducerDetails details = new ProducerDetails(
                        surname + "家" + goods.chineseName + (goods == Goods.LEATHER ? "工坊" : "农场") + "（" + shortTown
                                + "，演示）",
                        surname + (random.nextBoolean() ? "先生" : "女士"),
                        String.format("1390951%04d", byGoods.values().stream().mapToInt(List::size).sum()),
                        t.county() + shortTown + (1 + random.nextInt(12)) + "组",
                        t.countyCode(), Wgs84.point(lon, lat), goods.chilled, windows(goods, random));
                byGoods.get(goods).add(producers.create(cooperativeId, details, true));
            }
        }
        return byGoods;
    }

    private static double metresTo(Hub hub, Township t) {
        return Wgs84.metresBetween(Wgs84.point(t.longitude(), t.latitude()), hub.location());
    }

    private static Hub nearestHub(List<Hub> hubList, Township t) {
        return hubList.stream().min(Comparator.comparingDouble(h -> metresTo(h, t))).orElseThrow();
    }

    private static List<PickupWindow> windows(Goods goods, Random random) {
        if (goods == Goods.MILK) {
            // milked at dawn, collected in the morning
            return List.of(new PickupWindow(LocalTime.of(6, 30), LocalTime.of(11, 0)));
        }
        double r = random.nextDouble();
        if (r < 0.6) {
            return List.of(new PickupWindow(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                    new PickupWindow(LocalTime.of(14, 0), LocalTime.of(18, 0)));
        }
        if (r < 0.9) {
            return List.of(new PickupWindow(LocalTime.of(9, 0), LocalTime.of(17, 0)));
        }
        return List.of(new PickupWindow(LocalTime.of(13, 0), LocalTime.of(18, 0)));
    }

    /** A demo shop and the SKUs it sells, each made by one producer. */
    private record ShopWithSkus(Shop shop, List<Sku> skus) {
    }

    private record Sku(SkuMapping mapping, Product product) {
    }

    private Map<Goods, ShopWithSkus> createShops(Long cooperativeId, Long sellerId, Map<Goods, List<Producer>> byGoods) {
        record ShopPlan(Goods goods, Platform platform, String shopId, String name, boolean seller) {
        }
        List<ShopPlan> plans = List.of(
                new ShopPlan(Goods.GOJI, Platform.DOUYIN, "71820001", "宁夏红枸杞旗舰店（演示）", true),
                new ShopPlan(Goods.MUTTON, Platform.KUAISHOU, "5520018", "盐池滩羊鲜肉直供（演示）", false),
                new ShopPlan(Goods.MILK, Platform.WECHAT, "wx_sx_milk_01", "塞上鲜奶铺（演示）", false),
                new ShopPlan(Goods.LEATHER, Platform.DOUYIN, "71820002", "贺兰山手工皮具（演示）", true));
        Map<Goods, ShopWithSkus> result = new EnumMap<>(Goods.class);
        long skuNumber = 3_571_000_000L;
        for (ShopPlan plan : plans) {
            // the demo shops' tokens are the ones the platform sandbox issues for them
            String token = "demo-" + plan.platform().name().toLowerCase(java.util.Locale.ROOT) + "-" + plan.shopId();
            Shop shop = shops.register(cooperativeId, plan.platform(), plan.shopId(), plan.name(),
                    plan.seller() ? sellerId : null, new ShopService.Grant(token + "-access", token + "-refresh",
                            null));
            List<Sku> skus = new ArrayList<>();
            for (Producer producer : byGoods.get(plan.goods())) {
                for (Product product : CATALOGUE.get(plan.goods())) {
                    SkuMapping mapping = shops.map(cooperativeId, shop.id(), new MappingDetails(
                            Long.toString(skuNumber++), producer.id(), product.name(), product.grams(), product.ml(),
                            product.goods().chilled));
                    skus.add(new Sku(mapping, product));
                }
            }
            result.put(plan.goods(), new ShopWithSkus(shop, skus));
        }
        return result;
    }

    private int createOrders(Map<Goods, ShopWithSkus> shopsByGoods, Random random) {
        // to the microsecond the stores keep: the sandbox serves these orders from memory in the loading
        // transaction, and they must be the instants intake later finds stored
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<ShopWithSkus> shopList = List.copyOf(shopsByGoods.values());
        long orderNumber = 6_921_000_000_000_000_000L / 1000;
        Map<ShopWithSkus, Popularity> popularity = new java.util.HashMap<>();
        shopList.forEach(shop -> popularity.put(shop, Popularity.of(shop, random)));
        for (int i = 0; i < properties.orders(); i++) {
            ShopWithSkus shop = shopList.get(random.nextInt(shopList.size()));
            int lineCount = random.nextDouble() < 0.8 ? 1 : 2;
            List<OrderLine> lines = new ArrayList<>();
            long total = 0;
            for (int l = 0; l < lineCount; l++) {
                Sku sku = popularity.get(shop).pick(random);
                int quantity = 1 + (random.nextDouble() < 0.7 ? 0 : random.nextInt(3));
                long amount = sku.product().priceFen() * quantity;
                total += amount;
                lines.add(new OrderLine(sku.mapping().platformSku(), sku.product().name(), quantity, amount));
            }
            if (i % 80 == 79) {
                // a SKU the cooperative has not mapped yet: the order waits for a person
                lines.add(new OrderLine("9990000" + i, "新品试卖（未配置生产者）", 1, 1_000));
                total += 1_000;
            }
            Instant paid = now.minus(Duration.ofMinutes(30 + random.nextInt(20 * 60)));
            Instant shipBy = paid.plus(Duration.ofHours(random.nextDouble() < 0.7 ? 48 : 72));
            String[] destination = DESTINATIONS[random.nextInt(DESTINATIONS.length)];
            Shop s = shop.shop();
            String orderId = platformOrderId(s.platform(), orderNumber + i * 7919L);
            orders.place(s, new CanonicalOrder(s.platform(), s.platformShopId(), orderId, PlatformOrderStatus.PAID,
                    paid.minusSeconds(60 + random.nextInt(600)), paid, paid, shipBy, lines, total, destination[0],
                    destination[1], ""), "demo");
        }
        return properties.orders();
    }

    /**
     * Which of a shop's SKUs its buyers pick: a few producers sell most (the ones the livestream
     * features), the rest a little, as Zipf weights over the producers in a random order.
     */
    private record Popularity(List<List<Sku>> skusByRank, double[] cumulative) {

        static Popularity of(ShopWithSkus shop, Random random) {
            Map<Long, List<Sku>> byProducer = new java.util.LinkedHashMap<>();
            shop.skus().forEach(sku -> byProducer.computeIfAbsent(sku.mapping().producerId(), k -> new ArrayList<>())
                    .add(sku));
            List<List<Sku>> ranked = new ArrayList<>(byProducer.values());
            java.util.Collections.shuffle(ranked, random);
            double[] cumulative = new double[ranked.size()];
            double sum = 0;
            for (int k = 0; k < ranked.size(); k++) {
                sum += 1 / Math.pow(k + 1, POPULARITY_SKEW);
                cumulative[k] = sum;
            }
            return new Popularity(ranked, cumulative);
        }

        Sku pick(Random random) {
            double r = random.nextDouble() * cumulative[cumulative.length - 1];
            int k = java.util.Arrays.binarySearch(cumulative, r);
            List<Sku> skus = skusByRank.get(k >= 0 ? k : Math.min(-k - 1, cumulative.length - 1));
            return skus.get(random.nextInt(skus.size()));
        }
    }

    /** What the demo shops charge for a product, in fen; 0 for a product the demo does not sell. */
    static long priceOf(String productName) {
        return CATALOGUE.values().stream().flatMap(List::stream).filter(p -> p.name().equals(productName))
                .mapToLong(Product::priceFen).findFirst().orElse(0);
    }

    private static String platformOrderId(Platform platform, long n) {
        return switch (platform) {
            case DOUYIN -> "69" + String.format("%017d", n);
            case KUAISHOU -> "26" + String.format("%014d", n % 100_000_000_000_000L);
            case WECHAT -> "37" + String.format("%017d", n);
            case SPREADSHEET -> "SS" + n;
        };
    }
}
