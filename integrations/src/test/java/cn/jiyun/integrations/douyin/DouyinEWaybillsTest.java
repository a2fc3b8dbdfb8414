package cn.jiyun.integrations.douyin;

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

import static cn.jiyun.integrations.douyin.DouyinFixtures.NOW;
import static cn.jiyun.integrations.douyin.DouyinFixtures.error;
import static cn.jiyun.integrations.douyin.DouyinFixtures.signedCall;
import static cn.jiyun.integrations.douyin.DouyinFixtures.success;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Douyin's e-waybill calls against a WireMock Douyin that checks each signature and body, as the platform would. */
class DouyinEWaybillsTest {

    @RegisterExtension
    static WireMockExtension douyin = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String ORDER = "6920000000000000001";
    static final String RAW_ORDER = "{\"order_id\":\"" + ORDER + "\",\"encrypt_post_receiver\":\"#enc-name#\","
            + "\"encrypt_post_tel\":\"$enc-tel$\",\"mask_post_receiver\":\"张**\",\"mask_post_tel\":\"138****5678\","
            + "\"post_addr\":{\"province\":{\"name\":\"浙江省\"},\"city\":{\"name\":\"杭州市\"},"
            + "\"town\":{\"name\":\"西湖区\"},\"encrypt_detail\":\"~enc-detail~\"}}";
    static final EWaybillAccount ACCOUNT = new EWaybillAccount(Carrier.ZTO, "640521", "ZN-0001", "s3cret");
    static final EWaybillRequest.Sender SENDER = new EWaybillRequest.Sender("中宁枸杞合作社", "13900000000",
            "宁夏回族自治区", "中卫市", "中宁县", "宁安镇物流园 1 号");

    /** The param_json Douyin expects, keys sorted at every level as the signer's canonical form has them. */
    static String createParams(String packId) {
        return "{\"logistics_code\":\"zhongtong\",\"order_infos\":[{\"items\":[{\"item_count\":2,\"item_name\":\"枸杞 500g\"}],"
                + "\"net_info\":{\"monthly_account\":\"ZN-0001\",\"net_code\":\"640521\",\"secret_key\":\"s3cret\"},"
                + "\"order_id\":\"" + ORDER + "\"," + (packId == null ? "" : "\"pack_id\":\"" + packId + "\",")
                + "\"receiver_info\":{\"address\":{\"city_name\":\"杭州市\",\"country_code\":\"CHN\","
                + "\"detail_address\":\"~enc-detail~\",\"district_name\":\"西湖区\",\"province_name\":\"浙江省\"},"
                + "\"contact\":{\"mobile\":\"$enc-tel$\",\"name\":\"#enc-name#\"}}}],"
                + "\"sender_info\":{\"address\":{\"city_name\":\"中卫市\",\"country_code\":\"CHN\","
                + "\"detail_address\":\"宁安镇物流园 1 号\",\"district_name\":\"中宁县\",\"province_name\":\"宁夏回族自治区\"},"
                + "\"contact\":{\"mobile\":\"13900000000\",\"name\":\"中宁枸杞合作社\"}}}";
    }

    final InMemoryShopAccounts shops = new InMemoryShopAccounts();

    DouyinEWaybills eWaybills() {
        DouyinProperties properties = DouyinFixtures.properties();
        DouyinSigner signer = new DouyinSigner(properties.appKey(), properties.appSecret(), properties.signMethod());
        return new DouyinEWaybills(new DouyinClient(DouyinFixtures.settings(douyin.baseUrl()), signer, shops,
                Clock.fixed(NOW, ZoneOffset.UTC)), new DouyinCarrierCodes(properties.carrierCodes()));
    }

    ShopAccount shop() {
        ShopAccount shop = DouyinFixtures.shop(null);
        shops.add(shop);
        return shop;
    }

    static EWaybillRequest request(int take) {
        return new EWaybillRequest("jy-41-" + take, take, ORDER, ACCOUNT, SENDER, RAW_ORDER,
                List.of(new EWaybillRequest.Item("枸杞 500g", 2)));
    }

    @Test
    void takesAWaybillWithASignedRequestAndReadsTheNumberSortCodeAndPrintData() {
        douyin.stubFor(signedCall(DouyinEWaybills.CREATE, "at-old", createParams(null)).willReturn(okJson(success(
                "{\"ebill_infos\":[{\"order_id\":\"" + ORDER + "\",\"track_no\":\"73100000000001\",\"company\":\"zhongtong\","
                        + "\"sort_code\":\"300-A12 05\",\"package_center_name\":\"银川集包\"}],\"err_infos\":[]}"))));

        EWaybill waybill = eWaybills().take(shop(), request(1));

        assertThat(waybill.waybillNumber()).isEqualTo("73100000000001");
        assertThat(waybill.sortCode()).isEqualTo("300-A12 05");
        assertThat(waybill.encrypted()).isFalse();
        assertThat(waybill.printData()).contains("\"track_no\":\"73100000000001\"", "银川集包");
        assertThat(waybill.receiverMasked()).isEqualTo("张** 138****5678 浙江省杭州市西湖区");
        assertThat(waybill.printData()).doesNotContain("enc-");
    }

    @Test
    void askingAgainAfterATimeoutSendsTheSameOrderWithoutAPackIdSoDouyinAnswersTheSameNumber() {
        douyin.stubFor(signedCall(DouyinEWaybills.CREATE, "at-old", createParams(null)).willReturn(okJson(success(
                "{\"ebill_infos\":[{\"order_id\":\"" + ORDER + "\",\"track_no\":\"73100000000001\"}]}"))));
        ShopAccount shop = shop();

        EWaybill first = eWaybills().take(shop, request(1));
        EWaybill again = eWaybills().take(shop, request(1));

        assertThat(again.waybillNumber()).isEqualTo(first.waybillNumber());
        douyin.verify(2, postRequestedFor(urlPathEqualTo("/logistics/newCreateOrder")));
    }

    @Test
    void aTakeAfterACancellationAsksWithANewPackId() {
        douyin.stubFor(signedCall(DouyinEWaybills.CREATE, "at-old", createParams("JY2")).willReturn(okJson(success(
                "{\"ebill_infos\":[{\"order_id\":\"" + ORDER + "\",\"pack_id\":\"JY2\",\"track_no\":\"73100000000002\"}]}"))));

        assertThat(eWaybills().take(shop(), request(2)).waybillNumber()).isEqualTo("73100000000002");
    }

    @Test
    void aRefusalOfTheOrderIsAPermanentFailureWithDouyinsReason() {
        douyin.stubFor(signedCall(DouyinEWaybills.CREATE, "at-old", createParams(null)).willReturn(okJson(success(
                "{\"ebill_infos\":[],\"err_infos\":[{\"order_id\":\"" + ORDER + "\",\"err_code\":\"30012\","
                        + "\"err_msg\":\"网点余额不足\"}]}"))));

        assertThatThrownBy(() -> eWaybills().take(shop(), request(1)))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.platformCode()).isEqualTo("30012");
                    assertThat(e.getMessage()).contains("网点余额不足");
                });
    }

    @Test
    void aRefusedCallIsAPermanentFailureAndAnUnavailableDouyinARetryableOne() {
        douyin.stubFor(signedCall(DouyinEWaybills.CREATE, "at-old", createParams(null))
                .willReturn(okJson(error(50002, "isv.business-failed:15002", "订单信息不存在"))));
        assertThatThrownBy(() -> eWaybills().take(shop(), request(1)))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("订单信息不存在");
                });

        douyin.resetAll();
        douyin.stubFor(signedCall(DouyinEWaybills.CREATE, "at-old", createParams(null))
                .willReturn(okJson(error(20000, "isp.service-error:15001", "系统错误"))));
        assertThatThrownBy(() -> eWaybills().take(shop(), request(1)))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void cancelsAWaybillWithASignedCall() {
        douyin.stubFor(signedCall(DouyinEWaybills.CANCEL, "at-old",
                "{\"logistics_code\":\"zhongtong\",\"track_no\":\"73100000000001\"}")
                .willReturn(okJson(success("{\"success\":true}"))));

        eWaybills().cancel(shop(), ACCOUNT, "73100000000001", "");

        douyin.verify(1, postRequestedFor(urlPathEqualTo("/logistics/cancelOrder")));
    }
}
