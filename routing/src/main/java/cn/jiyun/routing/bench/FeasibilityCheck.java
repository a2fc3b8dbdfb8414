package cn.jiyun.routing.bench;

import java.util.ArrayList;
import java.util.List;

import cn.jiyun.routing.bench.BenchmarkInstance.Convention;
import cn.jiyun.routing.bench.BenchmarkInstance.Node;

/**
 * Checks a solution against the instance itself, in real numbers, without trusting the solver's score: every
 * customer exactly once, capacity, time windows (waiting allowed), return to the depot by its due date, fleet size.
 */
public final class FeasibilityCheck {

    private static final double EPSILON = 1e-6;

    private FeasibilityCheck() {
    }

    public record Result(boolean feasible, double cost, List<String> violations) {
    }

    public static Result check(BenchmarkInstance instance, List<List<Integer>> routes) {
        List<String> violations = new ArrayList<>();
        int n = instance.nodes().size();
        int[] visits = new int[n];
        double cost = 0;
        if (instance.convention() == Convention.SOLOMON && routes.size() > instance.vehicleCount()) {
            violations.add(routes.size() + " routes but only " + instance.vehicleCount() + " vehicles");
        }
        Node depot = instance.nodes().get(0);
        for (int r = 0; r < routes.size(); r++) {
            List<Integer> route = routes.get(r);
            long load = 0;
            double time = depot.ready();
            int previous = 0;
            for (int customer : route) {
                if (customer <= 0 || customer >= n) {
                    violations.add("route " + r + " visits unknown node " + customer);
                    continue;
                }
                visits[customer]++;
                Node node = instance.nodes().get(customer);
                load += node.demand();
                double leg = instance.distance(previous, customer);
                cost += leg;
                time = Math.max(time + leg, node.ready());
                if (instance.convention() == Convention.SOLOMON && time > node.due() + EPSILON) {
                    violations.add("route " + r + " reaches " + node.id() + " at " + time + " after " + node.due());
                }
                time += node.service();
                previous = customer;
            }
            double back = instance.distance(previous, 0);
            cost += back;
            if (instance.convention() == Convention.SOLOMON && time + back > depot.due() + EPSILON) {
                violations.add("route " + r + " returns at " + (time + back) + " after " + depot.due());
            }
            if (load > instance.capacity()) {
                violations.add("route " + r + " carries " + load + " > " + instance.capacity());
            }
        }
        for (int i = 1; i < n; i++) {
            if (visits[i] != 1) {
                violations.add("customer " + instance.nodes().get(i).id() + " visited " + visits[i] + " times");
            }
        }
        return new Result(violations.isEmpty(), cost, violations);
    }
}
