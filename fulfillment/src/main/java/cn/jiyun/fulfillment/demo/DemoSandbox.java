package cn.jiyun.fulfillment.demo;

import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.Shops;
import cn.jiyun.fulfillment.shops.SkuMappings;
import cn.jiyun.fulfillment.shops.TokenCipher;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.sandbox.PlatformSandbox;
import cn.jiyun.integrations.sandbox.SandboxCatalogue;
import cn.jiyun.integrations.sandbox.SandboxOrder;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * On the sandbox profile, opens the in-process platform sandbox with the demo shops, their tokens
 * and their SKUs, so orders flow in from Douyin, Kuaishou and WeChat as they would in production.
 * Runs after the demo cooperative is loaded (or found), every start.
 */
@Component
@Order(30)
class DemoSandbox implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSandbox.class);

    private final ObjectProvider<PlatformSandbox> sandbox;
    private final Shops shops;
    private final SkuMappings mappings;
    private final TokenCipher tokens;
    private final JdbcClient jdbc;
    private final EntityManager entities;

    DemoSandbox(ObjectProvider<PlatformSandbox> sandbox, Shops shops, SkuMappings mappings, TokenCipher tokens,
                JdbcClient jdbc, EntityManager entities) {
        this.sandbox = sandbox;
        this.jdbc = jdbc;
        this.entities = entities;
        this.shops = shops;
        this.mappings = mappings;
        this.tokens = tokens;
    }

    @Override
    public void run(ApplicationArguments args) {
        open();
    }

    /** Opens the sandbox if the profile wants it and it is not open yet; sees the caller's uncommitted demo. */
    @Transactional(readOnly = true)
    public void open() {
        PlatformSandbox platforms = sandbox.getIfAvailable();
        if (platforms == null || platforms.isRunning()) {
            return;
        }
        SandboxCatalogue catalogue = catalogue();
        if (catalogue.shops().isEmpty()) {
            log.info("No platform shops to serve from the sandbox");
            return;
        }
        // the orders the store holds already exist on their platforms, so they can be shipped and written back
        platforms.start(catalogue, knownOrders());
        log.info("Platform sandbox serving {} demo shops on port {}: new orders arrive over time",
                catalogue.shops().size(), platforms.port());
    }

    /** The store's orders of the served shops, not cancelled, as the platforms would hold them. */
    List<SandboxOrder> knownOrders() {
        record Row(Platform platform, String shopId, String orderId, Instant created, Instant paid, Instant updated,
                   String province, String city, Instant shipBy, SandboxOrder.KnownLine line) {
        }
        // the demo loader's orders may still sit in the persistence context of the transaction that calls us
        entities.flush();
        List<Row> rows = jdbc.sql("""
                        SELECT o.platform, s.platform_shop_id, o.platform_order_id, o.placed_at, o.paid_at,
                               o.platform_updated_at, o.buyer_province, o.buyer_city, o.ship_by,
                               l.platform_sku, l.title, l.quantity, l.amount_fen
                        FROM orders o JOIN shop s ON s.id = o.shop_id JOIN order_line l ON l.order_id = o.id
                        WHERE o.platform <> 'SPREADSHEET' AND o.status <> 'CANCELLED' AND o.paid_at IS NOT NULL
                        ORDER BY o.id, l.seq""")
                .query((rs, i) -> new Row(Platform.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        instant(rs, 4), instant(rs, 5), instant(rs, 6), rs.getString(7), rs.getString(8),
                        instant(rs, 9), new SandboxOrder.KnownLine(rs.getString(10), rs.getString(11), rs.getInt(12),
                                rs.getLong(13))))
                .list();
        Map<String, List<Row>> byOrder = new LinkedHashMap<>();
        rows.forEach(r -> byOrder.computeIfAbsent(r.platform() + "/" + r.shopId() + "/" + r.orderId(),
                k -> new ArrayList<>()).add(r));
        return byOrder.values().stream().map(lines -> {
            Row o = lines.get(0);
            return SandboxOrder.known(o.platform(), o.shopId(), o.orderId(), o.created(), o.paid(), o.updated(),
                    lines.stream().map(Row::line).toList(), o.province(), o.city(), o.shipBy());
        }).toList();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    SandboxCatalogue catalogue() {
        List<SandboxCatalogue.Shop> served = new ArrayList<>();
        for (Shop shop : shops.findAll()) {
            if (shop.platform() == Platform.SPREADSHEET || shop.authorisation() != Shop.Authorisation.ACTIVE) {
                continue;
            }
            List<SandboxCatalogue.Sku> skus = mappings.findByShopId(shop.id(), Pageable.unpaged()).stream()
                    .map(m -> new SandboxCatalogue.Sku(m.platformSku(), m.productName(),
                            Math.max(100, DemoCooperative.priceOf(m.productName()))))
                    .toList();
            if (!skus.isEmpty()) {
                served.add(new SandboxCatalogue.Shop(shop.platform(), shop.platformShopId(),
                        tokens.decrypt(shop.accessTokenEncrypted()), tokens.decrypt(shop.refreshTokenEncrypted()), skus));
            }
        }
        return new SandboxCatalogue(served);
    }
}
