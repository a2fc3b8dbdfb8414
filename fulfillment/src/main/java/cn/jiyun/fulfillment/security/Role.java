package cn.jiyun.fulfillment.security;

/** What a user does at the cooperative. */
public enum Role {
    /**
     * Jiyun's own staff: creates, lists, suspends and resumes cooperatives. Belongs to no cooperative and reads
     * none of a cooperative's records.
     */
    OPERATOR,
    /** Runs the cooperative: producers, hubs, fleet, shops, plans. */
    COOP_ADMIN,
    /** Drives pickup routes. */
    COURIER,
    /** Sells through one or more shops and tracks their orders. */
    SELLER;

    public String authority() {
        return "ROLE_" + name();
    }
}
