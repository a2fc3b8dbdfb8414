package cn.jiyun.routing.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
import cn.jiyun.routing.ningxia.NingxiaInstance;

/**
 * The generated Ningxia cooperative solved through the service's own entry point ({@link PickupPlanner}). Options:
 * {@code --seed} (default 1), {@code --producers} (1000), {@code --vehicles} (40), {@code --days} (3),
 * {@code --hubs} (3), {@code --warmup} (seconds of solving another seed first, as a running service would have).
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
        int hubs = Integer.parseInt(options.getOrDefault("hubs", "3"));
        PlanningProblem problem = NingxiaInstance.generate(seed, producers, vehicles, days, hubs,
                LocalDate.of(2026, 12, 1));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "0"));
        if (warmup > 0) {
            // A running service has a warm JVM: solve a different seed first, then time the real one.
            try (PickupPlanner planner = new PickupPlanner()) {
                planner.solve(NingxiaInstance.generate(seed + 1, producers, vehicles, days, hubs,
                        LocalDate.of(2026, 12, 1)), Duration.ofMillis(Math.round(warmup * 1000)));
            }
            started = System.nanoTime();
        }
        AtomicReference<Double> firstFeasible = new AtomicReference<>();
        try (PickupPlanner planner = new PickupPlanner()) {
            Duration limit = warmup > 0 ? Duration.ofMillis(Math.round(seconds * 1000))
                    : BenchmarkCommand.remaining(seconds);
            long solveStarted = started;
            PlanningJob job = planner.start(problem, limit, null, progress -> {
                if (progress.feasible() && firstFeasible.get() == null) {
                    firstFeasible.set((System.nanoTime() - solveStarted) / 1e9);
                }
            });
            Plan plan = job.result().join();
            double spent = (System.nanoTime() - started) / 1e9;
            plan.unassigned().stream().collect(Collectors.groupingBy(UnassignedParcel::reason, Collectors.counting()))
                    .forEach((reason, count) -> System.err.println("unassigned " + reason + ": " + count));
            SavingsReport savings = plan.savings();
            return String.format(Locale.ROOT,
                    "{\"instance\":\"ningxia-%d-%dp-%dv-%dd-%dh\",\"vehicles\":%d,\"cost\":%.2f,\"feasible\":%s,"
                            + "\"seconds\":%.1f,\"firstFeasibleSeconds\":%s,\"parcels\":%d,\"unassigned\":%d,"
                            + "\"km\":%.1f,\"costPerParcelYuan\":%.2f,\"savedVsPickupFeePercent\":%.1f,"
                            + "\"savedVsOwnTripsPercent\":%.1f,\"maxHeapUsedMb\":%d,\"score\":\"%s\"}",
                    seed, producers, vehicles, days, hubs, plan.routes().size(), plan.costFen() / 100.0, plan.feasible(),
                    spent, firstFeasible.get() == null ? "null" : String.format(Locale.ROOT, "%.1f",
                            firstFeasible.get()),
                    plan.parcelCount(), plan.unassigned().size(), plan.km(),
                    savings.plan().costPerParcelYuan(), savings.percentSavedVersusPerParcelPickup(),
                    savings.percentSavedVersusOwnTrips(), peakHeapMb(), plan.score());
        }
    }

    /**
     * The most heap the run used: the sum of each heap pool's peak (the pools peak at different moments, so this is
     * an upper bound). The heap in use at the end, reported before, said little: a collection may just have run.
     */
    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
