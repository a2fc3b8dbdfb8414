package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.Carrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Jiyun's carriers as Douyin's company_code words (README 1.7). */
class DouyinCarrierCodesTest {

    private final DouyinCarrierCodes defaults = new DouyinCarrierCodes(Map.of());

    @ParameterizedTest
    @CsvSource({"ZTO,zhongtong", "YTO,yuantong", "STO,shentong", "YUNDA,yunda", "SF,shunfeng", "JD,jd", "JT,jtexpress"})
    void usesTheWordsTheOfficialSdkLists(Carrier carrier, String companyCode) {
        assertThat(defaults.companyCode(carrier)).isEqualTo(companyCode);
    }

    @ParameterizedTest
    @EnumSource(Carrier.class)
    void hasAWordForEveryCarrierJiyunHandsParcelsTo(Carrier carrier) {
        assertThat(defaults.companyCode(carrier)).matches("[a-z]+");
    }

    @Test
    void letsConfigurationCorrectAWord() {
        assertThat(new DouyinCarrierCodes(Map.of(Carrier.DEPPON, "debangwuliu")).companyCode(Carrier.DEPPON))
                .isEqualTo("debangwuliu");
    }
}
