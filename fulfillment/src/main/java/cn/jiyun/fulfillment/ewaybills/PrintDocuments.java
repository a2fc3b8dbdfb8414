package cn.jiyun.fulfillment.ewaybills;

import cn.jiyun.integrations.Platform;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;

/**
 * The documents the hub page hands the platform's print component (docs/platforms/print-components.md) for taken
 * e-waybills whose print data is the platform's ciphertext: Douyin's and Kuaishou's components take
 * {@code {documentID, contents: [{encryptedData, signature, templateURL, ...}]}} as the platform answered it,
 * WeChat Channels' takes {@code {taskID, printInfo}}.
 */
public final class PrintDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PrintDocuments() {
    }

    /** Whether this take goes through the print component rather than Jiyun's own PDF. */
    public static boolean forComponent(OrderEWaybill take) {
        return take.status() == OrderEWaybill.Status.TAKEN && take.printEncrypted();
    }

    /** The documents of these takes (those for the component), as the JSON array the page's script sends. */
    public static String of(Collection<OrderEWaybill> takes) {
        ArrayNode documents = JSON.createArrayNode();
        for (OrderEWaybill take : takes) {
            if (forComponent(take)) {
                documents.add(document(take));
            }
        }
        return documents.toString();
    }

    static ObjectNode document(OrderEWaybill take) {
        ObjectNode document = JSON.createObjectNode();
        if (take.platform() == Platform.WECHAT) {
            document.put("taskID", take.waybillNumber());
            document.put("printInfo", take.printData());
            return document;
        }
        document.put("documentID", take.waybillNumber());
        JsonNode content = parse(take.printData());
        ArrayNode contents = document.putArray("contents");
        if (content.isArray()) {
            contents.addAll((ArrayNode) content);
        } else {
            contents.add(content);
        }
        return document;
    }

    private static JsonNode parse(String printData) {
        try {
            JsonNode node = JSON.readTree(printData == null ? "" : printData);
            if (node != null && (node.isObject() || node.isArray())) {
                return node;
            }
        } catch (JsonProcessingException notJson) {
            // the platform's ciphertext as one string: the component reads it as encryptedData
        }
        return JSON.createObjectNode().put("encryptedData", printData == null ? "" : printData);
    }
}
