package cn.jiyun.routing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;

import cn.jiyun.routing.Hub;
import cn.jiyun.routing.PickupPlanner;
import cn.jiyun.routing.Vehicle;
import cn.jiyun.routing.PlanningProblem;
import cn.jiyun.routing.PlanningSettings;
import cn.jiyun.routing.dispatch.DispatchPolicy;
import cn.jiyun.routing.dispatch.ScenarioSettings;
import cn.jiyun.routing.ningxia.NingxiaInstance;

/**
 * {@code --format season}: a generated Ningxia cooperative lives through a season of livestream orders under each
 * dispatch policy (see {@link SeasonSimulator}); one JSON line per policy, and a chart of each day's cost per parcel.
 */
final class SeasonBenchmark {

    /** A Thursday: the season's third week holds 11 November. */
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 29);

    private SeasonBenchmark() {
    }

    static String run(Map<String, String> options) throws IOException {
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        int hubs = Integer.parseInt(options.getOrDefault("hubs", "3"));
        int producers = Integer.parseInt(options.getOrDefault("producers", "300"));
        int vansPerHub = Integer.parseInt(options.getOrDefault("vans-per-hub", "2"));
        int reefersPerHub = Integer.parseInt(options.getOrDefault("reefers-per-hub", "3"));
        int days = Integer.parseInt(options.getOrDefault("days", "28"));
        double secondsPerDay = Double.parseDouble(options.getOrDefault("seconds-per-day", "1"));
        double scenarioSeconds = Double.parseDouble(options.getOrDefault("seconds-per-scenario", "0.4"));
        double perProducerDay = Double.parseDouble(options.getOrDefault("orders-per-producer-day",
                String.valueOf(SeasonDemand.MEAN_PER_PRODUCER_DAY)));
        int scenarioCount = Integer.parseInt(options.getOrDefault("scenarios", "8"));
        int iterations = Integer.parseInt(options.getOrDefault("iterations", "2"));
        int lookahead = Integer.parseInt(options.getOrDefault("lookahead", "2"));
        double dispatchThreshold = Double.parseDouble(options.getOrDefault("dispatch-threshold",
                String.valueOf(ScenarioSettings.DEFAULTS.dispatchThreshold())));
        double postponeThreshold = Double.parseDouble(options.getOrDefault("postpone-threshold",
                String.valueOf(ScenarioSettings.DEFAULTS.postponeThreshold())));
        long holdingFen = Long.parseLong(options.getOrDefault("holding-fen",
                String.valueOf(PlanningSettings.HOLDING_COST_PER_PARCEL_DAY_FEN)));
        ScenarioSettings.HoldPricing holdPricing = ScenarioSettings.HoldPricing.of(options.getOrDefault(
                "hold-pricing", ScenarioSettings.DEFAULTS.holdPricing().key()));
        // "scenario:flat" / "scenario:later-visit" run the scenario policy with that hold pricing, side by side
        List<String> policies = Arrays.stream(options.getOrDefault("policies", "greedy,lazy,scenario").split(","))
                .map(String::trim).toList();
        Path chart = Path.of(options.getOrDefault("chart", "season-seed" + seed + ".png"));

        PlanningProblem cooperative = cooperative(seed, hubs, producers, vansPerHub, reefersPerHub, holdingFen);
        SeasonDemand demand = SeasonDemand.generate(seed, cooperative.producers(),
                FIRST_DAY.minusDays(SeasonSimulator.HISTORY_DAYS), days + SeasonSimulator.HISTORY_DAYS,
                perProducerDay);
        ScenarioSettings scenarios = new ScenarioSettings(scenarioCount, lookahead, iterations, dispatchThreshold,
                postponeThreshold,
                Duration.ofMillis(Math.round(scenarioSeconds * 1000)), ScenarioSettings.DEFAULTS.threads(),
                holdPricing);
        Map<String, SeasonSimulator.Result> results = new LinkedHashMap<>();
        try (PickupPlanner planner = new PickupPlanner()) {
            SeasonSimulator simulator = new SeasonSimulator(cooperative, demand, FIRST_DAY, days,
                    Duration.ofMillis(Math.round(secondsPerDay * 1000)), scenarios, planner);
            for (String label : policies) {
                if (label.equals("oracle")) {
                    // the perfect-information bound: the one future is the orders that do come
                    ScenarioSettings known = new ScenarioSettings(1, lookahead, 1, dispatchThreshold,
                            postponeThreshold, scenarios.perScenario(), 1, holdPricing);
                    results.put(label, simulator.run(DispatchPolicy.SCENARIO, known, seed, true));
                    System.err.println(label + " done");
                    continue;
                }
                String[] parts = label.split(":", 2);
                DispatchPolicy policy = DispatchPolicy.of(parts[0]);
                ScenarioSettings settings = parts.length == 1 ? scenarios
                        : scenarios.withHoldPricing(ScenarioSettings.HoldPricing.of(parts[1]));
                String name = parts.length == 1 ? policy.key() : policy.key() + ":" + settings.holdPricing().key();
                results.put(name, simulator.run(policy, settings, seed));
                System.err.println(name + " done");
            }
        }
        writeChart(results, chart, seed, hubs, producers, days);
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, SeasonSimulator.Result> result : results.entrySet()) {
            lines.add(json(result.getKey(), result.getValue(), results, seed, hubs, producers, days, secondsPerDay,
                    holdingFen));
        }
        System.err.println("chart: " + chart.toAbsolutePath());
        return String.join("\n", lines);
    }

    /**
     * The generated Ningxia cooperative's hubs and producers (no parcels), each hub with its own vans and reefers:
     * a reefer's route must bring chilled goods (milk, mutton) back within the maximum ride, so every hub needs some.
     */
    static PlanningProblem cooperative(long seed, int hubs, int producers, int vansPerHub, int reefersPerHub,
            long holdingFen) {
        PlanningProblem generated = NingxiaInstance.generate(seed, producers, 1, 1, hubs, FIRST_DAY);
        List<Vehicle> fleet = new ArrayList<>();
        for (Hub hub : generated.hubs()) {
            for (int k = 0; k < vansPerHub + reefersPerHub; k++) {
                fleet.add(NingxiaInstance.vehicle(hub.id() + "-" + (k < vansPerHub ? "van-" + (k + 1)
                        : "reefer-" + (k - vansPerHub + 1)), hub.id(), k >= vansPerHub));
            }
        }
        return new PlanningProblem(FIRST_DAY, 1, generated.hubs(), fleet, generated.producers(), List.of(),
                List.of(), PlanningSettings.DEFAULTS.withHoldingCostPerParcelDayFen(holdingFen));
    }

    private static String json(String name, SeasonSimulator.Result r, Map<String, SeasonSimulator.Result> all,
            long seed,
            int hubs, int producers, int days, double secondsPerDay, long holdingFen) {
        return String.format(Locale.ROOT, "{\"policy\":\"%s\",\"seed\":%d,\"hubs\":%d,\"producers\":%d,\"days\":%d,"
                        + "\"secondsPerDay\":%.1f,\"holdingFenPerParcelDay\":%d,\"costPerParcelYuan\":%.3f,"
                        + "\"costYuan\":%.2f,\"km\":%.1f,"
                        + "\"vehicleDays\":%d,\"parcelsServed\":%d,\"lateParcels\":%d,\"meanWaitDays\":%.2f,"
                        + "\"maxWaitDays\":%d,\"courierPerParcelYuan\":%.3f,\"savingVsCourierPercent\":%.1f,"
                        + "\"savingVsGreedyPercent\":%s,\"savingVsLazyPercent\":%s,\"planViolations\":%d,"
                        + "\"meanSecondsPerHubDay\":%.1f,\"maxSecondsPerHubDay\":%.1f}",
                name, seed, hubs, producers, days, secondsPerDay, holdingFen, r.costPerParcelYuan(),
                r.costFen() / 100.0, r.km(), r.vehicleDays(), r.parcelsCollected(), r.lateParcels(), r.meanWaitDays(),
                r.maxWaitDays(), r.courierBaselineFen() / 100.0 / Math.max(1, r.parcelsCollected()),
                100 * (1 - r.costFen() / (double) Math.max(1, r.courierBaselineFen())),
                saving(r, all.get("greedy")), saving(r, all.get("lazy")),
                r.planViolations(), r.secondsPerHubDay(), r.maxSecondsPerHubDay());
    }

    /** Percent less per parcel than {@code baseline}; null when that policy was not run. */
    private static String saving(SeasonSimulator.Result result, SeasonSimulator.Result baseline) {
        if (baseline == null || baseline.costPerParcelYuan() == 0) {
            return "null";
        }
        return String.format(Locale.ROOT, "%.1f",
                100 * (1 - result.costPerParcelYuan() / baseline.costPerParcelYuan()));
    }

    private static void writeChart(Map<String, SeasonSimulator.Result> results, Path file, long seed,
            int hubs, int producers, int days) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(420)
                .title(String.format(Locale.ROOT, "Daily pickup cost per parcel, %d hubs, %d producers, %d days "
                        + "(seed %d)", hubs, producers, days, seed))
                .xAxisTitle("day of the season (11 November is day " + (FIRST_DAY.until(LocalDate.of(2026, 11, 11))
                        .getDays() + 1) + ")")
                .yAxisTitle("yuan per parcel collected (vans)").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(4);
        for (Map.Entry<String, SeasonSimulator.Result> entry : results.entrySet()) {
            SeasonSimulator.Result result = entry.getValue();
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            // the season's days; the days after it, when the last held parcels are collected, count in the totals only
            for (int i = 0; i < Math.min(days, result.daily().size()); i++) {
                SeasonSimulator.Day day = result.daily().get(i);
                if (day.parcels() > 0) {
                    x.add(i + 1.0);
                    y.add(day.costPerParcelYuan());
                }
            }
            XYSeries series = chart.addSeries(String.format(Locale.ROOT, "%s (%.2f yuan a parcel over the season)",
                    entry.getKey(), result.costPerParcelYuan()), x, y);
            series.setMarker(SeriesMarkers.CIRCLE);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String name = file.toString();
        if (name.endsWith(".png")) {
            BitmapEncoder.saveBitmapWithDPI(chart, name, BitmapEncoder.BitmapFormat.PNG, 120);
        } else {
            VectorGraphicsEncoder.saveVectorGraphic(chart, name.endsWith(".svg") ? name.substring(0, name.length() - 4)
                    : name, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        }
    }
}
