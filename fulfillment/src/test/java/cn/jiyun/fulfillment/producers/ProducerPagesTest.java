package cn.jiyun.fulfillment.producers;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@H2gisTest
class ProducerPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ProducerService producers;
    @Autowired
    TransactionTemplate tx;

    Cooperative coop;
    JiyunUser admin;

    @BeforeEach
    void anAdmin() {
        coop = fixtures.cooperative();
        admin = fixtures.user(coop, Role.COOP_ADMIN);
    }

    private String page(String path, Object... vars) throws Exception {
        return mvc.perform(get(path, vars).with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** A complete, valid producer form; {@code changes} replace single fields ("name", "value", ...). */
    private static MockHttpServletRequestBuilder producerForm(MockHttpServletRequestBuilder post, String... changes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "马家枸杞园");
        form.put("contactName", "马建国");
        form.put("phone", "13995001234");
        form.put("address", "中宁县宁安镇 3 组");
        form.put("countyCode", "640521");
        form.put("location.latitude", "37.49");
        form.put("location.longitude", "105.68");
        form.put("pickupWindows[0].startsAt", "08:00");
        form.put("pickupWindows[0].endsAt", "12:00");
        form.put("pickupWindows[1].startsAt", "14:00");
        form.put("pickupWindows[1].endsAt", "18:30");
        form.put("pickupWindows[2].startsAt", "");
        form.put("pickupWindows[2].endsAt", "");
        form.put("_shipsChilled", "on");
        for (int i = 0; i < changes.length; i += 2) {
            form.put(changes[i], changes[i + 1]);
        }
        form.forEach(post::param);
        return post;
    }

    @Test
    void listsAndFindsProducersInChinese() throws Exception {
        fixtures.producer(coop, "马家枸杞园", 105.68, 37.49);
        fixtures.producer(coop, "李家滩羊场", 107.40, 37.78);
        fixtures.producer(fixtures.cooperative(), "别家的农户", 105.70, 37.50);

        String all = page("/admin/producers");
        assertThat(all).contains("lang=\"zh-CN\"", "农户", "马家枸杞园", "李家滩羊场", "按名称或电话查找")
                .doesNotContain("别家的农户");
        String found = mvc.perform(get("/admin/producers").param("q", "滩羊").with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(found).contains("李家滩羊场").doesNotContain("马家枸杞园");
        assertThat(page("/admin/producers/new")).contains("登记新农户", "name=\"_csrf\"", "id=\"producer-form\"");
    }

    @Test
    void createsAndEditsAProducerThroughTheForm() throws Exception {
        String location = mvc.perform(producerForm(post("/admin/producers")).with(user(admin)).with(csrf()))
                .andExpect(redirectedUrlPattern("/admin/producers/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        tx.executeWithoutResult(t -> {
            Producer created = producers.get(coop.id(), id);
            assertThat(created.name()).isEqualTo("马家枸杞园");
            assertThat(created.location().getY()).isEqualTo(37.49);
            assertThat(created.pickupWindows()).extracting(PickupWindow::endsAt)
                    .containsExactly(LocalTime.of(12, 0), LocalTime.of(18, 30));
            assertThat(created.shipsChilled()).isFalse();
        });

        String form = page("/admin/producers/{id}", id);
        assertThat(form).contains("修改农户", "value=\"马家枸杞园\"", "value=\"13995001234\"", "value=\"08:00\"");

        mvc.perform(producerForm(post("/admin/producers/{id}", id), "name", "马家枸杞合作园",
                        "pickupWindows[1].startsAt", "", "pickupWindows[1].endsAt", "", "shipsChilled", "true")
                        .with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/producers/" + id));
        tx.executeWithoutResult(t -> {
            Producer edited = producers.get(coop.id(), id);
            assertThat(edited.name()).isEqualTo("马家枸杞合作园");
            assertThat(edited.pickupWindows()).hasSize(1);
            assertThat(edited.shipsChilled()).isTrue();
        });
    }

    @Test
    void showsValidationErrorsNextToTheFieldsAndSavesNothing() throws Exception {
        long before = producers.list(coop.id(), null, Pageable.unpaged()).getTotalElements();

        String outOfRange = mvc.perform(producerForm(post("/admin/producers"),
                        "location.latitude", "95", "phone", "call me", "name", "").with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(outOfRange).contains("还没有保存", "纬度应在 -90 到 90 之间", "请填写正确的电话号码", "请填写此项",
                "data-error-for=\"location.latitude\"", "value=\"马建国\"");

        String outsideArea = mvc.perform(producerForm(post("/admin/producers"),
                        "location.longitude", "116.40", "location.latitude", "39.90").with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(outsideArea).contains("不在本合作社的服务范围内", "data-error-for=\"location\"");

        String overlapping = mvc.perform(producerForm(post("/admin/producers"), "pickupWindows[1].startsAt", "11:00")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(overlapping).contains("各段不能重叠");

        String notANumber = mvc.perform(producerForm(post("/admin/producers"), "location.longitude", "东经105")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(notANumber).contains("经度请填写数字");

        assertThat(producers.list(coop.id(), null, Pageable.unpaged()).getTotalElements()).isEqualTo(before);
    }

    @Test
    void keepsOtherCooperativesProducersOutOfReach() throws Exception {
        Producer theirs = fixtures.producer(fixtures.cooperative(), "别家的农户", 105.70, 37.50);

        mvc.perform(get("/admin/producers/{id}", theirs.id()).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(producerForm(post("/admin/producers/{id}", theirs.id())).with(user(admin)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(producers.get(theirs.cooperativeId(), theirs.id()).name()).isEqualTo("别家的农户");
    }
}
