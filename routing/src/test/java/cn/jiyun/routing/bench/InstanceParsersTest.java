package cn.jiyun.routing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reads the shared benchmark files when they sit beside the checkout ({@code ../shared}), as they do in CI. */
class InstanceParsersTest {

    private static final Path BENCHMARKS = Path.of("../../shared/benchmarks");
    private static final Path BENCHMARKS_FROM_MODULE = Path.of("../shared/benchmarks");

    private static Path benchmarks() {
        // Maven runs tests from the module folder; ../shared is beside the checkout, so two levels up.
        Path found = Files.isDirectory(BENCHMARKS) ? BENCHMARKS : BENCHMARKS_FROM_MODULE;
        assumeTrue(Files.isDirectory(found), "shared benchmarks not present");
        return found;
    }

    @Test
    void readsASolomonInstance() throws IOException {
        BenchmarkInstance c101 = InstanceParsers.readSolomon(benchmarks().resolve("solomon/c101.txt"));

        assertThat(c101.name()).isEqualTo("C101");
        assertThat(c101.vehicleCount()).isEqualTo(25);
        assertThat(c101.capacity()).isEqualTo(200);
        assertThat(c101.customerCount()).isEqualTo(100);
        assertThat(c101.nodes().get(0).due()).isEqualTo(1236);
        assertThat(c101.nodes().get(1).service()).isEqualTo(90);
    }

    @Test
    void readsAGehringHombergerInstance() throws IOException {
        BenchmarkInstance instance = InstanceParsers.readSolomon(benchmarks().resolve("homberger/c1_2_1.txt"));

        assertThat(instance.customerCount()).isEqualTo(200);
        assertThat(instance.vehicleCount()).isPositive();
    }

    @Test
    void readsACvrplibInstanceWithTheDepotFirst() throws IOException {
        BenchmarkInstance x = InstanceParsers.readCvrplib(benchmarks().resolve("cvrplib-x/X-n101-k25.vrp"));

        assertThat(x.name()).isEqualTo("X-n101-k25");
        assertThat(x.capacity()).isEqualTo(206);
        assertThat(x.customerCount()).isEqualTo(100);
        assertThat(x.nodes().get(0).demand()).isZero();
    }

    @Test
    void recomputesTheBestKnownCvrplibSolutionToItsCost() throws IOException {
        Path folder = benchmarks().resolve("cvrplib-x");
        for (String name : List.of("X-n101-k25", "X-n157-k13")) {
            BenchmarkInstance instance = InstanceParsers.readCvrplib(folder.resolve(name + ".vrp"));
            List<List<Integer>> routes = new ArrayList<>();
            long expected = -1;
            for (String line : Files.readAllLines(folder.resolve(name + ".sol"))) {
                if (line.startsWith("Route")) {
                    // .sol files number customers 1..n; our node index i is file node i + 1, depot 0.
                    routes.add(Arrays.stream(line.substring(line.indexOf(':') + 1).trim().split("\\s+"))
                            .map(Integer::parseInt).toList());
                } else if (line.startsWith("Cost")) {
                    expected = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }

            FeasibilityCheck.Result result = FeasibilityCheck.check(instance, routes);

            assertThat(result.violations()).isEmpty();
            assertThat(result.cost()).isEqualTo(expected);
        }
    }

    @Test
    void flagsAnInfeasibleSolomonSolution() throws IOException {
        BenchmarkInstance c101 = InstanceParsers.readSolomon(benchmarks().resolve("solomon/c101.txt"));
        List<Integer> everyone = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            everyone.add(i);
        }

        FeasibilityCheck.Result oneTruck = FeasibilityCheck.check(c101, List.of(everyone));

        assertThat(oneTruck.feasible()).isFalse();
        assertThat(oneTruck.violations()).anyMatch(v -> v.contains("carries"));
    }
}
