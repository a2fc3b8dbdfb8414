package cn.jiyun.routing.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.jiyun.routing.PickupPlanner;
import cn.jiyun.routing.Plan;
import cn.jiyun.routing.PlanningProblem;
import cn.jiyun.routing.ningxia.NingxiaInstance;

/**
 * The service's quick answer, measured warm: one JVM (as a running service) solves a few other instances first, then
 * for each seed prints the plan cost after {@code --quick} seconds (default 1) and after {@code --long} (60), both
 * through {@link PickupPlanner}. Instances are the generated Ningxia cooperative for one hub and one day; the
 * defaults ({@code --producers 250 --vehicles 8}) give about 100 stops. {@code --seeds 1,2,3},
 * {@code --warmups 3} (solves of {@code --quick} seconds each on other seeds before measuring).
 *
 * <p>{@code gapPercent} compares what serving every parcel costs: the plan, plus the rural pickup fee for each parcel
 * it leaves out (a quick answer that drops parcels is not cheaper for that); {@code costGapPercent} is the plans'
 * costs alone.
 */
final class QuickAnswerBenchmark {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 12, 1);

    private QuickAnswerBenchmark() {
    }

    static String run(Map<String, String> options) {
        List<Long> seeds = new ArrayList<>();
        for (String seed : options.getOrDefault("seeds", "1,2,3").split(",")) {
            seeds.add(Long.parseLong(seed.trim()));
        }
        int producers = Integer.parseInt(options.getOrDefault("producers", "250"));
        int vehicles = Integer.parseInt(options.getOrDefault("vehicles", "8"));
        Duration quick = Duration.ofMillis(Math.round(Double.parseDouble(options.getOrDefault("quick", "1")) * 1000));
        Duration full = Duration.ofMillis(Math.round(Double.parseDouble(options.getOrDefault("long", "60")) * 1000));
        int warmups = Integer.parseInt(options.getOrDefault("warmups", "3"));
        double gapSum = 0;
        try (PickupPlanner planner = new PickupPlanner()) {
            for (int i = 0; i < warmups; i++) {
                planner.solve(instance(1000 + i, producers, vehicles), quick);
            }
            for (long seed : seeds) {
                PlanningProblem problem = instance(seed, producers, vehicles);
                long started = System.nanoTime();
                Plan quickPlan = planner.solve(problem, quick);
                double quickSeconds = (System.nanoTime() - started) / 1e9;
                Plan fullPlan = planner.solve(problem, full);
                // A plan that leaves parcels out is not cheaper for it: each one left costs a courier's rural fee.
                long fee = problem.settings().ruralPickupFeePerParcelFen();
                long quickTotal = quickPlan.costFen() + quickPlan.unassigned().size() * fee;
                long fullTotal = fullPlan.costFen() + fullPlan.unassigned().size() * fee;
                double gap = 100.0 * (quickTotal - fullTotal) / fullTotal;
                double costGap = 100.0 * (quickPlan.costFen() - fullPlan.costFen()) / fullPlan.costFen();
                gapSum += gap;
                String line = String.format(Locale.ROOT,
                        "{\"instance\":\"ningxia-%d-%dp-%dv-1d-1h\",\"stops\":%d,\"quickSeconds\":%.2f,"
                                + "\"quickCost\":%.2f,\"quickFeasible\":%s,\"quickUnassigned\":%d,\"quickVehicles\":%d,"
                                + "\"longSeconds\":%.0f,\"longCost\":%.2f,\"longFeasible\":%s,\"longUnassigned\":%d,"
                                + "\"longVehicles\":%d,\"costGapPercent\":%.2f,\"gapPercent\":%.2f}",
                        seed, producers, vehicles, stops(fullPlan), quickSeconds, quickPlan.costFen() / 100.0,
                        quickPlan.feasible(), quickPlan.unassigned().size(), quickPlan.routes().size(),
                        full.toMillis() / 1000.0, fullPlan.costFen() / 100.0, fullPlan.feasible(),
                        fullPlan.unassigned().size(), fullPlan.routes().size(), costGap, gap);
                System.out.println(line);
            }
        }
        return String.format(Locale.ROOT, "{\"meanGapPercent\":%.2f,\"instances\":%d}", gapSum / seeds.size(),
                seeds.size());
    }

    private static PlanningProblem instance(long seed, int producers, int vehicles) {
        return NingxiaInstance.generate(seed, producers, vehicles, 1, 1, FIRST_DAY);
    }

    private static int stops(Plan plan) {
        return plan.routes().stream().mapToInt(route -> route.stops().size()).sum();
    }
}
