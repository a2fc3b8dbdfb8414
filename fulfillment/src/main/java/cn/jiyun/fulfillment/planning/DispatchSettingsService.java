package cn.jiyun.fulfillment.planning;

import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.routing.dispatch.DispatchPolicy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalTime;

/** A cooperative's dispatch settings: read with the configured defaults where it set none, and changed by its admin. */
@Service
public class DispatchSettingsService {

    /** The settings as the API shows and takes them; {@code eveningPlanAt} null: no evening plan. */
    public record Settings(String policy, long holdingCostPerParcelDayFen, boolean courierRemainder,
                           LocalTime eveningPlanAt, int eveningPlanDays, int eveningPlanSeconds,
                           long ambientPickupFeeFen, long chilledPickupFeeFen) {
    }

    static final int DEFAULT_EVENING_PLAN_SECONDS = 60;

    private final AllDispatchSettings all;
    private final PlanningProperties properties;

    DispatchSettingsService(AllDispatchSettings all, PlanningProperties properties) {
        this.all = all;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public Settings of(Long cooperativeId) {
        return view(stored(cooperativeId));
    }

    /** The stored settings, or the configured defaults (not stored) for a cooperative that set none. */
    DispatchSettings stored(Long cooperativeId) {
        return all.findById(cooperativeId).orElseGet(() -> new DispatchSettings(cooperativeId,
                properties.defaultPolicy(), properties.holdingCostPerParcelDayFen(), false, null, 1,
                DEFAULT_EVENING_PLAN_SECONDS));
    }

    @Transactional
    public Settings change(Long cooperativeId, Settings wanted) {
        DispatchPolicy policy = policy(wanted.policy(), "policy");
        if (wanted.holdingCostPerParcelDayFen() < 0 || wanted.holdingCostPerParcelDayFen() > 100_000) {
            throw new InvalidFieldException("holdingCostPerParcelDayFen", "a day's wait costs 0 to 100,000 fen");
        }
        if (wanted.eveningPlanDays() < 1 || wanted.eveningPlanDays() > 3) {
            throw new InvalidFieldException("eveningPlanDays", "the evening plan covers 1 to 3 days");
        }
        if (wanted.eveningPlanSeconds() < 1 || wanted.eveningPlanSeconds() > properties.maxSeconds()) {
            throw new InvalidFieldException("eveningPlanSeconds", "solve for 1 to " + properties.maxSeconds()
                    + " seconds");
        }
        DispatchSettings settings = all.findById(cooperativeId).orElse(null);
        if (settings == null) {
            settings = all.save(new DispatchSettings(cooperativeId, policy, wanted.holdingCostPerParcelDayFen(),
                    wanted.courierRemainder(), wanted.eveningPlanAt(), wanted.eveningPlanDays(),
                    wanted.eveningPlanSeconds()));
        } else {
            settings.change(policy, wanted.holdingCostPerParcelDayFen(), wanted.courierRemainder(),
                    wanted.eveningPlanAt(), wanted.eveningPlanDays(), wanted.eveningPlanSeconds());
        }
        return view(settings);
    }

    static DispatchPolicy policy(String key, String field) {
        try {
            return DispatchPolicy.of(key == null ? "" : key);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "one of " + DispatchPolicy.keys());
        }
    }

    private Settings view(DispatchSettings s) {
        return new Settings(s.policy().key(), s.holdingCostPerParcelDayFen(), s.courierRemainder(), s.eveningPlanAt(),
                s.eveningPlanDays(), s.eveningPlanSeconds(), properties.ruralPickupFeeFen(),
                properties.chilledPickupFeeFen());
    }
}
