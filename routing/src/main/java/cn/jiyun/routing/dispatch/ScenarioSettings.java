package cn.jiyun.routing.dispatch;

import java.time.Duration;
import java.util.Locale;

/**
 * The sample-scenario policy's settings.
 *
 * @param scenarios         futures sampled per iteration
 * @param lookaheadDays     sampled days after the plan's horizon (a scenario spans at most three days in all)
 * @param iterations        rounds of sampling: each round fixes the parcels the futures agree on, then samples again
 * @param dispatchThreshold collect now a parcel that at least this share of the futures collects now
 * @param postponeThreshold hold a parcel that more than this share of the futures holds
 * @param perScenario       solving time of one future
 * @param threads           futures solved side by side
 * @param holdPricing       how the plan prices holding the optional parcels the futures leave undecided
 */
public record ScenarioSettings(int scenarios, int lookaheadDays, int iterations, double dispatchThreshold,
        double postponeThreshold, Duration perScenario, int threads, HoldPricing holdPricing) {

    /**
     * The price the plan puts on holding an optional parcel the futures did not postpone outright.
     *
     * <ul>
     * <li>{@link #FLAT}: the wait alone ({@code holdingCostPerParcelDayFen} a day), as the holding policy prices it:
     * fetching the parcel later is taken to be free.</li>
     * <li>{@link #LATER_VISIT}: the wait plus the futures' own estimate of fetching the farm later: in each solved
     * future, nothing where a route after the horizon visits the farm for sampled orders anyway, else the cheapest
     * insertion of the farm into a route after the horizon (a round trip from the hub where there is none); the mean
     * over the futures.</li>
     * </ul>
     */
    public enum HoldPricing {
        FLAT, LATER_VISIT;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static HoldPricing of(String key) {
            for (HoldPricing pricing : values()) {
                if (pricing.key().equalsIgnoreCase(key.trim())) {
                    return pricing;
                }
            }
            throw new IllegalArgumentException("unknown hold pricing '" + key + "'; flat or later-visit");
        }
    }

    /**
     * Eight futures, two days ahead, two rounds; 0.6 / 0.8 as thresholds; 1 s a future, one per core; holding priced
     * by the futures' later visits (0.5–1.9 points cheaper per parcel than the flat price in the README's season).
     */
    public static final ScenarioSettings DEFAULTS = new ScenarioSettings(8, 2, 2, 0.6, 0.8, Duration.ofSeconds(1),
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), HoldPricing.LATER_VISIT);

    public ScenarioSettings {
        if (scenarios < 1 || lookaheadDays < 1 || iterations < 1 || threads < 1) {
            throw new IllegalArgumentException("scenarios, lookahead days, iterations and threads must be at least 1");
        }
        // A parcel collected now by a share s of the futures is dispatched when s >= dispatch, held when
        // 1 - s > postpone; dispatch + postpone > 1 keeps the two apart.
        if (!(dispatchThreshold > 0 && dispatchThreshold <= 1) || !(postponeThreshold >= 0 && postponeThreshold < 1)
                || dispatchThreshold + postponeThreshold <= 1) {
            throw new IllegalArgumentException("thresholds lie in (0, 1] and [0, 1) and add up to more than 1, not "
                    + dispatchThreshold + " and " + postponeThreshold);
        }
        if (perScenario == null || perScenario.toMillis() < 100) {
            throw new IllegalArgumentException("each scenario needs at least 0.1 s");
        }
        if (holdPricing == null) {
            throw new IllegalArgumentException("a hold pricing is required");
        }
    }

    /** With the default hold pricing. */
    public ScenarioSettings(int scenarios, int lookaheadDays, int iterations, double dispatchThreshold,
            double postponeThreshold, Duration perScenario, int threads) {
        this(scenarios, lookaheadDays, iterations, dispatchThreshold, postponeThreshold, perScenario, threads,
                DEFAULTS.holdPricing());
    }

    public ScenarioSettings withPerScenario(Duration time) {
        return new ScenarioSettings(scenarios, lookaheadDays, iterations, dispatchThreshold, postponeThreshold, time,
                threads, holdPricing);
    }

    public ScenarioSettings withHoldPricing(HoldPricing pricing) {
        return new ScenarioSettings(scenarios, lookaheadDays, iterations, dispatchThreshold, postponeThreshold,
                perScenario, threads, pricing);
    }
}
