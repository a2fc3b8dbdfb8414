package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Platform;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for a platform's print component, the program a hub's PC runs and its pages talk to over WebSocket:
 * Douyin's and Kuaishou's speak the Cainiao-style protocol ({@code cmd}, {@code requestID}, {@code version 1.0};
 * {@code getPrinters}, {@code print} with a task of documents, then {@code notifyPrintResult}), WeChat Channels'
 * its own ({@code command}, {@code getPrinterList}, {@code print} version 2.0 with a {@code taskList} of
 * {@code printInfo}). It checks what a real component needs, answers as the component does, and keeps each
 * document it "printed" so the demo and the tests can see it; nothing reaches a printer.
 */
public final class SandboxPrintComponent extends TextWebSocketHandler {

    /** The printer the stand-in offers. */
    public static final String PRINTER = "集运沙箱热敏打印机 76×130";
    /** Kuaishou's component takes at most this many documents in one task. */
    static final int KUAISHOU_MAX_DOCUMENTS = 10;

    /** One label the stand-in printed: the platform's component, the task and the document (a waybill's). */
    public record Printed(Platform platform, String taskId, String documentId) {
    }

    private static final Logger log = LoggerFactory.getLogger(SandboxPrintComponent.class);

    private final Platform platform;
    private final ObjectMapper json;
    private final List<Printed> printed;

    SandboxPrintComponent(Platform platform, ObjectMapper json, List<Printed> printed) {
        this.platform = platform;
        this.json = json;
        this.printed = printed;
    }

    /** A new list to share between the three stand-ins. */
    static List<Printed> printedList() {
        return new CopyOnWriteArrayList<>();
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        JsonNode request;
        try {
            request = json.readTree(message.getPayload());
        } catch (JsonProcessingException notJson) {
            send(session, failure(platform == Platform.WECHAT ? "command" : "cmd", "", "",
                    "not a JSON request: " + notJson.getOriginalMessage()));
            return;
        }
        for (ObjectNode answer : platform == Platform.WECHAT ? wechat(request) : cainiaoStyle(request)) {
            send(session, answer);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        log.debug("Sandbox {} print component: a page disconnected ({})", platform, status);
    }

    /** Douyin's and Kuaishou's components. */
    private List<ObjectNode> cainiaoStyle(JsonNode request) {
        String cmd = request.path("cmd").asText("");
        String requestId = request.path("requestID").asText("");
        if (requestId.isBlank()) {
            return List.of(failure("cmd", cmd, requestId, "requestID is missing"));
        }
        switch (cmd) {
            case "getPrinters": {
                ObjectNode answer = header("cmd", cmd, requestId);
                answer.put("status", "success");
                answer.put("defaultPrinter", PRINTER);
                answer.putArray("printers").addObject().put("name", PRINTER);
                return List.of(answer);
            }
            case "print": {
                JsonNode task = request.path("task");
                String taskId = task.path("taskID").asText("");
                JsonNode documents = task.path("documents");
                String wrong = taskId.isBlank() ? "task.taskID is missing"
                        : !documents.isArray() || documents.isEmpty() ? "task.documents is empty"
                        : platform == Platform.KUAISHOU && documents.size() > KUAISHOU_MAX_DOCUMENTS
                        ? "a task takes at most " + KUAISHOU_MAX_DOCUMENTS + " documents, not " + documents.size()
                        : wrongDocument(documents);
                if (wrong != null) {
                    return List.of(failure("cmd", cmd, requestId, wrong));
                }
                ObjectNode accepted = header("cmd", cmd, requestId);
                accepted.put("status", "success");
                accepted.put("taskID", taskId);
                ObjectNode notify = header("cmd", "notifyPrintResult", requestId);
                notify.put("taskID", taskId);
                notify.put("taskStatus", "printed");
                notify.put("printer", task.path("printer").asText(PRINTER));
                ArrayNode statuses = notify.putArray("printStatus");
                for (JsonNode document : documents) {
                    String documentId = document.path("documentID").asText();
                    statuses.addObject().put("documentID", documentId).put("status", "success").put("msg", "");
                    printed.add(new Printed(platform, taskId, documentId));
                }
                log.info("Sandbox {} print component printed {} label(s) of task {}", platform, documents.size(),
                        taskId);
                return List.of(accepted, notify);
            }
            default:
                return List.of(failure("cmd", cmd, requestId, "unknown cmd '" + cmd + "'"));
        }
    }

    /** What a document lacks that the component needs to print it, or null. */
    private static String wrongDocument(JsonNode documents) {
        for (JsonNode document : documents) {
            if (document.path("documentID").asText("").isBlank()) {
                return "a document has no documentID";
            }
            JsonNode contents = document.path("contents");
            if (!contents.isArray() || contents.isEmpty()) {
                return "document " + document.path("documentID").asText() + " has no contents";
            }
            for (JsonNode content : contents) {
                boolean encrypted = !content.path("encryptedData").asText("").isBlank()
                        && !content.path("signature").asText("").isBlank();
                boolean plain = content.has("data");
                if (!(encrypted || plain) || content.path("templateURL").asText("").isBlank()) {
                    return "document " + document.path("documentID").asText() + ": each content needs "
                            + "templateURL and either encryptedData with signature or data";
                }
            }
        }
        return null;
    }

    /** WeChat Channels' component. */
    private List<ObjectNode> wechat(JsonNode request) {
        String command = request.path("command").asText("");
        String requestId = request.path("requestID").asText("");
        if (requestId.isBlank()) {
            return List.of(failure("command", command, requestId, "requestID is missing"));
        }
        switch (command) {
            case "getPrinterList": {
                ObjectNode answer = header("command", command, requestId);
                answer.putArray("printerList").addObject().put("name", PRINTER).put("displayName", PRINTER)
                        .put("status", 3);
                return List.of(answer);
            }
            case "print": {
                JsonNode tasks = request.path("taskList");
                if (!"2.0".equals(request.path("version").asText())) {
                    return List.of(failure("command", command, requestId, "version must be \"2.0\""));
                }
                if (!tasks.isArray() || tasks.isEmpty()) {
                    return List.of(failure("command", command, requestId, "taskList is empty"));
                }
                ObjectNode answer = header("command", command, requestId);
                ArrayNode results = answer.putArray("taskList");
                List<Printed> done = new ArrayList<>();
                for (JsonNode task : tasks) {
                    String taskId = task.path("taskID").asText("");
                    String printInfo = task.path("printInfo").asText("");
                    boolean ok = !taskId.isBlank() && !printInfo.isBlank();
                    results.addObject().put("taskID", taskId).put("success", ok)
                            .put("failureReason", ok ? "" : taskId.isBlank() ? "taskID is missing"
                                    : "printInfo is missing");
                    if (ok) {
                        done.add(new Printed(platform, taskId, taskId));
                    }
                }
                printed.addAll(done);
                log.info("Sandbox WeChat print component printed {} of {} label(s)", done.size(), tasks.size());
                return List.of(answer);
            }
            default:
                return List.of(failure("command", command, requestId, "unknown command '" + command + "'"));
        }
    }

    private ObjectNode header(String field, String command, String requestId) {
        ObjectNode answer = json.createObjectNode();
        answer.put(field, command);
        answer.put("requestID", requestId);
        return answer;
    }

    private ObjectNode failure(String field, String command, String requestId, String reason) {
        ObjectNode answer = header(field, command, requestId);
        answer.put("status", "failed");
        answer.put("msg", reason);
        return answer;
    }

    private void send(WebSocketSession session, ObjectNode answer) throws IOException {
        synchronized (session) {
            session.sendMessage(new TextMessage(json.writeValueAsString(answer)));
        }
    }
}
