package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.EWaybill;
import cn.jiyun.integrations.EWaybillAccount;
import cn.jiyun.integrations.EWaybillRequest;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static cn.jiyun.integrations.wechat.WechatFixtures.NOW;
import static cn.jiyun.integrations.wechat.WechatFixtures.TOKEN;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** WeChat Channels' e-waybill calls against a WireMock WeChat that checks the token and each body. */
class WechatEWaybillsTest {

    @RegisterExtension
    static WireMockExtension wechat = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String ORDER = "3705115058471208704";
    static final String RAW_ORDER = "{\"order_id\":\"" + ORDER + "\",\"order_detail\":{\"delivery_info\":{\"address_info\":"
            + "{\"user_name\":\"李*\",\"tel_number\":\"139****0909\",\"province_name\":\"浙江省\",\"city_name\":\"杭州市\","
            + "\"county_name\":\"上城区\",\"detail_info\":\"****\"}}}}";
    static final EWaybillAccount ACCOUNT = new EWaybillAccount(Carrier.ZTO, "029055", "6635671203", null);
    static final EWaybillRequest REQUEST = new EWaybillRequest("jy-41-1", 1, ORDER, ACCOUNT,
            new EWaybillRequest.Sender("中宁枸杞合作社", "13900000000", "宁夏回族自治区", "中卫市", "中宁县", "宁安镇物流园 1 号"),
            RAW_ORDER, List.of(new EWaybillRequest.Item("枸杞 500g", 2)));
    static final String ID = WechatEWaybills.eWaybillOrderId("jy-41-1");

    final InMemoryShopAccounts shops = new InMemoryShopAccounts();

    WechatEWaybills eWaybills() {
        WechatApiClient client = new WechatApiClient(WechatFixtures.settings(wechat.baseUrl()),
                WechatFixtures.properties(), shops, Clock.fixed(NOW, ZoneOffset.UTC));
        return new WechatEWaybills(client, new WechatCarrierCodes(Map.of()));
    }

    ShopAccount shop() {
        ShopAccount shop = WechatFixtures.shop(TOKEN, null);
        shops.add(shop);
        return shop;
    }

    static String createBody() {
        return "{\"ewaybill_order_id\":\"" + ID + "\",\"delivery_id\":\"ZTO\",\"site_code\":\"029055\","
                + "\"ewaybill_acct_id\":\"6635671203\",\"sender\":{\"name\":\"中宁枸杞合作社\",\"mobile\":\"13900000000\","
                + "\"province\":\"宁夏回族自治区\",\"city\":\"中卫市\",\"county\":\"中宁县\",\"street\":\"\","
                + "\"address\":\"宁安镇物流园 1 号\"},\"receiver\":{\"name\":\"李*\",\"mobile\":\"139****0909\","
                + "\"province\":\"浙江省\",\"city\":\"杭州市\",\"county\":\"上城区\",\"street\":\"\",\"address\":\"****\"},"
                + "\"ec_order_list\":[{\"ec_order_id\":" + ORDER + ",\"goods_list\":[{\"good_name\":\"枸杞 500g\","
                + "\"good_count\":2}]}],\"shop_id\":\"" + WechatFixtures.SHOP_ID + "\",\"template_id\":\"single\"}";
    }

    @Test
    void theSameTakeAlwaysSendsTheSameUint64Id() {
        assertThat(WechatEWaybills.eWaybillOrderId("jy-41-1")).isEqualTo(ID).matches("\\d{1,19}");
        assertThat(WechatEWaybills.eWaybillOrderId("jy-41-2")).isNotEqualTo(ID);
    }

    @Test
    void takesAWaybillWithTheShopsTokenAndKeepsThePrintMessage() {
        wechat.stubFor(post(urlPathEqualTo(WechatEWaybills.CREATE)).withQueryParam("access_token", equalTo(TOKEN))
                .withRequestBody(equalToJson(createBody()))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"ewaybill_order_id\":\"" + ID + "\","
                        + "\"waybill_id\":\"75100000000001\",\"print_info\":\"ENCRYPTED-PRINT\"}")));

        EWaybill waybill = eWaybills().take(shop(), REQUEST);

        assertThat(waybill.waybillNumber()).isEqualTo("75100000000001");
        assertThat(waybill.encrypted()).isTrue();
        assertThat(waybill.printData()).isEqualTo("ENCRYPTED-PRINT");
        assertThat(waybill.platformReference()).isEqualTo(ID);
        assertThat(waybill.receiverMasked()).isEqualTo("李* 139****0909 浙江省杭州市上城区");
    }

    @Test
    void aRetryAfterATimeoutReadsTheWaybillAlreadyTakenInsteadOfTakingASecond() {
        wechat.stubFor(post(urlPathEqualTo(WechatEWaybills.CREATE))
                .willReturn(okJson("{\"errcode\":10025019,\"errmsg\":\"电子面单已存在\"}")));
        wechat.stubFor(post(urlPathEqualTo(WechatEWaybills.GET)).withQueryParam("access_token", equalTo(TOKEN))
                .withRequestBody(equalToJson("{\"ewaybill_order_id\":\"" + ID + "\"}"))
                .willReturn(okJson("{\"errcode\":0,\"order_info\":{\"ewaybill_order_id\":\"" + ID + "\","
                        + "\"waybill_id\":\"75100000000001\",\"status\":1}}")));

        assertThat(eWaybills().take(shop(), REQUEST).waybillNumber()).isEqualTo("75100000000001");
        wechat.verify(1, postRequestedFor(urlPathEqualTo(WechatEWaybills.GET)));
    }

    @Test
    void aRefusalCarriesWechatsReason() {
        wechat.stubFor(post(urlPathEqualTo(WechatEWaybills.CREATE))
                .willReturn(okJson("{\"errcode\":10025013,\"errmsg\":\"网点信息错误\"}")));

        assertThatThrownBy(() -> eWaybills().take(shop(), REQUEST))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.platformCode()).isEqualTo("10025013");
                    assertThat(e.getMessage()).contains("网点信息错误");
                });
    }

    @Test
    void cancelsUnderTheEWaybillOrderId() {
        wechat.stubFor(post(urlPathEqualTo(WechatEWaybills.CANCEL)).withQueryParam("access_token", equalTo(TOKEN))
                .withRequestBody(equalToJson("{\"ewaybill_order_id\":\"" + ID + "\",\"delivery_id\":\"ZTO\","
                        + "\"waybill_id\":\"75100000000001\"}"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

        eWaybills().cancel(shop(), ACCOUNT, "75100000000001", ID);

        wechat.verify(1, postRequestedFor(urlPathEqualTo(WechatEWaybills.CANCEL)));
    }
}
