package cn.jiyun.fulfillment.audit;

/** The actions the trail keeps. */
public enum AuditKind {
    COOPERATIVE_OPENED,
    COOPERATIVE_SUSPENDED,
    COOPERATIVE_RESUMED,
    USER_ADDED,
    USER_CHANGED,
    USER_DISABLED,
    USER_PASSWORD_RESET,
    /** Someone chose their own password (after a one-time one, or to change it). */
    USER_PASSWORD_CHANGED,
    SHOP_AUTHORISED,
    SHOP_REAUTHORISED,
    PLAN_APPROVED,
    ORDER_STATUS_CHANGED,
    EWAYBILL_ACCOUNT_SAVED,
    EWAYBILL_CANCELLED
}
