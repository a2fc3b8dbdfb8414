package cn.jiyun.routing.bench;

import java.util.List;

/**
 * A standard instance as read from its file: node 0 is the depot. For CVRPLIB instances the time fields are unused
 * and {@code vehicleCount} is 0 (unlimited fleet).
 */
public record BenchmarkInstance(String name, Convention convention, int vehicleCount, long capacity,
        List<Node> nodes) {

    /** How distances are measured and what the fleet may be, as the benchmark README prescribes. */
    public enum Convention {
        /** Solomon and Gehring–Homberger: unrounded Euclidean, travel time = distance, at most the file's fleet. */
        SOLOMON,
        /** CVRPLIB X: Euclidean rounded to the nearest integer per arc (TSPLIB nint), unlimited fleet. */
        CVRPLIB
    }

    public record Node(int id, double x, double y, long demand, double ready, double due, double service) {
    }

    public int customerCount() {
        return nodes.size() - 1;
    }

    public long totalDemand() {
        return nodes.stream().mapToLong(Node::demand).sum();
    }

    public double distance(int from, int to) {
        Node a = nodes.get(from);
        Node b = nodes.get(to);
        double euclid = Math.hypot(a.x() - b.x(), a.y() - b.y());
        return convention == Convention.CVRPLIB ? Math.floor(euclid + 0.5) : euclid;
    }
}
