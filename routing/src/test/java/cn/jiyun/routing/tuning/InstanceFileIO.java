package cn.jiyun.routing.tuning;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.optaplanner.persistence.common.api.domain.solution.SolutionFileIO;

import cn.jiyun.routing.bench.BenchmarkModel;
import cn.jiyun.routing.bench.InstanceParsers;
import cn.jiyun.routing.domain.PickupPlan;

/** Lets optaplanner-benchmark read the standard instances (.txt Solomon, .vrp CVRPLIB) into the planner's model. */
public class InstanceFileIO implements SolutionFileIO<PickupPlan> {

    @Override
    public String getInputFileExtension() {
        return "txt";
    }

    @Override
    public PickupPlan read(File file) {
        try {
            return BenchmarkModel.toPlan(file.getName().endsWith(".vrp") ? InstanceParsers.readCvrplib(file.toPath())
                    : InstanceParsers.readSolomon(file.toPath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(PickupPlan solution, File file) {
        // Best solutions are not written back: the benchmark report holds the scores.
    }
}
