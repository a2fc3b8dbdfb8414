package cn.jiyun.routing.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.optaplanner.core.api.solver.Solver;

import org.optaplanner.core.impl.solver.DefaultSolver;

import cn.jiyun.routing.domain.PickupPlan;
import cn.jiyun.routing.domain.SearchBudget;
import cn.jiyun.routing.solver.PickupSolverFactory;

/**
 * {@code java -jar jiyun-routing.jar --format solomon|cvrplib|ningxia --instance FILE --seconds N}: solves one
 * instance with the planner's solver and prints one JSON line with its independently checked cost.
 */
public final class BenchmarkCommand {

    private BenchmarkCommand() {
    }

    /** When the command started: setup (parsing, matrix, solver build) counts against the time limit. */
    private static final long STARTED = System.nanoTime();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String format = options.getOrDefault("format", "");
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "10"));
        String json = switch (format) {
            case "solomon", "homberger" -> solveStandard(InstanceParsers.readSolomon(Path.of(required(options,
                    "instance"))), seconds);
            case "cvrplib" -> solveStandard(InstanceParsers.readCvrplib(Path.of(required(options, "instance"))),
                    seconds);
            case "ningxia" -> NingxiaBenchmark.run(options, seconds);
            case "quick" -> QuickAnswerBenchmark.run(options);
            case "season" -> SeasonBenchmark.run(options);
            default -> {
                System.err.println("usage: java -jar jiyun-routing.jar --format solomon|cvrplib|ningxia "
                        + "--instance FILE --seconds N\n       java -jar jiyun-routing.jar --format quick "
                        + "[--seeds 1,2,3 --quick 1 --long 60 --warmups 3 --producers 250 --vehicles 8]\n"
                        + "       java -jar jiyun-routing.jar --format season [--policies greedy,lazy,scenario "
                        + "--seed 1 --hubs 3 --producers 300 --days 28 --seconds-per-day 1 --hold-pricing later-visit "
                        + "--chart season.svg]");
                System.exit(2);
                yield "";
            }
        };
        System.out.println(json);
    }

    static String solveStandard(BenchmarkInstance instance, double seconds) {
        PickupPlan plan = BenchmarkModel.toPlan(instance);
        Solver<PickupPlan> solver = PickupSolverFactory.create(remaining(seconds), null);
        PickupPlan solved = solveUntilDeadline(solver, plan, seconds);
        double spent = (System.nanoTime() - STARTED) / 1e9;
        if (solver instanceof DefaultSolver<PickupPlan> defaultSolver) {
            System.err.printf(Locale.ROOT, "score calculations: %d/s%n",
                    defaultSolver.getSolverScope().getScoreCalculationSpeed());
        }
        List<List<Integer>> routes = BenchmarkModel.routes(solved);
        FeasibilityCheck.Result check = FeasibilityCheck.check(instance, routes);
        for (String violation : check.violations().stream().limit(10).toList()) {
            System.err.println("infeasible: " + violation);
        }
        return String.format(Locale.ROOT,
                "{\"instance\":\"%s\",\"vehicles\":%d,\"cost\":%.2f,\"feasible\":%s,\"seconds\":%.1f,"
                        + "\"score\":\"%s\"}",
                instance.name(), routes.size(), check.cost(), check.feasible(), spent, solved.getScore());
    }

    /**
     * Solves, ending at the command's deadline: the solver's own clock starts only after it has built its
     * constraint network, which would otherwise come on top of the limit.
     */
    static PickupPlan solveUntilDeadline(Solver<PickupPlan> solver, PickupPlan plan, double seconds) {
        // one search, one thread: the peers' figures are single-threaded
        plan.setSearchBudget(new SearchBudget(System.nanoTime() + remaining(seconds).toNanos(), 0,
                solver::isTerminateEarly, 1));
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(remaining(seconds).toMillis());
                solver.terminateEarly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "benchmark-deadline");
        deadline.setDaemon(true);
        deadline.start();
        try {
            return solver.solve(plan);
        } finally {
            deadline.interrupt();
        }
    }

    /** What is left of the limit after setup, less a margin for the JVM to print and exit. */
    static Duration remaining(double seconds) {
        long elapsedMillis = (System.nanoTime() - STARTED) / 1_000_000;
        return Duration.ofMillis(Math.max(100, Math.round(seconds * 1000) - elapsedMillis - 300));
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
