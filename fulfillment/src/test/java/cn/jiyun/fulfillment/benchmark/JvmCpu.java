package cn.jiyun.fulfillment.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of the benchmark JVM so far, and the shares of its JIT compilers, its garbage collector
 * and the sandbox's server threads (Jetty, {@code qtp…}), read per thread from Linux's /proc. Those
 * shares say whether a figure measures the service or the JVM warming up (the compilers alone can
 * take most of a core for the first minute) or the sandbox playing the platforms.
 */
record JvmCpu(long totalNanos, Map<Long, TaskTime> threads) {

    /** One thread's name as Linux has it (15 characters at most) and its CPU time. */
    record TaskTime(String name, long nanos) {
        Kind kind() {
            if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                return Kind.JIT;
            }
            if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                return Kind.GC;
            }
            return name.startsWith("qtp") ? Kind.SANDBOX : Kind.OTHER;
        }
    }

    enum Kind { JIT, GC, SANDBOX, OTHER }

    private static final long NANOS_PER_TICK = 10_000_000; // USER_HZ is 100 on Linux

    static JvmCpu now() {
        long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        Map<Long, TaskTime> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // pid (name) state … : the name may hold spaces and parentheses, so split after the last ')'
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
                    long tid = Long.parseLong(task.getFileName().toString());
                    threads.put(tid, new TaskTime(name, ticks * NANOS_PER_TICK));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we read
                }
            });
        } catch (IOException notLinux) {
            // no per-thread shares; the total stays
        }
        return new JvmCpu(total, threads);
    }

    /** CPU time since {@code start}, in nanoseconds: of the whole JVM, and of one kind of thread. */
    long totalSince(JvmCpu start) {
        return totalNanos - start.totalNanos;
    }

    long since(JvmCpu start, Kind kind) {
        return threads.entrySet().stream().filter(e -> e.getValue().kind() == kind)
                .mapToLong(e -> e.getValue().nanos() - start.threads.getOrDefault(e.getKey(),
                        new TaskTime(e.getValue().name(), 0)).nanos())
                .sum();
    }

    /** The figures every ingestion benchmark prints, in ms per order. */
    String perOrder(JvmCpu start, long orders) {
        return String.format("jvm_cpu_ms_per_order=%.2f of_which_jit=%.2f of_which_gc=%.2f of_which_sandbox=%.2f",
                totalSince(start) / 1e6 / orders, since(start, Kind.JIT) / 1e6 / orders,
                since(start, Kind.GC) / 1e6 / orders, since(start, Kind.SANDBOX) / 1e6 / orders);
    }
}
