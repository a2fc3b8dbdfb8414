package cn.jiyun.integrations.kuaidi100;

import cn.jiyun.integrations.tracking.ParcelPush;
import cn.jiyun.integrations.tracking.ParcelScan;
import cn.jiyun.integrations.tracking.ParcelStage;
import cn.jiyun.integrations.tracking.PushRejectedException;
import cn.jiyun.integrations.tracking.TrackingAggregator;
import cn.jiyun.integrations.tracking.TrackingException;
import cn.jiyun.integrations.tracking.WaybillSubscription;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Kuaidi100's {@code poll} subscription (a form POST of {@code schema=json} and {@code param}) and its pushes (a form
 * POST of {@code param} and {@code sign} to the callback). One attempt per call: the caller's queue retries.
 */
public final class Kuaidi100Client implements TrackingAggregator {

    /** Kuaidi100 writes its times in China's zone, without one. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final ObjectMapper JSON = new ObjectMapper();

    private final Kuaidi100Properties properties;
    private final Kuaidi100Signer signer;
    private final HttpClient http;

    public Kuaidi100Client(Kuaidi100Properties properties) {
        this.properties = properties;
        this.signer = new Kuaidi100Signer(properties.salt());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return "KUAIDI100";
    }

    @Override
    public void subscribe(WaybillSubscription subscription) {
        String company = Kuaidi100CarrierCodes.codeOf(subscription.carrier());
        if (company == null) {
            throw new TrackingException("Kuaidi100 has no code for carrier " + subscription.carrier(), false);
        }
        ObjectNode param = JSON.createObjectNode();
        param.put("company", company);
        param.put("number", subscription.waybillNumber());
        param.put("key", properties.key());
        ObjectNode parameters = param.putObject("parameters");
        parameters.put("callbackurl", callbackUrl(subscription.callbackParameters()));
        parameters.put("salt", properties.salt());
        // 1: each scan carries its area (areaName) and its own state
        parameters.put("resultv2", "1");
        String form = "schema=json&param=" + URLEncoder.encode(param.toString(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.baseUrl().toString().replaceAll("/+$", "")
                        + "/poll"))
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TrackingException("Kuaidi100 could not be reached: " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackingException("interrupted while subscribing at Kuaidi100", true, e);
        }
        if (answer.statusCode() >= 500 || answer.statusCode() == 429) {
            throw new TrackingException("Kuaidi100 answered HTTP " + answer.statusCode(), true);
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new TrackingException("Kuaidi100 answered HTTP " + answer.statusCode() + " with no JSON", true, e);
        }
        String code = body.path("returnCode").asText("");
        if (body.path("result").asBoolean(false) || "200".equals(code) || "501".equals(code)) {
            return; // 501: the waybill is followed already (重复订阅), which is what we asked for
        }
        String message = body.path("message").asText("");
        // 5xx codes are Kuaidi100's own trouble; 600/601 (the key), 700 (carrier or number) need a person
        throw new TrackingException("Kuaidi100 refused the subscription: " + code + " " + message,
                code.startsWith("5"));
    }

    /** The configured callback with the subscription's own parameters in its query. */
    String callbackUrl(Map<String, String> parameters) {
        StringBuilder url = new StringBuilder(properties.callbackUrl().toString());
        char separator = url.indexOf("?") < 0 ? '?' : '&';
        for (Map.Entry<String, String> p : new java.util.TreeMap<>(parameters).entrySet()) {
            url.append(separator).append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    @Override
    public ParcelPush read(Map<String, String> form) {
        String param = form.get("param");
        String sign = form.get("sign");
        if (param == null || param.isBlank()) {
            throw new PushRejectedException("the push has no param", true);
        }
        if (sign == null || sign.isBlank()) {
            throw new PushRejectedException("the push is not signed", true);
        }
        if (!signer.verifies(param, sign)) {
            throw new PushRejectedException("the push's sign is not MD5(param + salt)", true);
        }
        JsonNode push;
        try {
            push = JSON.readTree(param);
        } catch (JsonProcessingException e) {
            throw new PushRejectedException("the push's param is not JSON", e);
        }
        JsonNode last = push.path("lastResult");
        String number = last.path("nu").asText("");
        if (number.isBlank()) {
            throw new PushRejectedException("the push names no waybill (lastResult.nu)", false);
        }
        String company = last.path("com").asText("");
        String state = last.path("state").asText("");
        List<ParcelScan> scans = new ArrayList<>();
        JsonNode data = last.path("data");
        // newest first on the wire
        for (int i = 0; i < data.size(); i++) {
            JsonNode scan = data.get(i);
            String word = scan.path("status").asText("");
            String statusCode = scan.path("statusCode").asText("");
            ParcelStage stage = stageOf(word, statusCode, i == 0 ? state : "");
            String time = scan.path("ftime").asText("");
            if (time.isBlank()) {
                time = scan.path("time").asText("");
            }
            try {
                scans.add(new ParcelScan(LocalDateTime.parse(time.strip(), TIME).atZone(CHINA).toInstant(),
                        scan.path("areaName").asText(""), scan.path("context").asText(""), stage,
                        !word.isBlank() ? word : statusCode.isBlank() && i == 0 ? state : statusCode));
            } catch (DateTimeParseException e) {
                throw new PushRejectedException("a scan's time is not yyyy-MM-dd HH:mm:ss: " + time, e);
            }
        }
        Collections.reverse(scans);
        return new ParcelPush(company, Kuaidi100CarrierCodes.carrierOf(company), number,
                push.path("status").asText(""), push.path("message").asText(""), scans, param);
    }

    @Override
    public String acknowledgement() {
        return "{\"result\":true,\"returnCode\":\"200\",\"message\":\"接收成功\"}";
    }

    @Override
    public String refusal(String reason) {
        ObjectNode body = JSON.createObjectNode();
        body.put("result", false);
        body.put("returnCode", "400");
        body.put("message", reason);
        return body.toString();
    }

    /**
     * A scan's stage from its own state word ({@code resultv2=1}), else its state code, else (newest scan only) the
     * waybill's state; a scan that says none of these is in transit.
     */
    static ParcelStage stageOf(String word, String statusCode, String waybillState) {
        ParcelStage byWord = switch (word.strip()) {
            case "揽收" -> ParcelStage.COLLECTED;
            case "在途", "转投", "转单", "清关" -> ParcelStage.IN_TRANSIT;
            case "派件", "待取件" -> ParcelStage.OUT_FOR_DELIVERY;
            case "签收" -> ParcelStage.DELIVERED;
            case "疑难", "拒签" -> ParcelStage.PROBLEM;
            case "退回" -> ParcelStage.RETURNING;
            case "退签" -> ParcelStage.RETURNED;
            default -> null;
        };
        if (byWord != null) {
            return byWord;
        }
        String code = !statusCode.isBlank() ? statusCode : waybillState;
        // sub-states are three digits led by their state (101: ordered, 501: at a pickup point...)
        String family = code.length() == 3 ? code.substring(0, 1) : code;
        return switch (family) {
            case "1" -> ParcelStage.COLLECTED;
            case "2", "14" -> ParcelStage.PROBLEM;
            case "3" -> ParcelStage.DELIVERED;
            case "4" -> ParcelStage.RETURNED;
            case "5" -> ParcelStage.OUT_FOR_DELIVERY;
            case "6" -> ParcelStage.RETURNING;
            default -> ParcelStage.IN_TRANSIT;
        };
    }
}
