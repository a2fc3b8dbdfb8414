package cn.jiyun.integrations;

/** Where an order stands on its platform, in the platforms' common terms. */
public enum PlatformOrderStatus {
    /** Placed but not paid; nothing to ship yet. */
    AWAITING_PAYMENT,
    /** Paid and waiting for the seller to ship: this is what Jiyun picks up. */
    PAID,
    /** The platform already knows a waybill for it. */
    SHIPPED,
    /** Received by the buyer, or otherwise closed successfully. */
    COMPLETED,
    /** Cancelled or fully refunded before shipping. */
    CANCELLED
}
