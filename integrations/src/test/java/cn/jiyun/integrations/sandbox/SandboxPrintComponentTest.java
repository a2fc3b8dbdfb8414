package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Platform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's print components answer as the platforms' do: the Cainiao-style protocol of Douyin and Kuaishou
 * (printers, a print task accepted and then reported printed, refusals with the reason) and WeChat Channels' own,
 * and keep what they printed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jiyun.sandbox.enabled=true", "jiyun.sandbox.port=0"})
class SandboxPrintComponentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    SandboxPrintedLabels printed;

    @Test
    void douyinsComponentListsItsPrinterPrintsATaskAndReportsEachDocument() throws Exception {
        try (Component douyin = connect("douyin")) {
            JsonNode printers = douyin.ask("{\"cmd\":\"getPrinters\",\"requestID\":\"r1\",\"version\":\"1.0\"}");
            assertThat(printers.path("defaultPrinter").asText()).isEqualTo(SandboxPrintComponent.PRINTER);

            douyin.send("{\"cmd\":\"print\",\"requestID\":\"r2\",\"version\":\"1.0\",\"task\":{\"taskID\":\"t-1\","
                    + "\"printer\":\"" + SandboxPrintComponent.PRINTER + "\",\"preview\":false,\"documents\":["
                    + "{\"documentID\":\"78310000000001\",\"contents\":[{\"encryptedData\":\"AES:x\",\"signature\":\"s\","
                    + "\"templateURL\":\"https://example.invalid/zto76x130\",\"params\":\"p\"}]}]}}");
            JsonNode accepted = douyin.next();
            assertThat(accepted.path("status").asText()).isEqualTo("success");
            assertThat(accepted.path("taskID").asText()).isEqualTo("t-1");
            JsonNode notified = douyin.next();
            assertThat(notified.path("cmd").asText()).isEqualTo("notifyPrintResult");
            assertThat(notified.path("printStatus").get(0).path("documentID").asText()).isEqualTo("78310000000001");
        }
        assertThat(printed.all()).contains(new SandboxPrintComponent.Printed(Platform.DOUYIN, "t-1", "78310000000001"));
    }

    @Test
    void refusesWhatARealComponentCouldNotPrintAndPrintsNothing() throws Exception {
        int before = printed.all().size();
        try (Component kuaishou = connect("kuaishou")) {
            JsonNode noTemplate = kuaishou.ask("{\"cmd\":\"print\",\"requestID\":\"r3\",\"version\":\"1.0\",\"task\":{"
                    + "\"taskID\":\"t-2\",\"documents\":[{\"documentID\":\"d\",\"contents\":[{\"data\":{}}]}]}}");
            assertThat(noTemplate.path("status").asText()).isEqualTo("failed");
            assertThat(noTemplate.path("msg").asText()).contains("templateURL");
            StringBuilder eleven = new StringBuilder();
            for (int i = 0; i < 11; i++) {
                eleven.append(i == 0 ? "" : ",").append("{\"documentID\":\"d").append(i)
                        .append("\",\"contents\":[{\"data\":{},\"templateURL\":\"u\"}]}");
            }
            JsonNode tooMany = kuaishou.ask("{\"cmd\":\"print\",\"requestID\":\"r4\",\"version\":\"1.0\",\"task\":{"
                    + "\"taskID\":\"t-3\",\"documents\":[" + eleven + "]}}");
            assertThat(tooMany.path("msg").asText()).contains("at most 10");
            assertThat(kuaishou.ask("not json").path("status").asText()).isEqualTo("failed");
        }
        assertThat(printed.all()).hasSize(before);
    }

    @Test
    void wechatsComponentSpeaksItsOwnProtocol() throws Exception {
        try (Component wechat = connect("wechat")) {
            JsonNode printers = wechat.ask("{\"command\":\"getPrinterList\",\"requestID\":\"w1\"}");
            assertThat(printers.path("printerList").get(0).path("name").asText())
                    .isEqualTo(SandboxPrintComponent.PRINTER);
            JsonNode oldVersion = wechat.ask("{\"command\":\"print\",\"requestID\":\"w2\",\"version\":\"1.0\","
                    + "\"taskList\":[{\"taskID\":\"wt-1\",\"printInfo\":\"x\"}]}");
            assertThat(oldVersion.path("msg").asText()).contains("2.0");
            JsonNode done = wechat.ask("{\"command\":\"print\",\"requestID\":\"w3\",\"version\":\"2.0\",\"printer\":\""
                    + SandboxPrintComponent.PRINTER + "\",\"taskList\":[{\"taskID\":\"wt-2\",\"printInfo\":\"x\","
                    + "\"printNum\":{\"curNum\":1,\"sumNum\":2}},{\"taskID\":\"wt-3\",\"printInfo\":\"\"}]}");
            assertThat(done.path("taskList").get(0).path("success").asBoolean()).isTrue();
            assertThat(done.path("taskList").get(1).path("success").asBoolean()).isFalse();
            assertThat(done.path("taskList").get(1).path("failureReason").asText()).contains("printInfo");
        }
        assertThat(printed.all()).contains(new SandboxPrintComponent.Printed(Platform.WECHAT, "wt-2", "wt-2"))
                .noneMatch(p -> p.taskId().equals("wt-3"));
    }

    private Component connect(String platform) throws Exception {
        Component component = new Component();
        component.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + SandboxPrintComponentAutoConfiguration.PATH + platform),
                        component).get(10, TimeUnit.SECONDS);
        return component;
    }

    /** A page's side of the connection: what it sends, and the answers in order. */
    private static final class Component implements WebSocket.Listener, AutoCloseable {
        private final LinkedBlockingQueue<String> answers = new LinkedBlockingQueue<>();
        private final List<CharSequence> parts = new ArrayList<>();
        private WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            parts.add(data);
            if (last) {
                answers.add(String.join("", parts));
                parts.clear();
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        void send(String text) throws Exception {
            socket.sendText(text, true).get(10, TimeUnit.SECONDS);
        }

        JsonNode next() throws Exception {
            String answer = answers.poll(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
            assertThat(answer).as("an answer from the component").isNotNull();
            return JSON.readTree(answer);
        }

        JsonNode ask(String request) throws Exception {
            send(request);
            return next();
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
