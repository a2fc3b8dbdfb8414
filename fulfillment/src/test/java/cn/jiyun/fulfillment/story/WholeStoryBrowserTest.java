package cn.jiyun.fulfillment.story;

import cn.jiyun.fulfillment.support.FreePorts;
import cn.jiyun.fulfillment.support.Browser;
import cn.jiyun.fulfillment.ewaybills.LabelPdfReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole story in a real browser, on the start command's own demo (sandbox profile, demo
 * cooperative, demo users, zh-CN): a cooperative admin plans a hub on the board and approves the
 * plan; the courier opens the manifest, confirms a stop's parcels, scans them in at the hub and hands
 * an order to the carrier under the e-waybill taken from its platform, its label read back from the PDF; the seller sees the order picked up and then its waybill; the public
 * tracking link shows the same without login; the sandbox's carrier scans the parcel along until it is
 * delivered, and both pages show the journey (the public one without the carrier's words). Run with {@code -Djiyun.screenshots=docs/screenshots}
 * to refresh the README's pictures.
 */
// a defined port: the sandbox's tracking aggregator pushes to the callback URL made from server.port
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("sandbox")
@DirtiesContext
@TestPropertySource(properties = {
        "jiyun.data-dir=./target/test-data/story-${random.uuid}",
        "jiyun.sandbox.webhook-callback=",
        // the sandbox's carrier scans a handed-over parcel every second, so the journey fits in the test
        "jiyun.sandbox.tracking-step=1s",
        "jiyun.tracking.interval=1s"})
class WholeStoryBrowserTest {

    private static final Duration SOLVING = Duration.ofSeconds(120);

    @DynamicPropertySource
    static void freeSandboxPort(DynamicPropertyRegistry registry) {
        FreePorts.sandboxAndServer(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** An order of seller-1's shops, all of whose parcels wait at one stop of one of courier-1's routes. */
    record Picked(long orderId, String platformOrderId, String code, long routeId) {
    }

    @Test
    void adminPlansCourierCollectsSellerAndBuyerFollow() throws Exception {
        planAndApproveTheFirstHub();
        Picked order = anOrderOfSeller1OnCourier1sRoutes();

        String trackingPath;
        try (Browser courier = Browser.open(port, 412, 915)) {
            courier.logIn("courier-1", "demo");
            assertThat(courier.currentPath()).isEqualTo("/manifests");
            courier.find(By.cssSelector("a[href$='/manifests/" + order.routeId() + "']")).click();
            WebElement stop = courier.find(By.xpath(
                    "//li[@data-code='" + order.code() + "']/ancestor::li[contains(@class,'stop')]"));
            String sequence = stop.getAttribute("data-stop");
            courier.screenshot("manifest");
            for (WebElement tick : stop.findElements(By.cssSelector("input[type=checkbox][id^='tick-']"))) {
                if (!tick.isSelected()) {
                    tick.click();
                }
            }
            courier.submit(By.id("confirm-ticked-" + sequence));
            courier.find(By.id("notice"));
            assertThat(courier.find(By.cssSelector("li[data-code='" + order.code() + "']")).getAttribute("data-outcome"))
                    .isEqualTo("COLLECTED");
            assertThat(status(order)).isEqualTo("PICKED_UP");
            courier.screenshot("manifest-confirmed");
        }

        try (Browser seller = Browser.open(port, 1280, 900)) {
            seller.logIn("seller-1", "demo");
            assertThat(seller.currentPath()).startsWith("/orders");
            seller.find(By.id("search-order-id")).sendKeys(order.platformOrderId());
            seller.submit(By.id("search-submit"));
            seller.find(By.cssSelector("[data-test=order-row][data-order-id='" + order.orderId() + "'] "
                    + "[data-test=order-link]")).click();
            assertThat(seller.find(By.id("order-status")).getText()).isEqualTo("已揽收");
            assertThat(seller.find(By.cssSelector("[data-test=step-PICKED_UP]")).getText()).contains("已揽收");
            seller.screenshot("seller-order");
            trackingPath = URI.create(seller.find(By.id("tracking-url")).getAttribute("value")).getPath();
        }

        try (Browser buyer = Browser.open(port, 412, 915)) {
            buyer.go(trackingPath);
            assertThat(buyer.find(By.id("platform-order-id")).getText()).contains(order.platformOrderId());
            assertThat(buyer.find(By.id("status")).getText()).isEqualTo("已揽收");
            assertThat(buyer.text()).doesNotContain("1390951").doesNotContain("演示）");
            buyer.screenshot("tracking");
        }

        String waybill;
        try (Browser courier = Browser.open(port, 412, 915)) {
            courier.logIn("courier-1", "demo");
            courier.go("/hub");
            courier.find(By.id("arrival-codes")).sendKeys(String.join("\n", codesOf(order)));
            courier.submit(By.id("arrival-submit"));
            courier.find(By.id("notice"));
            assertThat(status(order)).isEqualTo("AT_HUB");
            // the order's e-waybill from its platform (the sandbox's), for this order alone
            tickOnly(courier, order);
            courier.submit(By.id("ewaybill-take"));
            assertThat(courier.find(By.id("notice")).getText()).contains("取到 1 张电子面单");
            WebElement row = courier.find(By.cssSelector("tr[data-order='" + order.orderId() + "']"));
            assertThat(row.getAttribute("data-ewaybill")).isEqualTo("TAKEN");
            waybill = row.findElement(By.cssSelector("[data-test=waybill]")).getText();
            assertThat(waybill).startsWith("73");
            courier.screenshot("hub-ewaybills");
            // the labels print from the PDF the page links: one 76 × 130 mm page, its barcode the waybill
            String labels = URI.create(courier.find(By.id("labels-pdf")).getAttribute("href")).getRawPath() + "?"
                    + URI.create(courier.find(By.id("labels-pdf")).getAttribute("href")).getRawQuery();
            try (PDDocument pdf = Loader.loadPDF(courier.fetch(labels))) {
                assertThat(pdf.getNumberOfPages()).isEqualTo(1);
                assertThat(LabelPdfReader.barcodeOf(pdf, 0)).isEqualTo(waybill);
            }
            tickOnly(courier, order);
            courier.submit(By.id("ewaybill-handover"));
            assertThat(courier.find(By.id("notice")).getText()).contains("1 个订单已按电子面单交给快递");
            assertThat(status(order)).isEqualTo("HANDED_TO_CARRIER");
        }
        // the write-back queue sends the waybill to the (sandboxed) platform on its own schedule
        awaitWriteBackDone(order);

        try (Browser buyer = Browser.open(port, 412, 915)) {
            buyer.go(trackingPath);
            assertThat(buyer.find(By.id("waybill")).getText()).isEqualTo(waybill);
            assertThat(buyer.text()).contains("中通快递");
        }

        // the carrier's scans arrive through the tracking aggregator's signed pushes
        awaitStatus(order, "DELIVERED");
        try (Browser seller = Browser.open(port, 1280, 900)) {
            seller.logIn("seller-1", "demo");
            seller.go("/orders/" + order.orderId());
            assertThat(seller.find(By.id("order-status")).getText()).isEqualTo("已签收");
            assertThat(seller.find(By.cssSelector("#journey [data-test=scan-DELIVERED]")).getText()).contains("已签收");
            assertThat(seller.driver().findElements(By.cssSelector("#journey [data-test=scan-IN_TRANSIT]")))
                    .isNotEmpty();
            assertThat(seller.driver().findElements(By.cssSelector("#journey .scan-text"))).isNotEmpty();
            seller.screenshot("seller-order-delivered");
        }
        try (Browser buyer = Browser.open(port, 412, 915)) {
            buyer.go(trackingPath);
            assertThat(buyer.find(By.id("status")).getText()).isEqualTo("已签收");
            assertThat(buyer.find(By.cssSelector("#journey [data-test=scan-COLLECTED]")).getText()).isNotBlank();
            assertThat(buyer.driver().findElements(By.cssSelector("#journey .scan-text")))
                    .as("the public page shows no carrier text, only stage, time and city").isEmpty();
            assertThat(buyer.text()).doesNotContain("1390951").doesNotContain("签收人");
            buyer.screenshot("tracking-delivered");
        }
    }

    /** Ticks the order alone in the hub's list of orders waiting there. */
    private static void tickOnly(Browser courier, Picked order) {
        for (WebElement choice : courier.driver().findElements(By.cssSelector("input.ewaybill-choice"))) {
            if (choice.isSelected() != choice.getAttribute("value").equals(String.valueOf(order.orderId()))) {
                choice.click();
            }
        }
    }

    private void awaitStatus(Picked order, String expected) {
        java.time.Instant giveUp = java.time.Instant.now().plusSeconds(90);
        while (!expected.equals(status(order)) && java.time.Instant.now().isBefore(giveUp)) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(status(order)).isEqualTo(expected);
    }

    private void planAndApproveTheFirstHub() {
        try (Browser admin = Browser.open(port, 1280, 900)) {
            admin.logIn("coop-admin", "demo");
            assertThat(admin.currentPath()).startsWith("/board");
            admin.find(By.id("board-map"));
            admin.screenshot("board");
            Select hub = new Select(admin.find(By.id("plan-hub")));
            hub.selectByIndex(hub.getOptions().get(0).getAttribute("value").isEmpty() ? 1 : 0);
            new Select(admin.find(By.id("plan-days"))).selectByValue("1");
            admin.find(By.id("plan-seconds")).clear();
            admin.find(By.id("plan-seconds")).sendKeys("5");
            admin.submit(By.id("plan-start"));
            admin.waitUntil(SOLVING, d -> "DONE".equals(d.findElement(By.id("plan-page")).getAttribute("data-status")));
            assertThat(admin.find(By.id("plan-status")).getText()).isNotBlank();
            assertThat(admin.driver().findElements(By.cssSelector("section.route"))).isNotEmpty();
            admin.screenshot("plan");
            admin.submit(By.id("plan-approve"));
            assertThat(admin.find(By.id("plan-approved")).getText()).isNotBlank();
        }
    }

    private Picked anOrderOfSeller1OnCourier1sRoutes() {
        List<RouteStops> routes = jdbc.sql("""
                        SELECT r.id, r.stops_json FROM plan_route r JOIN app_user u ON u.id = r.courier_user_id
                        WHERE u.username = 'courier-1'""")
                .query((rs, i) -> new RouteStops(rs.getLong(1), rs.getString(2))).list();
        assertThat(routes).as("courier-1 drives the first hub's vans, so the approved plan gives them routes")
                .isNotEmpty();
        List<Picked> candidates = jdbc.sql("""
                        SELECT o.id, o.platform_order_id, MIN(p.id) FROM orders o
                        JOIN shop s ON s.id = o.shop_id JOIN app_user u ON u.id = s.seller_user_id
                        JOIN parcel p ON p.order_id = o.id
                        WHERE u.username = 'seller-1' AND o.status = 'PLANNED'
                        GROUP BY o.id, o.platform_order_id HAVING COUNT(DISTINCT p.producer_id) = 1
                        ORDER BY o.id""")
                .query((rs, i) -> new Picked(rs.getLong(1), rs.getString(2), Long.toString(rs.getLong(3)), 0))
                .list();
        for (Picked candidate : candidates) {
            // a stored stop lists its parcels' ids: "parcelIds":[12,13]
            var parcelId = java.util.regex.Pattern.compile("[\\[,]" + candidate.code() + "[,\\]]");
            for (RouteStops route : routes) {
                if (parcelId.matcher(route.stopsJson()).find()) {
                    String code = jdbc.sql("SELECT code FROM parcel WHERE id = ?").param(Long.parseLong(candidate.code()))
                            .query(String.class).single();
                    return new Picked(candidate.orderId(), candidate.platformOrderId(), code, route.id());
                }
            }
        }
        throw new AssertionError("no order of seller-1 is on courier-1's routes");
    }

    private record RouteStops(long id, String stopsJson) {
    }

    private void awaitWriteBackDone(Picked order) {
        java.time.Instant giveUp = java.time.Instant.now().plusSeconds(60);
        List<String> states;
        do {
            states = jdbc.sql("SELECT status FROM write_back WHERE order_id = ?").param(order.orderId())
                    .query(String.class).list();
            if (states.equals(List.of("DONE"))) {
                break;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (java.time.Instant.now().isBefore(giveUp));
        assertThat(states).containsExactly("DONE");
    }

    private List<String> codesOf(Picked order) {
        return jdbc.sql("SELECT code FROM parcel WHERE order_id = ? ORDER BY code").param(order.orderId())
                .query(String.class).list();
    }

    private String status(Picked order) {
        return jdbc.sql("SELECT status FROM orders WHERE id = ?").param(order.orderId()).query(String.class).single();
    }
}
