package cn.jiyun.routing.dispatch;

/**
 * What a plan asks of its dispatch policy: the policy, the recent orders it may sample from, its settings and a
 * seed (the same seed samples the same futures).
 */
public record Dispatch(DispatchPolicy policy, DemandHistory history, ScenarioSettings settings, long seed) {

    /** The share of a plan's time limit that the sample-scenario policy spends on its futures. */
    public static final double SCENARIO_SHARE = 0.6;
    /**
     * Bounds of one future's solving time in a plan: a future is a sample, worth a quick answer, and a plan stopped
     * by a person waits at most this long for the futures being solved.
     */
    public static final java.time.Duration MIN_PER_SCENARIO = java.time.Duration.ofMillis(100);
    public static final java.time.Duration MAX_PER_SCENARIO = java.time.Duration.ofSeconds(3);

    public Dispatch {
        if (policy == null) {
            throw new IllegalArgumentException("a dispatch names its policy");
        }
        history = history == null ? DemandHistory.NONE : history;
        settings = settings == null ? ScenarioSettings.DEFAULTS : settings;
    }

    public static Dispatch of(DispatchPolicy policy) {
        return new Dispatch(policy, DemandHistory.NONE, ScenarioSettings.DEFAULTS, 1);
    }
}
