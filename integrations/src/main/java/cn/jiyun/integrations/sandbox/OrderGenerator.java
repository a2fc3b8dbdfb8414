package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.sandbox.SandboxCatalogue.Shop;
import cn.jiyun.integrations.sandbox.SandboxCatalogue.Sku;
import cn.jiyun.integrations.sandbox.SandboxOrder.Buyer;
import cn.jiyun.integrations.sandbox.SandboxOrder.Line;
import cn.jiyun.integrations.sandbox.SandboxOrder.State;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Invents realistic paid orders for the catalogue's shops: a day's backlog, then one order per call,
 * the platforms taking turns, and now and then a cancellation before shipping. Everything comes from
 * one seeded {@link Random}, so the same seed, catalogue and times give the same orders.
 */
final class OrderGenerator {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Share of orders cancelled before shipping; a few percent is what livestream shops see. */
    private static final double CANCELLED_SHARE = 0.07;
    private static final Duration SHIP_WITHIN = Duration.ofHours(48);
    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
            "马", "孙", "胡", "朱", "高", "林", "何", "郭", "罗", "丁");
    private static final List<String> CANCEL_REASONS = List.of("买家不想要了", "拍错了/多拍了", "地址信息填写错误",
            "协商一致退款", "价格有点贵");
    /** First order ids of each platform, shaped like the real ones (README 1.5, 2.5, 3.2). */
    private static final Map<Platform, Long> FIRST_ID = Map.of(
            Platform.DOUYIN, 6_921_000_000_000_000_000L,
            Platform.KUAISHOU, 2_607_600_000_000_000L,
            Platform.WECHAT, 3_705_115_000_000_000_000L);

    private final Random random;
    private SandboxCatalogue catalogue;
    /** The platforms with a shop, in turn order; a shop opened later adds its platform. */
    private List<Platform> platforms;
    private final Map<Platform, Long> issued = new EnumMap<>(Platform.class);
    private int turn;

    OrderGenerator(long seed, SandboxCatalogue catalogue) {
        this.random = new Random(seed);
        this.catalogue = catalogue;
        this.platforms = platformsWithShops(catalogue);
    }

    private static List<Platform> platformsWithShops(SandboxCatalogue catalogue) {
        return List.of(Platform.DOUYIN, Platform.KUAISHOU, Platform.WECHAT).stream()
                .filter(platform -> !catalogue.shops(platform).isEmpty())
                .toList();
    }

    /** A shop opened after the start (one a seller authorised through the sandbox) takes its turns from now on. */
    void open(Shop shop) {
        List<Shop> shops = new ArrayList<>(catalogue.shops());
        shops.add(shop);
        catalogue = new SandboxCatalogue(shops);
        platforms = platformsWithShops(catalogue);
    }

    /** Paid orders of the 24 hours before {@code now}, oldest first; a few already cancelled. */
    List<SandboxOrder> backlog(Shop shop, int count, Instant now) {
        List<Instant> paidTimes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            paidTimes.add(backlogPaidTime(now));
        }
        paidTimes.sort(null);
        List<SandboxOrder> orders = new ArrayList<>();
        for (Instant paidAt : paidTimes) {
            Instant updatedAt = min(paidAt.plusSeconds(1 + random.nextInt(30)), now);
            SandboxOrder order = order(shop, paidAt, updatedAt);
            if (random.nextDouble() < CANCELLED_SHARE) {
                Instant cancelledAt = paidAt.plus(Duration.ofMinutes(3 + random.nextInt(240)));
                if (cancelledAt.isBefore(now)) {
                    order = order.cancelledAt(cancelledAt, cancelReason());
                }
            }
            orders.add(order);
        }
        return orders;
    }

    /** A new order paid just now, in the next platform's turn; there must be a shop. */
    SandboxOrder next(Instant now) {
        if (platforms.isEmpty()) {
            throw new IllegalStateException("no shop to order from");
        }
        Platform platform = platforms.get(turn++ % platforms.size());
        List<Shop> shops = catalogue.shops(platform);
        Shop shop = shops.get(random.nextInt(shops.size()));
        Instant paidAt = now.minusSeconds(random.nextInt(5));
        return order(shop, paidAt, now);
    }

    /** Whether one of the waiting orders is cancelled at this turn; decided by the seed. */
    boolean cancelsNow() {
        return random.nextDouble() < CANCELLED_SHARE;
    }

    /** Picks which of the waiting orders the buyer cancels, and why. */
    SandboxOrder pick(List<SandboxOrder> waiting) {
        return waiting.get(random.nextInt(waiting.size()));
    }

    String cancelReason() {
        return CANCEL_REASONS.get(random.nextInt(CANCEL_REASONS.size()));
    }

    private SandboxOrder order(Shop shop, Instant paidAt, Instant updatedAt) {
        Platform platform = shop.platform();
        String orderId = nextOrderId(platform);
        Instant createdAt = paidAt.minusSeconds(5 + random.nextInt(240));
        List<Line> lines = new ArrayList<>();
        int lineCount = platform == Platform.KUAISHOU || shop.skus().size() < 2 || random.nextInt(5) > 0 ? 1 : 2;
        List<Sku> choice = new ArrayList<>(shop.skus());
        for (int i = 0; i < lineCount; i++) {
            Sku sku = choice.remove(random.nextInt(choice.size()));
            int quantity = quantity();
            long amount = sku.priceFen() * quantity;
            String lineId = platform == Platform.WECHAT ? ""
                    : Long.toString(Long.parseLong(orderId) + 1 + i);
            lines.add(new Line(lineId, sku.skuId(), sku.title(), quantity, sku.priceFen(), discount(amount)));
        }
        long postage = random.nextInt(100) < 85 ? 0 : (random.nextBoolean() ? 600 : 1000);
        return new SandboxOrder(platform, shop.shopId(), orderId, createdAt, paidAt, updatedAt, State.PAID, lines,
                postage, Destinations.pick(random), buyer(), paidAt.plus(SHIP_WITHIN), null, "");
    }

    private String nextOrderId(Platform platform) {
        long count = issued.merge(platform, 1L, Long::sum);
        // gaps of up to 900 between ids, so Douyin's sub-order ids (parent + 1, + 2) never meet the next order
        return Long.toString(FIRST_ID.get(platform) + count * 1000 + random.nextInt(900));
    }

    /** Most buyers take one; some two or three. */
    private int quantity() {
        int roll = random.nextInt(10);
        return roll < 7 ? 1 : roll < 9 ? 2 : 3;
    }

    /** Four orders in ten carry a promotion of whole yuan, at most a tenth of the line and 20 yuan. */
    private long discount(long amountFen) {
        if (random.nextInt(10) >= 4 || amountFen < 1000) {
            return 0;
        }
        long most = Math.min(amountFen / 10 / 100, 20);
        return 100L * (1 + random.nextInt((int) Math.max(1, most)));
    }

    private Buyer buyer() {
        String surname = SURNAMES.get(random.nextInt(SURNAMES.size()));
        String phone = "1" + "3589".charAt(random.nextInt(4)) + random.nextInt(10) + "****"
                + String.format("%04d", random.nextInt(10_000));
        byte[] openId = new byte[16];
        random.nextBytes(openId);
        return new Buyer(surname + (random.nextBoolean() ? "*" : "**"), phone, "沙箱路***号",
                HexFormat.of().formatHex(openId), "买家***");
    }

    /** Any second of the last day, livestream evenings busier than the small hours. */
    private Instant backlogPaidTime(Instant now) {
        Instant candidate = now;
        for (int attempt = 0; attempt < 4; attempt++) {
            candidate = now.minusSeconds(60 + random.nextInt(24 * 3600 - 60)).truncatedTo(ChronoUnit.SECONDS);
            int hour = candidate.atZone(CHINA).getHour();
            if (hour >= 8 || random.nextInt(4) == 0) {
                return candidate;
            }
        }
        return candidate;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
