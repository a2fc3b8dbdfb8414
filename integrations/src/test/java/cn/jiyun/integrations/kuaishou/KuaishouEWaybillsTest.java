package cn.jiyun.integrations.kuaishou;

import cn.jiyun.integrations.AuthorisationRevokedException;
import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.EWaybill;
import cn.jiyun.integrations.EWaybillAccount;
import cn.jiyun.integrations.EWaybillRequest;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.kuaishou.KuaishouSigner.SignMethod;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.APP_KEY;
import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.JSON;
import static cn.jiyun.integrations.kuaishou.KuaishouFixtures.signedAsKuaishouRequires;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kuaishou's e-waybill calls against a WireMock Kuaishou that checks each signature and param, as the gateway would. */
class KuaishouEWaybillsTest {

    @RegisterExtension
    static WireMockExtension kuaishou = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Instant NOW = Instant.ofEpochMilli(1_700_000_000_000L);
    static final String SHOP = "2161524184";
    static final String TOKEN = "ChFvYXV0aC5hY2Nlc3NUb2tlbg";
    static final String ORDER = "2607602240240301";
    static final String GET_PATH = "/open/express/ebill/get";
    static final String CANCEL_PATH = "/open/express/ebill/cancel";
    static final EWaybillAccount ACCOUNT = new EWaybillAccount(Carrier.ZTO, "640521", "K64052101", null);

    final InMemoryShopAccounts shops = new InMemoryShopAccounts();

    KuaishouEWaybills eWaybills() {
        KuaishouProperties properties = KuaishouFixtures.properties(SignMethod.HMAC_SHA256);
        KuaishouClient client = new KuaishouClient(KuaishouFixtures.settings(kuaishou.baseUrl(), Duration.ZERO,
                Duration.ofDays(1), 50), properties, new KuaishouSigner(properties.signSecret()), shops, JSON,
                Clock.fixed(NOW, ZoneOffset.UTC));
        return new KuaishouEWaybills(client, JSON);
    }

    ShopAccount shop() {
        ShopAccount shop = new ShopAccount(Platform.KUAISHOU, SHOP, TOKEN, "refresh-1", NOW.plus(Duration.ofDays(1)), null);
        shops.add(shop);
        return shop;
    }

    static EWaybillRequest request(int take) {
        return new EWaybillRequest("jy-41-" + take, take, ORDER, ACCOUNT,
                new EWaybillRequest.Sender("中宁枸杞合作社", "13900000000", "宁夏回族自治区", "中卫市", "中宁县", "宁安镇物流园 1 号"),
                KuaishouFixtures.order(ORDER, 30, 1_699_997_060_000L), List.of(new EWaybillRequest.Item("枸杞 500g", 2)));
    }

    /** The param the gateway receives: the receiver as the order's ciphertext, the sender in clear. */
    static String getParam(int take) {
        return "{\"getEbillOrderRequest\":[{\"merchantCode\":\"Nb8oPhmFTcwPpYcJdfRnTr70nlt1u2eTFhvicWXG13P\","
                + "\"merchantName\":\"\",\"requestId\":\"jy-41-" + take + "\",\"tradeOrderCode\":\"" + ORDER + "\","
                + "\"expressCompanyCode\":\"ZTO\",\"netSiteCode\":\"640521\",\"settleAccount\":\"K64052101\","
                + "\"senderAddress\":{\"provinceName\":\"宁夏回族自治区\",\"cityName\":\"中卫市\",\"districtName\":\"中宁县\","
                + "\"detailAddress\":\"宁安镇物流园 1 号\"},\"senderContract\":{\"name\":\"中宁枸杞合作社\",\"mobile\":\"13900000000\"},"
                + "\"receiverAddress\":{\"provinceName\":\"浙江省\",\"cityName\":\"杭州市\",\"districtName\":\"西湖区\","
                + "\"detailAddress\":\"#ks#enc\"},\"receiverContract\":{\"name\":\"#ks#enc\",\"mobile\":\"#ks#enc\"},"
                + "\"itemList\":[{\"itemTitle\":\"枸杞 500g\",\"itemQuantity\":2}],\"totalPackageQuantity\":1,"
                + "\"packageCode\":\"JY" + take + "\"}]}";
    }

    static MappingBuilder signedGet(int take) {
        return post(urlPathEqualTo(GET_PATH))
                .withFormParam("appkey", equalTo(APP_KEY))
                .withFormParam("method", equalTo(KuaishouEWaybills.GET))
                .withFormParam("access_token", equalTo(TOKEN))
                .withFormParam("param", equalToJson(getParam(take)))
                .andMatching(signedAsKuaishouRequires());
    }

    static String answer(String requestId, String waybill) {
        return "{\"result\":1,\"error_msg\":\"\",\"data\":[{\"requestId\":\"" + requestId + "\",\"result\":1,"
                + "\"data\":[{\"waybillCode\":\"" + waybill + "\",\"printData\":\"KS-ENCRYPTED-PRINT\"}]}]}";
    }

    @Test
    void takesAWaybillWithASignedRequestAndKeepsTheEncryptedPrintDataForThePrintComponent() {
        kuaishou.stubFor(signedGet(1).willReturn(okJson(answer("jy-41-1", "73100000000001"))));

        EWaybill waybill = eWaybills().take(shop(), request(1));

        assertThat(waybill.waybillNumber()).isEqualTo("73100000000001");
        assertThat(waybill.printData()).isEqualTo("KS-ENCRYPTED-PRINT");
        assertThat(waybill.encrypted()).isTrue();
        assertThat(waybill.sortCode()).isEmpty();
        assertThat(waybill.receiverMasked()).isEqualTo("张* 138****0021 浙江省杭州市西湖区");
    }

    @Test
    void plainPrintDataThatNamesTheNumberIsKeptAsPlainWithItsSortCode() {
        String print = "{\\\"waybillNo\\\":\\\"73100000000001\\\",\\\"sortCode\\\":\\\"300-A12 05\\\"}";
        kuaishou.stubFor(signedGet(1).willReturn(okJson("{\"result\":1,\"data\":[{\"requestId\":\"jy-41-1\","
                + "\"data\":[{\"waybillCode\":\"73100000000001\",\"printData\":\"" + print + "\"}]}]}")));

        EWaybill waybill = eWaybills().take(shop(), request(1));

        assertThat(waybill.encrypted()).isFalse();
        assertThat(waybill.sortCode()).isEqualTo("300-A12 05");
    }

    @Test
    void askingAgainSendsTheSameRequestIdAndATakeAfterACancellationANewOneWithANewPackage() {
        kuaishou.stubFor(signedGet(1).willReturn(okJson(answer("jy-41-1", "73100000000001"))));
        kuaishou.stubFor(signedGet(2).willReturn(okJson(answer("jy-41-2", "73100000000002"))));
        ShopAccount shop = shop();

        EWaybill first = eWaybills().take(shop, request(1));
        EWaybill again = eWaybills().take(shop, request(1));
        EWaybill afterCancel = eWaybills().take(shop, request(2));

        assertThat(again.waybillNumber()).isEqualTo(first.waybillNumber());
        assertThat(afterCancel.waybillNumber()).isNotEqualTo(first.waybillNumber());
        kuaishou.verify(2, postRequestedFor(urlPathEqualTo(GET_PATH))
                .withFormParam("param", matchingJsonPath("$.getEbillOrderRequest[0].requestId", equalTo("jy-41-1"))));
    }

    @Test
    void aRefusedRequestIsAPermanentFailureWithKuaishousReason() {
        kuaishou.stubFor(signedGet(1).willReturn(okJson("{\"result\":1,\"data\":[{\"requestId\":\"jy-41-1\","
                + "\"result\":21001,\"errorMsg\":\"网点余额不足\",\"data\":[]}]}")));

        assertThatThrownBy(() -> eWaybills().take(shop(), request(1)))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.platformCode()).isEqualTo("21001");
                    assertThat(e.getMessage()).contains("网点余额不足");
                });
    }

    @Test
    void aRefusedCallIsPermanentAndAnUnavailableKuaishouRetryable() {
        kuaishou.stubFor(signedGet(1).willReturn(okJson("{\"result\":22,\"error_msg\":\"订单不存在\"}")));
        assertThatThrownBy(() -> eWaybills().take(shop(), request(1)))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("订单不存在");
                });

        kuaishou.resetAll();
        kuaishou.stubFor(signedGet(1).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> eWaybills().take(shop(), request(1)))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void aRevokedAuthorisationMarksTheShop() {
        kuaishou.stubFor(signedGet(1).willReturn(okJson("{\"result\":24,\"error_msg\":\"AUTHORIZATION_REVOKED\"}")));

        assertThatThrownBy(() -> eWaybills().take(shop(), request(1)))
                .isInstanceOfSatisfying(AuthorisationRevokedException.class, e -> {
                    assertThat(e.shopId()).isEqualTo(SHOP);
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(shops.revocationReason(Platform.KUAISHOU, SHOP)).isPresent();
    }

    @Test
    void cancelsAWaybillWithASignedCall() {
        kuaishou.stubFor(get(urlPathEqualTo(CANCEL_PATH))
                .withQueryParam("method", equalTo(KuaishouEWaybills.CANCEL))
                .withQueryParam("param", equalToJson("{\"expressCompanyCode\":\"ZTO\",\"waybillCode\":\"73100000000001\"}"))
                .andMatching(signedAsKuaishouRequires())
                .willReturn(okJson("{\"result\":1,\"error_msg\":\"\"}")));

        eWaybills().cancel(shop(), ACCOUNT, "73100000000001", "");

        kuaishou.verify(1, getRequestedFor(urlPathEqualTo(CANCEL_PATH)));
    }
}
