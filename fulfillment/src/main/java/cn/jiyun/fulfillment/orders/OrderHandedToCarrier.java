package cn.jiyun.fulfillment.orders;

/** An order's parcels left with the express carrier under a waybill; its platform must be told. */
public record OrderHandedToCarrier(Long orderId) {
}
