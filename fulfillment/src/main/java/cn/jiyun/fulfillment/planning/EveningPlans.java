package cn.jiyun.fulfillment.planning;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.hubs.HubService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Pageable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Each evening, at the time a cooperative set, plans tomorrow for each of its hubs with its dispatch policy, as a
 * person would from the board; the plans wait for approval. Each evening is claimed in the store, so with several
 * instances of the service only one plans it.
 */
@Component
class EveningPlans {

    private static final Logger log = LoggerFactory.getLogger(EveningPlans.class);

    private final AllDispatchSettings settings;
    private final HubService hubs;
    private final PlanningService planning;
    private final TransactionTemplate tx;
    private final Clock clock;

    EveningPlans(AllDispatchSettings settings, HubService hubs, PlanningService planning,
                 PlatformTransactionManager transactions, Clock clock) {
        this.settings = settings;
        this.hubs = hubs;
        this.planning = planning;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${jiyun.planning.evening-check-interval:60s}",
            initialDelayString = "${jiyun.planning.evening-check-interval:60s}")
    void planWhatIsDue() {
        ZonedDateTime now = clock.instant().atZone(ChinaTime.ZONE);
        LocalDate today = now.toLocalDate();
        List<DispatchSettings> due = tx.execute(status -> settings.withEveningPlan().stream()
                .filter(s -> !now.toLocalTime().isBefore(s.eveningPlanAt()))
                .filter(s -> s.lastEveningPlanOn() == null || s.lastEveningPlanOn().isBefore(today)).toList());
        for (DispatchSettings s : due) {
            Integer claimed = tx.execute(status -> settings.claimEveningPlan(s.cooperativeId(), today));
            if (claimed == null || claimed == 0) {
                continue;
            }
            planEvening(s, today.plusDays(1));
        }
    }

    /** One plan per hub of the cooperative, from tomorrow over its evening plan's days. */
    void planEvening(DispatchSettings s, LocalDate tomorrow) {
        List<Hub> all = tx.execute(status -> hubs.list(s.cooperativeId(), Pageable.unpaged()).getContent());
        for (Hub hub : all) {
            try {
                Plan plan = planning.start(s.cooperativeId(), new PlanningService.PlanRequest(List.of(hub.id()),
                        s.eveningPlanDays(), BigDecimal.valueOf(s.eveningPlanSeconds()), tomorrow), "evening plan");
                log.info("Evening plan {} of cooperative {} for hub {} from {}", plan.id(), s.cooperativeId(),
                        hub.id(), tomorrow);
            } catch (RuntimeException e) {
                log.warn("Evening plan of cooperative {} for hub {} could not start", s.cooperativeId(), hub.id(), e);
            }
        }
    }
}
