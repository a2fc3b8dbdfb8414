package cn.jiyun.routing.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import cn.jiyun.routing.PickupPlanner;
import cn.jiyun.routing.Plan;
import cn.jiyun.routing.PlanningJob;
import cn.jiyun.routing.PlanningProblem;
import cn.jiyun.routing.SavingsReport;
import cn.jiyun.routing.UnassignedParcel;

/**
 * The generated Ningxia cooperative solved through the service's own entry point ({@link PickupPlanner}). Options:
 * {@code --seed} (default 1), {@code --producers} (1000), {@code --vehicles} (40), {@code --days} (3).
 */
final class NingxiaBenchmark {

    private NingxiaBenchmark() {
    }

    static String run(Map<String, String> options, double seconds) {
        long started = System.nanoTime();
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        int producers = Integer.parseInt(options.getOrDefault("producers", "1000"));
        int vehicles = Integer.parseInt(options.getOrDefault("vehicles", "40"));
        int days = Integer.parseInt(options.getOrDefault("days", "3"));
        PlanningProblem problem = NingxiaInstance.generate(seed, producers, vehicles, days,
                LocalDate.of(2026, 12, 1));
        AtomicReference<Double> firstFeasible = new AtomicReference<>();
        try (PickupPlanner planner = new PickupPlanner()) {
            PlanningJob job = planner.start(problem, BenchmarkCommand.remaining(seconds), null, progress -> {
                if (progress.feasible() && firstFeasible.get() == null) {
                    firstFeasible.set((System.nanoTime() - started) / 1e9);
                }
            });
            Plan plan = job.result().join();
            double spent = (System.nanoTime() - started) / 1e9;
            plan.unassigned().stream().collect(Collectors.groupingBy(UnassignedParcel::reason, Collectors.counting()))
                    .forEach((reason, count) -> System.err.println("unassigned " + reason + ": " + count));
            SavingsReport savings = plan.savings();
            return String.format(Locale.ROOT,
                    "{\"instance\":\"ningxia-%d-%dp-%dv-%dd\",\"vehicles\":%d,\"cost\":%.2f,\"feasible\":%s,"
                            + "\"seconds\":%.1f,\"firstFeasibleSeconds\":%s,\"parcels\":%d,\"unassigned\":%d,"
                            + "\"km\":%.1f,\"costPerParcelYuan\":%.2f,\"savedVsPickupFeePercent\":%.1f,"
                            + "\"savedVsOwnTripsPercent\":%.1f,\"maxHeapUsedMb\":%d,\"score\":\"%s\"}",
                    seed, producers, vehicles, days, plan.routes().size(), plan.costFen() / 100.0, plan.feasible(),
                    spent, firstFeasible.get() == null ? "null" : String.format(Locale.ROOT, "%.1f",
                            firstFeasible.get()),
                    plan.parcelCount(), plan.unassigned().size(), plan.km(),
                    savings.plan().costPerParcelYuan(), savings.percentSavedVersusPerParcelPickup(),
                    savings.percentSavedVersusOwnTrips(), usedHeapMb(), plan.score());
        }
    }

    private static long usedHeapMb() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }
}
