package cn.jiyun.integrations.kuaishou;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KuaishouSignerTest {

    /** The exact parameters of the README 2.2 test vector. */
    private static Map<String, String> documentedRequest(String signMethod) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("method", "open.order.cursor.list");
        parameters.put("appkey", "ks000000000000000001");
        parameters.put("version", "1");
        parameters.put("param", "{\"orderViewStatus\":1,\"pageSize\":50,\"sort\":1,\"queryType\":2,"
                + "\"beginTime\":1699996400000,\"endTime\":1700000000000,\"cpsType\":0,\"cursor\":\"\"}");
        parameters.put("timestamp", "1700000000000");
        parameters.put("access_token", "ChFvYXV0aC5hY2Nlc3NUb2tlbg");
        parameters.put("signMethod", signMethod);
        return parameters;
    }

    private final KuaishouSigner signer = new KuaishouSigner("0123456789abcdef0123456789abcdef");

    @Test
    void buildsTheDocumentedStringToSign() {
        assertThat(signer.stringToSign(documentedRequest("MD5"))).isEqualTo(
                "access_token=ChFvYXV0aC5hY2Nlc3NUb2tlbg&appkey=ks000000000000000001&method=open.order.cursor.list"
                        + "&param={\"orderViewStatus\":1,\"pageSize\":50,\"sort\":1,\"queryType\":2,"
                        + "\"beginTime\":1699996400000,\"endTime\":1700000000000,\"cpsType\":0,\"cursor\":\"\"}"
                        + "&signMethod=MD5&timestamp=1700000000000&version=1"
                        + "&signSecret=0123456789abcdef0123456789abcdef");
    }

    @Test
    void signsWithMd5AsLowercaseHexMatchingTheDocumentedVector() {
        assertThat(signer.sign(documentedRequest("MD5"))).isEqualTo("bb97af605d798b79e89c6046259b9052");
    }

    @Test
    void signsWithHmacSha256AsBase64MatchingTheDocumentedVector() {
        assertThat(signer.sign(documentedRequest("HMAC_SHA256")))
                .isEqualTo("PzpHrcQArxEE9fS6IlWsstiuGpRLFlANVW2ANXNfMFw=");
    }

    @Test
    void leavesTheSignAndUnknownParametersOutOfTheSignature() {
        Map<String, String> withExtras = documentedRequest("MD5");
        withExtras.put("sign", "whatever");
        withExtras.put("app_secret", "must-not-matter");
        assertThat(signer.sign(withExtras)).isEqualTo("bb97af605d798b79e89c6046259b9052");
    }

    @Test
    void signsWithTheSignSecretNotTheAppSecret() {
        assertThat(new KuaishouSigner("another-secret").sign(documentedRequest("MD5")))
                .isNotEqualTo("bb97af605d798b79e89c6046259b9052");
    }

    @Test
    void neverShowsTheSecret() {
        assertThat(signer.toString()).doesNotContain("0123456789abcdef");
    }
}
