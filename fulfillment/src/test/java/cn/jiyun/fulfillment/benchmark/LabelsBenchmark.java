package cn.jiyun.fulfillment.benchmark;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.ewaybills.CarrierAccount;
import cn.jiyun.fulfillment.ewaybills.CarrierAccountService;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.EWaybillAccount;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.sandbox.PlatformSandbox;
import cn.jiyun.integrations.sandbox.SandboxCatalogue;
import cn.jiyun.integrations.sandbox.SandboxEWaybillAccounts;
import cn.jiyun.integrations.sandbox.SandboxProperties;
import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static cn.jiyun.fulfillment.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A van's load of labels against the sandbox: {@code bench.orders} (200) orders of a Douyin shop the sandbox serves,
 * at the hub, take their e-waybills in one {@code POST /api/hub/e-waybills} (each a signed call to the sandbox's
 * {@code logistics.newCreateOrder} over HTTP) and their labels are rendered in one PDF. Prints the times of both,
 * round by round with fresh orders ({@code bench.rounds}, 2: the first includes the JIT); asserts only that every
 * order got its number and its page (the target, under 10 s, is read from the figures). Run it with
 * {@code scripts/bench-labels.sh}.
 */
@Tag("benchmark")
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
@TestPropertySource(properties = {
        "jiyun.data-dir=./target/test-data/labels-${random.uuid}",
        "jiyun.demo.enabled=false",
        "jiyun.planning.warm-up=false",
        "jiyun.write-back.interval=1h",
        "jiyun.platforms.douyin.poll-interval=1h"})
class LabelsBenchmark {

    private static final int ORDERS = Integer.getInteger("bench.orders", 200);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final String SHOP_ID = "77200001";
    private static final List<String> SKUS = List.of("LBL-GOJI-500", "LBL-GOJI-1000", "LBL-JUICE");
    // the sandbox cancels some of its backlog, as buyers do: enough paid orders for every round
    private static final PlatformSandbox SANDBOX = new PlatformSandbox(SandboxProperties.forTests(11,
            ORDERS * ROUNDS * 13 / 10 + 20));

    static {
        SANDBOX.start(new SandboxCatalogue(List.of(new SandboxCatalogue.Shop(Platform.DOUYIN, SHOP_ID,
                "labels-access", "labels-refresh",
                SKUS.stream().map(s -> new SandboxCatalogue.Sku(s, "中宁枸杞", 6_800)).toList()))));
    }

    @DynamicPropertySource
    static void douyinAtTheSandbox(DynamicPropertyRegistry registry) {
        SandboxProperties.connectorProperties(SANDBOX.port()).forEach((key, value) -> {
            if (key.startsWith("jiyun.platforms.douyin.") && !key.endsWith("poll-interval")) {
                registry.add(key, () -> value);
            }
        });
    }

    @AfterAll
    static void stopSandbox() {
        SANDBOX.stop();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ShopService shops;
    @Autowired
    OrderService orders;
    @Autowired
    CarrierAccountService accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void takesAndRendersAVansLoadOfLabels() throws Exception {
        Cooperative coop = fixtures.cooperative();
        JiyunUser courier = fixtures.user(coop, Role.COURIER);
        Producer producer = fixtures.producer(coop, "中宁枸杞园", 105.70, 37.50);
        Shop shop = shops.register(coop.id(), Platform.DOUYIN, SHOP_ID, "宁夏红枸杞旗舰店", null,
                new ShopService.Grant("labels-access", "labels-refresh", Instant.now().plusSeconds(86_400)));
        for (String sku : SKUS) {
            shops.map(coop.id(), shop.id(), new ShopService.MappingDetails(sku, producer.id(), "中宁枸杞", 650, 2_000,
                    false));
        }
        EWaybillAccount zto = SandboxEWaybillAccounts.of(Platform.DOUYIN, Carrier.ZTO);
        accounts.save(coop.id(), new CarrierAccountService.Details(Platform.DOUYIN, Carrier.ZTO, zto.branchCode(),
                zto.accountId(), zto.secret(), new CarrierAccount.Sender("中宁枸杞合作社", "13900000000", "宁夏回族自治区",
                "中卫市", "中宁县", "宁安镇物流园 1 号"), true));
        List<Long> ready = awaitOrdersAwaitingPickup(coop, ORDERS * ROUNDS);

        for (int round = 1; round <= ROUNDS; round++) {
            List<Long> load = ready.subList((round - 1) * ORDERS, round * ORDERS);
            for (Long id : load) {
                for (OrderStatus next : List.of(OrderStatus.PLANNED, OrderStatus.PICKED_UP, OrderStatus.AT_HUB)) {
                    orders.changeStatus(coop.id(), id, next, "benchmark", null, null, "benchmark");
                }
            }
            String ids = load.stream().map(String::valueOf).collect(Collectors.joining(","));
            long start = System.nanoTime();
            String answer = mvc.perform(post("/api/hub/e-waybills").with(as(courier))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"orderIds\": [" + ids + "]}"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            long taken = System.nanoTime();
            byte[] pdf = mvc.perform(get("/api/hub/e-waybills/labels.pdf").param("orderIds", ids).with(as(courier)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            long rendered = System.nanoTime();

            List<String> outcomes = JsonPath.read(answer, "$.results[*].outcome");
            assertThat(outcomes).hasSize(ORDERS).containsOnly("TAKEN");
            int pages;
            try (PDDocument document = Loader.loadPDF(pdf)) {
                pages = document.getNumberOfPages();
            }
            assertThat(pages).isEqualTo(ORDERS);
            System.out.printf(Locale.ROOT, "%nLABELS round=%d orders=%d take_ms=%d render_ms=%d total_ms=%d "
                            + "per_order_ms=%.1f pdf_kb=%d%n%n", round, ORDERS, (taken - start) / 1_000_000,
                    (rendered - taken) / 1_000_000, (rendered - start) / 1_000_000,
                    (rendered - start) / 1e6 / ORDERS, pdf.length / 1024);
        }
    }

    private List<Long> awaitOrdersAwaitingPickup(Cooperative coop, int wanted) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(120));
        List<Long> ids = List.of();
        while (ids.size() < wanted && Instant.now().isBefore(giveUp)) {
            Thread.sleep(500);
            ids = jdbc.sql("SELECT id FROM orders WHERE cooperative_id = ? AND status = 'AWAITING_PICKUP' ORDER BY id")
                    .param(coop.id()).query(Long.class).list();
        }
        assertThat(ids).as("orders ingested from the sandbox and ready").hasSizeGreaterThanOrEqualTo(wanted);
        return ids;
    }
}
