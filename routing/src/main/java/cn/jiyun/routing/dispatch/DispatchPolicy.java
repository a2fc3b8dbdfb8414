package cn.jiyun.routing.dispatch;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a plan treats optional parcels (those whose deadline lets them wait past the plan's horizon).
 *
 * <ul>
 * <li>{@link #GREEDY} collects everything ready, as the literature's greedy baseline does;</li>
 * <li>{@link #LAZY} collects only the parcels that must go, holding every optional one until its last day;</li>
 * <li>{@link #HOLDING} lets the planner hold an optional parcel wherever collecting it now costs more than its
 * holding price: a rule that knows nothing of tomorrow;</li>
 * <li>{@link #SCENARIO} samples tomorrow's orders from the producers' recent history, solves those futures with the
 * same planner and collects now the optional parcels that the futures mostly collect now.</li>
 * </ul>
 */
public enum DispatchPolicy {
    GREEDY, LAZY, HOLDING, SCENARIO;

    /** The name in requests, settings and the season's output: {@code greedy}, {@code lazy}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DispatchPolicy of(String key) {
        for (DispatchPolicy policy : values()) {
            if (policy.key().equalsIgnoreCase(key.trim())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown dispatch policy '" + key + "'; one of " + keys());
    }

    public static String keys() {
        return Arrays.stream(values()).map(DispatchPolicy::key).collect(Collectors.joining(", "));
    }
}
