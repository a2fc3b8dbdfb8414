package cn.jiyun.integrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/**
 * Print data a platform answered in clear: a JSON object that names the waybill number itself (the sandbox's
 * platforms answer so, docs/platforms/e-waybills.md). Anything else (a platform's ciphertext, an opaque print
 * message) is only for the platform's print component, and {@link EWaybill#encrypted()} says so.
 *
 * @param sortCode the sorting code (三段码) the print data carries, blank when none
 * @param receiver the recipient as the platform masked them (name, phone, region), blank when not given
 */
public record PlainPrintData(String sortCode, String receiver) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The plain print data's fields, or empty when the text is not plain print data for this waybill. */
    public static Optional<PlainPrintData> read(String printData, String waybillNumber) {
        if (printData == null || !printData.strip().startsWith("{")) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(printData);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (!waybillNumber.equals(node.path("waybillNo").asText())) {
            return Optional.empty();
        }
        JsonNode receiver = node.path("receiver");
        return Optional.of(new PlainPrintData(node.path("sortCode").asText(""), String.join(" ",
                receiver.path("name").asText(), receiver.path("mobile").asText(), receiver.path("region").asText())
                .strip()));
    }
}
