package cn.jiyun.integrations;

/** What {@link OrderIntake#receive} did with an order. */
public enum IntakeOutcome {
    /** First time seen; stored. */
    CREATED,
    /** Seen before; this newer version was applied. */
    UPDATED,
    /** Seen before with the same update time; nothing changed. */
    UNCHANGED,
    /** Older than the version stored; ignored. */
    STALE,
    /** Stored, but a person must act (e.g. a SKU maps to no producer). */
    NEEDS_ATTENTION;

    /** Whether this delivery wrote something, as connectors count "stored" in their sync reports. */
    public boolean stored() {
        return this == CREATED || this == UPDATED || this == NEEDS_ATTENTION;
    }
}
