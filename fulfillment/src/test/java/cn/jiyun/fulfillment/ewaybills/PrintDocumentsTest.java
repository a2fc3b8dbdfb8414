package cn.jiyun.fulfillment.ewaybills;

import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.EWaybill;
import cn.jiyun.integrations.Platform;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the hub page hands each platform's print component for labels in the platform's ciphertext. */
class PrintDocumentsTest {

    static OrderEWaybill taken(Platform platform, String number, String printData, boolean encrypted) {
        CarrierAccount account = new CarrierAccount(1L, platform, Carrier.ZTO, Instant.now());
        account.update("640521", "A-1", null, new CarrierAccount.Sender("社", "13900000000", "宁夏", "中卫市", "中宁县",
                "路 1 号"), true, Instant.now());
        OrderEWaybill take = new OrderEWaybill(1L, 7L, 1, platform, account, "courier", Instant.now());
        take.taken(new EWaybill(number, "", printData, encrypted, "", ""), Instant.now());
        return take;
    }

    @Test
    void cainiaoStyleDocumentsCarryThePlatformsContentAndWechatTasksItsPrintInfo() {
        String douyin = "{\"encryptedData\":\"AbC==\",\"signature\":\"sig\",\"templateURL\":\"https://t/76130\"}";
        String documents = PrintDocuments.of(List.of(
                taken(Platform.DOUYIN, "73100000000001", douyin, true),
                taken(Platform.KUAISHOU, "73100000000002", "opaque-ciphertext", true),
                taken(Platform.WECHAT, "73100000000003", "wx-print-info", true),
                taken(Platform.DOUYIN, "73100000000004", "{\"waybillNo\":\"73100000000004\"}", false)));

        assertThat(JsonPath.<List<?>>read(documents, "$")).hasSize(3);
        assertThat(JsonPath.<String>read(documents, "$[0].documentID")).isEqualTo("73100000000001");
        assertThat(JsonPath.<String>read(documents, "$[0].contents[0].signature")).isEqualTo("sig");
        assertThat(JsonPath.<String>read(documents, "$[0].contents[0].templateURL")).isEqualTo("https://t/76130");
        assertThat(JsonPath.<String>read(documents, "$[1].contents[0].encryptedData")).isEqualTo("opaque-ciphertext");
        assertThat(JsonPath.<String>read(documents, "$[2].taskID")).isEqualTo("73100000000003");
        assertThat(JsonPath.<String>read(documents, "$[2].printInfo")).isEqualTo("wx-print-info");
        assertThat(PrintDocuments.forComponent(taken(Platform.DOUYIN, "7310", "{}", false))).isFalse();
    }
}
