package cn.jiyun.integrations;

/**
 * A waybill the platform took for an order.
 *
 * @param waybillNumber     the carrier's number
 * @param sortCode          the carrier's sorting code (三段码 / 大头笔), blank when the platform gives none
 * @param printData         what the label prints, as the platform returned it (JSON)
 * @param encrypted         true when the print data is the platform's ciphertext, only its print component reads
 * @param platformReference the platform's own id of the waybill order where cancelling needs it (WeChat's
 *                          ewaybill_order_id), else blank
 * @param receiverMasked    the recipient as the platform masks it for the label (name, phone, region), never more
 */
public record EWaybill(String waybillNumber, String sortCode, String printData, boolean encrypted,
                       String platformReference, String receiverMasked) {
}
