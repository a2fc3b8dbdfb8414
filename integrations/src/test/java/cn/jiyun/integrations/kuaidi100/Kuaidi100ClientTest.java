package cn.jiyun.integrations.kuaidi100;

import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.tracking.ParcelPush;
import cn.jiyun.integrations.tracking.ParcelStage;
import cn.jiyun.integrations.tracking.PushRejectedException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading Kuaidi100's pushes: the signature first, then the scans oldest first, in Jiyun's stages. */
class Kuaidi100ClientTest {

    private static final String PARAM = """
            {"status":"polling","message":"","lastResult":{"message":"ok","nu":"78312345678901","ischeck":"0",\
            "com":"zhongtong","status":"200","state":"5","data":[\
            {"time":"2026-12-02 09:30:00","ftime":"2026-12-02 09:30:00","context":"派送中","areaName":"浙江省,杭州市","status":"派件"},\
            {"time":"2026-12-01 20:00:00","ftime":"2026-12-01 20:00:00","context":"到达银川","areaName":"宁夏回族自治区,银川市"},\
            {"time":"2026-12-01 10:00:00","ftime":"2026-12-01 10:00:00","context":"已揽收","areaName":"","statusCode":"1"}]}}""";

    private final Kuaidi100Client client = new Kuaidi100Client(new Kuaidi100Properties(URI.create("http://localhost:1"),
            "key", "salt-1", URI.create("https://jiyun.example.cn/webhooks/kuaidi100"), Duration.ofSeconds(1),
            Duration.ofSeconds(1)));

    @Test
    void signsAsMd5OfParamAndSaltInUpperCase() {
        // echo -n '{}salt-1' | md5sum, upper-cased
        assertThat(new Kuaidi100Signer("salt-1").sign("{}")).isEqualTo("ABEDB454FC25FEB96FA2EC4FF9B97DAB");
        assertThat(new Kuaidi100Signer("salt-1").verifies("{}", "abedb454fc25feb96fa2ec4ff9b97dab")).isTrue();
    }

    @Test
    void readsTheScansOldestFirstWithTheirStages() {
        ParcelPush push = client.read(Map.of("param", PARAM, "sign", new Kuaidi100Signer("salt-1").sign(PARAM)));

        assertThat(push.waybillNumber()).isEqualTo("78312345678901");
        assertThat(push.carrier()).contains(Carrier.ZTO);
        assertThat(push.scans()).extracting(s -> s.stage()).containsExactly(ParcelStage.COLLECTED,
                ParcelStage.IN_TRANSIT, ParcelStage.OUT_FOR_DELIVERY);
        assertThat(push.scans().get(0).at()).isEqualTo(Instant.parse("2026-12-01T02:00:00Z"));
        assertThat(push.scans().get(1).area()).isEqualTo("宁夏回族自治区,银川市");
    }

    @Test
    void refusesAPushSignedWithAnotherSaltOrNotAtAll() {
        assertThatThrownBy(() -> client.read(Map.of("param", PARAM, "sign", new Kuaidi100Signer("other").sign(PARAM))))
                .isInstanceOf(PushRejectedException.class).matches(e -> ((PushRejectedException) e).badSignature());
        assertThatThrownBy(() -> client.read(Map.of("param", PARAM)))
                .isInstanceOf(PushRejectedException.class).matches(e -> ((PushRejectedException) e).badSignature());
    }

    @Test
    void addsTheSubscriptionsParametersToTheCallback() {
        assertThat(client.callbackUrl(Map.of("cooperative", "7")))
                .isEqualTo("https://jiyun.example.cn/webhooks/kuaidi100?cooperative=7");
    }
}
