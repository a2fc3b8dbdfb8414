package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.kuaidi100.Kuaidi100Signer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;

/**
 * Kuaidi100's {@code poll} subscription as the sandbox serves it, and the pushes that follow: each subscribed waybill
 * moves one scan along every {@code tracking-step} (collected at the county, through 银川 and a trunk hub, out for
 * delivery, signed for), each push signed as Kuaidi100 signs it (MD5 of param and the subscriber's salt, upper case)
 * and carrying the whole history, newest first. A waybill ending in 7 stops with a problem (疑难) after the trunk hub;
 * one ending in 4 is sent back (退回, then 退签). The scans name a courier with a phone, as real ones do.
 */
final class TrackingSandbox {

    /** The authorisation key the sandbox's Kuaidi100 issues to the demo. */
    static final String DEMO_KEY = "JiyunSandboxKuaidi100Key";
    static final String PATH = "/kuaidi100/poll";

    private static final Logger log = LoggerFactory.getLogger(TrackingSandbox.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int PUSHES_KEPT = 500;
    private static final List<String[]> ORIGINS = List.of(
            new String[] {"宁夏回族自治区,中卫市,中宁县", "中卫市"},
            new String[] {"宁夏回族自治区,吴忠市,利通区", "吴忠市"},
            new String[] {"宁夏回族自治区,吴忠市,盐池县", "吴忠市"});
    private static final List<String> TRUNKS = List.of("陕西省,西安市", "河南省,郑州市", "甘肃省,兰州市");
    private static final List<String> DESTINATIONS = List.of("广东省,深圳市,南山区", "浙江省,杭州市,西湖区",
            "上海市,浦东新区", "北京市,朝阳区", "江苏省,南京市,鼓楼区", "四川省,成都市,武侯区");

    /** One scan still to come or already pushed. */
    private record Scan(String word, String area, String context) {
    }

    private static final class Journey {
        final String company;
        final String number;
        final String callback;
        final String salt;
        final List<Scan> script;
        final List<Instant> times = new ArrayList<>();

        Journey(String company, String number, String callback, String salt, List<Scan> script) {
            this.company = company;
            this.number = number;
            this.callback = callback;
            this.salt = salt;
            this.script = script;
        }

        boolean done() {
            return times.size() >= script.size();
        }
    }

    private final Clock clock;
    private final Map<String, Journey> journeys = new ConcurrentHashMap<>();
    private final Deque<SandboxTrackingPush> pushes = new ConcurrentLinkedDeque<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    TrackingSandbox(Clock clock) {
        this.clock = clock;
    }

    Map<String, Function<WireRequest, WireAnswer>> paths() {
        return Map.of(PATH, this::subscribe);
    }

    /** The subscription: {@code schema=json} and {@code param} in a form, checked as Kuaidi100 checks them. */
    WireAnswer subscribe(WireRequest request) {
        if (!"POST".equals(request.method())) {
            return answer(false, "500", "请使用POST提交");
        }
        String param = request.parameter("param");
        if (!"json".equals(request.parameter("schema")) || param == null) {
            return answer(false, "500", "schema 或 param 参数缺失");
        }
        JsonNode body;
        try {
            body = WireAnswer.JSON.readTree(param);
        } catch (JsonProcessingException e) {
            return answer(false, "500", "param 不是 JSON");
        }
        if (!DEMO_KEY.equals(body.path("key").asText())) {
            return answer(false, "600", "您不是合法的订阅者（即授权Key出错）");
        }
        String company = body.path("company").asText("");
        String number = body.path("number").asText("");
        String callback = body.path("parameters").path("callbackurl").asText("");
        String salt = body.path("parameters").path("salt").asText("");
        if (company.isBlank() || number.isBlank() || callback.isBlank()) {
            return answer(false, "700", "订阅方的订阅数据存在错误（如不支持的快递公司、单号为空、单号超长等）或错误的回调地址");
        }
        Journey journey = new Journey(company, number, callback, salt, script(number));
        if (journeys.putIfAbsent(company + "/" + number, journey) != null) {
            return answer(false, "501", "重复订阅");
        }
        log.info("Sandbox Kuaidi100 follows {} {}", company, number);
        return answer(true, "200", "提交成功");
    }

    /** Moves every journey on by one scan and pushes it; the sandbox's timer calls this once a step. */
    void step() {
        for (Journey journey : journeys.values()) {
            if (journey.done()) {
                continue;
            }
            journey.times.add(clock.instant());
            push(journey);
        }
    }

    List<SandboxTrackingPush> pushes() {
        return List.copyOf(pushes);
    }

    private void push(Journey journey) {
        int shown = journey.times.size();
        Scan newest = journey.script.get(shown - 1);
        ObjectNode param = WireAnswer.JSON.createObjectNode();
        boolean delivered = "签收".equals(newest.word()) || "退签".equals(newest.word());
        param.put("status", delivered ? "shutdown" : "polling");
        param.put("billstatus", "");
        param.put("message", "");
        param.put("autoCheck", "0");
        param.put("comOld", "");
        param.put("comNew", "");
        ObjectNode last = param.putObject("lastResult");
        last.put("message", "ok");
        last.put("nu", journey.number);
        last.put("ischeck", delivered ? "1" : "0");
        last.put("condition", "00");
        last.put("com", journey.company);
        last.put("status", "200");
        last.put("state", stateCode(newest.word()));
        ArrayNode data = last.putArray("data");
        for (int i = shown - 1; i >= 0; i--) {
            Scan scan = journey.script.get(i);
            String time = LocalDateTime.ofInstant(journey.times.get(i), CHINA).format(TIME);
            ObjectNode item = data.addObject();
            item.put("time", time);
            item.put("ftime", time);
            item.put("context", scan.context());
            item.put("areaCode", "");
            item.put("areaName", scan.area());
            item.put("status", scan.word());
        }
        String text = param.toString();
        String form = "param=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&sign="
                + new Kuaidi100Signer(journey.salt).sign(text);
        int status;
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(journey.callback))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            status = answer.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            status = 0;
            log.debug("Sandbox Kuaidi100 could not push {} to {}: {}", journey.number, journey.callback, e.toString());
        }
        pushes.addLast(new SandboxTrackingPush(journey.number, newest.word(), status, clock.instant()));
        while (pushes.size() > PUSHES_KEPT) {
            pushes.pollFirst();
        }
    }

    /** A waybill's journey, the same for the same number. */
    static List<Scan> script(String number) {
        int h = Math.floorMod(number.hashCode(), 997);
        String[] origin = ORIGINS.get(h % ORIGINS.size());
        String trunk = TRUNKS.get(h % TRUNKS.size());
        String destination = DESTINATIONS.get(h % DESTINATIONS.size());
        String destinationCity = destination.split(",")[destination.split(",").length - 1];
        String courierPhone = "139" + String.format("%08d", (long) h * 7919 % 100_000_000L);
        List<Scan> scans = new ArrayList<>();
        scans.add(new Scan("揽收", origin[0], "【" + origin[1] + "】县级网点 已揽收，揽收员：马师傅，电话：" + courierPhone));
        scans.add(new Scan("在途", "宁夏回族自治区,银川市", "快件已到达【银川转运中心】"));
        scans.add(new Scan("在途", trunk, "快件已到达【" + trunk.split(",")[1] + "转运中心】，正发往下一站"));
        if (number.endsWith("7")) {
            scans.add(new Scan("疑难", trunk, "快件外包装破损，已联系寄件方处理，客服电话 95311"));
            return scans;
        }
        if (number.endsWith("4")) {
            scans.add(new Scan("退回", trunk, "收件地址不详，快件退回寄件方"));
            scans.add(new Scan("退签", origin[0], "快件已退回寄件网点，寄件方已签收"));
            return scans;
        }
        scans.add(new Scan("派件", destination, "【" + destinationCity + "】快件派送中，派件员：李师傅，电话：" + courierPhone
                + "，请保持电话畅通"));
        scans.add(new Scan("签收", destination, "【" + destinationCity + "】已签收，签收人：本人，如有疑问请联系派件员"));
        return scans;
    }

    private static String stateCode(String word) {
        return switch (word) {
            case "揽收" -> "1";
            case "疑难" -> "2";
            case "签收" -> "3";
            case "退签" -> "4";
            case "派件" -> "5";
            case "退回" -> "6";
            default -> "0";
        };
    }

    private static WireAnswer answer(boolean result, String code, String message) {
        ObjectNode body = WireAnswer.JSON.createObjectNode();
        body.put("result", result);
        body.put("returnCode", code);
        body.put("message", message);
        return WireAnswer.json(body);
    }
}
