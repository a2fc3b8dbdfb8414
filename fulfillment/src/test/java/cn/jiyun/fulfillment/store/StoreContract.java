package cn.jiyun.fulfillment.store;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.geo.Wgs84;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.hubs.Hubs;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderFilter;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.orders.Orders;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.producers.ProducerProximity;
import cn.jiyun.fulfillment.producers.ProducerProximity.Distance;
import cn.jiyun.fulfillment.producers.Producers;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.integrations.Platform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * What Jiyun expects of its store, run against H2GIS and PostGIS alike: the shared migrations,
 * WGS-84 points going in and out as JTS, the spatial questions answered in SQL, and the
 * constraints that keep data whole.
 */
abstract class StoreContract {

    // at latitude 37.5°, one degree of longitude is about 88.3 km
    private static final double HUB_LON = 105.70;
    private static final double LAT = 37.50;

    @Autowired
    Fixtures fixtures;
    @Autowired
    ProducerProximity proximity;
    @Autowired
    Producers producers;
    @Autowired
    Hubs hubs;
    @Autowired
    Orders orders;
    @Autowired
    OrderService orderService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    Cooperative coop;
    Hub hub;

    @BeforeEach
    void cooperativeWithHub() {
        coop = fixtures.cooperative();
        hub = fixtures.hub(coop, "中宁集散中心", HUB_LON, LAT);
    }

    private Producer producerKmEastOfHub(String name, double km) {
        return fixtures.producer(coop, name, HUB_LON + km / 88.32, LAT);
    }

    @Test
    void storesWgs84PointsAndReadsThemBackAsJts() {
        Producer stored = fixtures.producer(coop, "马家枸杞园", 105.681168, 37.491109);

        Point location = tx.execute(s -> producers.findById(stored.id()).orElseThrow().location());

        assertThat(location.getSRID()).isEqualTo(Wgs84.SRID);
        assertThat(location.getX()).isEqualTo(105.681168, within(1e-9));
        assertThat(location.getY()).isEqualTo(37.491109, within(1e-9));
        Integer srid = jdbc.sql("SELECT ST_SRID(location) FROM producer WHERE id = :id")
                .param("id", stored.id()).query(Integer.class).single();
        assertThat(srid).isEqualTo(4326);
    }

    @Test
    void findsProducersWithinKilometresOfAHubNearestFirst() {
        Producer at5 = producerKmEastOfHub("五公里", 5);
        Producer at15 = producerKmEastOfHub("十五公里", 15);
        producerKmEastOfHub("五十公里", 50);
        Cooperative other = fixtures.cooperative();
        fixtures.producer(other, "别的合作社", HUB_LON + 0.01, LAT);

        List<Distance> near = proximity.withinKm(hub, 20, 10, 0);

        assertThat(near).extracting(Distance::producerId).containsExactly(at5.id(), at15.id());
        assertThat(near.get(0).metres())
                .isCloseTo(Wgs84.metresBetween(at5.location(), hub.location()), within(25.0));
        assertThat(proximity.countWithinKm(hub, 20)).isEqualTo(2);
        assertThat(proximity.withinKm(hub, 20, 1, 1)).extracting(Distance::producerId).containsExactly(at15.id());
    }

    @Test
    void findsProducersByNameOrPhoneWithinTheCooperative() {
        Producer goji = fixtures.producer(coop, "马家枸杞园", HUB_LON, LAT);
        Producer lamb = fixtures.producer(coop, "李家滩羊场", HUB_LON, LAT);
        fixtures.producer(fixtures.cooperative(), "别家枸杞园", HUB_LON, LAT);
        PageRequest page = PageRequest.of(0, 10, Sort.by("name"));

        assertThat(producers.search(coop.id(), "枸杞", page)).extracting(Producer::id).containsExactly(goji.id());
        // the fixtures give every producer the phone 13900000000
        assertThat(producers.search(coop.id(), "1390000", page)).extracting(Producer::id)
                .containsExactlyInAnyOrder(goji.id(), lamb.id());
        assertThat(producers.search(coop.id(), "没有这个名字", page)).isEmpty();
    }

    @Test
    void findsTheNearestHubOfEachProducer() {
        Hub east = fixtures.hub(coop, "东边集运站", HUB_LON + 1.0, LAT);
        Producer nearWest = producerKmEastOfHub("近中宁", 10);
        Producer nearEast = producerKmEastOfHub("近东站", 80);

        List<Distance> nearest = proximity.nearestHubs(coop.id(), List.of(nearWest.id(), nearEast.id()));

        assertThat(nearest).extracting(Distance::producerId, Distance::hubId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(nearWest.id(), hub.id()),
                        org.assertj.core.groups.Tuple.tuple(nearEast.id(), east.id()));
        assertThat(nearest.get(1).metres()).isCloseTo(Wgs84.metresBetween(nearEast.location(), east.location()),
                within(25.0));
        assertThat(proximity.idsNearestTo(coop.id(), east.id())).containsExactly(nearEast.id());
    }

    @Test
    void findsOrdersAwaitingPickupInsideAnArea() {
        Producer inside = producerKmEastOfHub("区内", 3);
        Producer outside = producerKmEastOfHub("区外", 40);
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);
        Order wanted = fixtures.paidOrder(shop, fixtures.sku(coop, shop, inside, 650), 1);
        fixtures.paidOrder(shop, fixtures.sku(coop, shop, outside, 650), 1);
        JiyunUser admin = fixtures.user(coop, Role.COOP_ADMIN);
        OrderFilter.Box area = new OrderFilter.Box(HUB_LON, LAT - 0.1, HUB_LON + 0.1, LAT + 0.1);

        List<Order> found = tx.execute(s -> orderService.list(admin,
                new OrderFilter(OrderStatus.AWAITING_PICKUP, null, null, null, null, null, null, area, null),
                Pageable.unpaged()).getContent());

        assertThat(found).extracting(Order::id).containsExactly(wanted.id());
    }

    @Test
    void findsOrdersByThePlatformNumberOrItsBeginningTakingWildcardsLiterally() {
        Producer producer = producerKmEastOfHub("枸杞园", 5);
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);
        String sku = fixtures.sku(coop, shop, producer, 650);
        Order wanted = fixtures.paidOrder(shop, sku, 1);
        Order other = fixtures.paidOrder(shop, sku, 1);
        JiyunUser admin = fixtures.user(coop, Role.COOP_ADMIN);
        String number = wanted.platformOrderId();

        assertThat(byNumber(admin, number)).containsExactly(wanted.id());
        assertThat(byNumber(admin, number.substring(0, 7))).contains(wanted.id()).doesNotContain(other.id());
        assertThat(byNumber(admin, number.charAt(0) + "_" + number.substring(2))).isEmpty();
        assertThat(byNumber(admin, number.charAt(0) + "%")).isEmpty();
    }

    private List<Long> byNumber(JiyunUser user, String platformOrderId) {
        return tx.execute(s -> orderService.list(user,
                new OrderFilter(null, null, null, null, null, null, null, null, platformOrderId),
                Pageable.unpaged()).map(Order::id).getContent());
    }

    @Test
    void usesASpatialIndexForProducerLocations() {
        assertThat(spatialIndexNames()).anyMatch(name -> name.equalsIgnoreCase("producer_location"));
    }

    /** The vendor's catalogue of spatial indexes on the producer table. */
    abstract List<String> spatialIndexNames();

    @Test
    void keepsNoTwoIndexesOnTheSameColumns() {
        // every insert updates every index of its table: an index twice over (H2 makes one for each foreign key,
        // PostgreSQL does not, so the shared migrations add their own) is work for nothing on the intake path
        java.util.Map<String, List<String>> byColumns = new java.util.TreeMap<>();
        for (String[] index : indexColumns()) {
            byColumns.computeIfAbsent(index[0].toLowerCase(java.util.Locale.ROOT) + " ("
                    + index[2].toLowerCase(java.util.Locale.ROOT) + ")", k -> new java.util.ArrayList<>())
                    .add(index[1]);
        }
        assertThat(byColumns).as("indexes by table and columns").containsKey("parcel (order_id)")
                .containsKey("order_line (order_id)").containsKey("tracking_event (order_id)");
        assertThat(byColumns.entrySet()).as("tables and columns indexed more than once")
                .filteredOn(entry -> entry.getValue().size() > 1).isEmpty();
    }

    /** Every index of the schema: its table, its name and its columns in order, comma-separated. */
    abstract List<String[]> indexColumns();

    @Test
    void keepsAnOrderWholeWithLinesParcelsAndHistory() {
        Producer producer = producerKmEastOfHub("枸杞园", 8);
        Shop shop = fixtures.shop(coop, Platform.KUAISHOU, null);
        Order placed = fixtures.paidOrder(shop, fixtures.sku(coop, shop, producer, 650), 3);

        Order read = tx.execute(s -> {
            Order o = orders.findById(placed.id()).orElseThrow();
            o.lines().size();
            o.parcels().size();
            o.events().size();
            return o;
        });

        assertThat(read.status()).isEqualTo(OrderStatus.AWAITING_PICKUP);
        assertThat(read.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(3));
        assertThat(read.parcels()).singleElement().satisfies(p -> {
            assertThat(p.producerId()).isEqualTo(producer.id());
            assertThat(p.weightGrams()).isEqualTo(1_950);
        });
        assertThat(read.events()).extracting(e -> e.status())
                .containsExactly(OrderStatus.RECEIVED, OrderStatus.AWAITING_PICKUP);
    }

    @Test
    void refusesASecondOrderWithTheSamePlatformOrderIdInTheStore() {
        Producer producer = producerKmEastOfHub("枸杞园", 8);
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);
        Order first = fixtures.paidOrder(shop, fixtures.sku(coop, shop, producer, 650), 1);

        // straight to the table, past the service's own check: the database itself must refuse it
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO orders (cooperative_id, shop_id, platform, platform_order_id, status, buyer_province,
                            buyer_city, placed_at, amount_fen, platform_updated_at, created_at, updated_at, version)
                        VALUES (:coop, :shop, 'DOUYIN', :orderId, 'RECEIVED', '', '', :now, 0, :now, :now, :now, 0)""")
                .param("coop", coop.id()).param("shop", shop.id()).param("orderId", first.platformOrderId())
                .param("now", java.sql.Timestamp.from(Instant.now()))
                .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void refusesAnUnknownOrderStatusInTheStore() {
        Producer producer = producerKmEastOfHub("枸杞园", 8);
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);
        Order order = fixtures.paidOrder(shop, fixtures.sku(coop, shop, producer, 650), 1);

        assertThatThrownBy(() -> jdbc.sql("UPDATE orders SET status = 'LOST' WHERE id = :id")
                .param("id", order.id()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
