package cn.jiyun.routing;

/** Why a parcel is not in the plan. */
public enum UnassignedReason {
    /** Heavier than the weight capacity of every vehicle that may carry it. */
    TOO_HEAVY,
    /** Bulkier than the volume capacity of every vehicle that may carry it. */
    TOO_BULKY,
    /** Chilled, and the fleet has no refrigerated vehicle. */
    NO_REFRIGERATED_VEHICLE,
    /** No vehicle from any hub can reach the producer within its window and be back before the cut-off. */
    WINDOW_UNREACHABLE,
    /** No trunk in the horizon leaves by the parcel's ship-by deadline. */
    DEADLINE_ALREADY_MISSED,
    /** The parcel is ready only after the horizon. */
    NOT_READY_IN_HORIZON,
    /** The parcel names a producer the problem does not know. */
    UNKNOWN_PRODUCER,
    /** Each rule could be met alone, but the solver found no room for it among the other stops in the time given. */
    NO_CAPACITY_LEFT,
    /** It must go, and the per-parcel courier collects it for less than a van would (the plan's courier remainder). */
    TO_COURIER
}
