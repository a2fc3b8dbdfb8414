package cn.jiyun.fulfillment.board;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import cn.jiyun.integrations.Platform;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How long the planning board takes to load for a cooperative with 1,000 producers and 3,000 parcels awaiting
 * pickup: the page and its two map requests (hubs, producers), server side through the whole web and security
 * stack, on the embedded store. Prints the median of several loads; asserts nothing about speed (the target is
 * under 2 s). Run it with {@code scripts/bench-board.sh} (sizes: {@code -Dbench.producers=N -Dbench.parcels=N
 * -Dbench.loads=N}).
 */
@Tag("benchmark")
@H2gisTest
class BoardBenchmark {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void loadsTheBoardOfALargeCooperative() throws Exception {
        int producerCount = Integer.getInteger("bench.producers", 1_000);
        int parcelCount = Integer.getInteger("bench.parcels", 3_000);
        int loads = Integer.getInteger("bench.loads", 15);
        Cooperative coop = fixtures.cooperative();
        JiyunUser admin = fixtures.user(coop, Role.COOP_ADMIN);
        fixtures.vehicle(coop, fixtures.hub(coop, "中宁集散中心", 105.68, 37.49));
        fixtures.vehicle(coop, fixtures.hub(coop, "利通集散中心", 106.20, 37.99));
        fixtures.vehicle(coop, fixtures.hub(coop, "盐池集散中心", 107.40, 37.78));
        Shop shop = fixtures.shop(coop, Platform.DOUYIN, null);
        Random random = new Random(20261129);
        List<String> skus = new ArrayList<>();
        long setupStart = System.nanoTime();
        for (int i = 0; i < producerCount; i++) {
            Producer producer = fixtures.producer(coop, "农户" + i, 105.5 + random.nextDouble() * 2.0,
                    37.2 + random.nextDouble() * 1.0);
            skus.add(fixtures.sku(coop, shop, producer, 500 + random.nextInt(3_000)));
        }
        for (int i = 0; i < parcelCount; i++) {
            fixtures.paidOrder(shop, skus.get(i % skus.size()), 1);
        }
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;

        String page = load(admin);
        assertThat(page).contains("农户" + (producerCount - 1));
        for (int i = 0; i < 3; i++) {
            load(admin); // warm-up
        }
        long[] millis = new long[loads];
        for (int i = 0; i < loads; i++) {
            long start = System.nanoTime();
            load(admin);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%nBOARD store=h2 producers=%d parcels=%d loads=%d median_ms=%d min_ms=%d "
                        + "max_ms=%d page_bytes=%d (setup %.1f s)%n%n", producerCount, parcelCount, loads,
                millis[loads / 2], millis[0], millis[loads - 1], page.length(), setupSeconds);
    }

    /** The board page, then the map's hubs and producers, as the browser asks for them. */
    private String load(JiyunUser admin) throws Exception {
        String page = mvc.perform(get("/board").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get("/board/hubs").with(user(admin))).andExpect(status().isOk());
        String producers = mvc.perform(get("/board/producers").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(producers).startsWith("[");
        return page;
    }
}
