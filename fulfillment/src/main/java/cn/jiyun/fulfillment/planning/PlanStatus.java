package cn.jiyun.fulfillment.planning;

/** Where a plan stands. */
public enum PlanStatus {
    /** The planner is working on it; the best plan so far can be read. */
    SOLVING,
    /** Solving ended; it can be inspected and approved. */
    DONE,
    /** Approved: its orders are PLANNED and its routes are the couriers' manifests. */
    APPROVED,
    /** Solving could not finish (e.g. the service restarted meanwhile). */
    FAILED
}
