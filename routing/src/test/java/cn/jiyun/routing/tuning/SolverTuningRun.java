package cn.jiyun.routing.tuning;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.optaplanner.benchmark.api.PlannerBenchmarkFactory;

/**
 * Runs the optaplanner-benchmark configuration {@code tuning/benchmarkConfig.xml} (solver variants side by side, one
 * at a time) and writes its HTML report under {@code target/tuning}. Not part of the normal build:
 * {@code ./mvnw -pl routing test -Dtest=SolverTuningRun -Djiyun.tuning=tuning/benchmarkConfig.xml}.
 */
@EnabledIfSystemProperty(named = "jiyun.tuning", matches = ".+")
class SolverTuningRun {

    @Test
    void runBenchmark() {
        assumeTrue(Files.isDirectory(Path.of("../../shared/benchmarks")), "shared benchmarks not present");
        PlannerBenchmarkFactory.createFromXmlResource(System.getProperty("jiyun.tuning"))
                .buildPlannerBenchmark()
                .benchmark();
    }
}
