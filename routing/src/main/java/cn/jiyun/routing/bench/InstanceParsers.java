package cn.jiyun.routing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.jiyun.routing.bench.BenchmarkInstance.Convention;
import cn.jiyun.routing.bench.BenchmarkInstance.Node;

/** Reads Solomon-format (also Gehring–Homberger) and TSPLIB/CVRPLIB {@code .vrp} files. */
public final class InstanceParsers {

    private InstanceParsers() {
    }

    public static BenchmarkInstance readSolomon(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String name = lines.get(0).trim();
        int vehicleCount = -1;
        long capacity = -1;
        List<Node> nodes = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).trim().split("\\s+");
            if (cells.length == 2 && vehicleCount < 0 && isNumber(cells[0])) {
                vehicleCount = Integer.parseInt(cells[0]);
                capacity = Long.parseLong(cells[1]);
            } else if (cells.length == 7 && isNumber(cells[0])) {
                nodes.add(new Node(Integer.parseInt(cells[0]), Double.parseDouble(cells[1]),
                        Double.parseDouble(cells[2]), Long.parseLong(cells[3]), Double.parseDouble(cells[4]),
                        Double.parseDouble(cells[5]), Double.parseDouble(cells[6])));
            }
        }
        if (vehicleCount < 0 || nodes.isEmpty() || nodes.get(0).id() != 0) {
            throw new IOException(file + " is not a Solomon instance");
        }
        return new BenchmarkInstance(name, Convention.SOLOMON, vehicleCount, capacity, List.copyOf(nodes));
    }

    public static BenchmarkInstance readCvrplib(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String name = file.getFileName().toString().replaceFirst("\\.vrp$", "");
        long capacity = -1;
        int dimension = -1;
        Map<Integer, double[]> coordinates = new HashMap<>();
        Map<Integer, Long> demands = new HashMap<>();
        int depot = 1;
        String section = "";
        for (String raw : lines) {
            String line = raw.trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.contains(":")) {
                String key = line.substring(0, line.indexOf(':')).trim();
                String value = line.substring(line.indexOf(':') + 1).trim();
                switch (key) {
                    case "NAME" -> name = value;
                    case "CAPACITY" -> capacity = Long.parseLong(value);
                    case "DIMENSION" -> dimension = Integer.parseInt(value);
                    case "EDGE_WEIGHT_TYPE" -> {
                        if (!value.equals("EUC_2D")) {
                            throw new IOException("only EUC_2D instances are supported, not " + value);
                        }
                    }
                    default -> {
                    }
                }
                continue;
            }
            if (line.endsWith("SECTION") || line.equals("EOF")) {
                section = line;
                continue;
            }
            String[] cells = line.split("\\s+");
            switch (section) {
                case "NODE_COORD_SECTION" -> coordinates.put(Integer.parseInt(cells[0]),
                        new double[] { Double.parseDouble(cells[1]), Double.parseDouble(cells[2]) });
                case "DEMAND_SECTION" -> demands.put(Integer.parseInt(cells[0]), Long.parseLong(cells[1]));
                case "DEPOT_SECTION" -> {
                    int value = Integer.parseInt(cells[0]);
                    if (value > 0) {
                        depot = value;
                    }
                }
                default -> {
                }
            }
        }
        if (capacity < 0 || dimension < 0 || coordinates.size() != dimension) {
            throw new IOException(file + " is not a complete CVRPLIB instance");
        }
        // Depot first, then the customers in file order; Node.id keeps the file's numbering.
        List<Node> nodes = new ArrayList<>();
        nodes.add(node(depot, coordinates, demands));
        for (int id = 1; id <= dimension; id++) {
            if (id != depot) {
                nodes.add(node(id, coordinates, demands));
            }
        }
        return new BenchmarkInstance(name, Convention.CVRPLIB, 0, capacity, List.copyOf(nodes));
    }

    private static Node node(int id, Map<Integer, double[]> coordinates, Map<Integer, Long> demands) {
        double[] xy = coordinates.get(id);
        return new Node(id, xy[0], xy[1], demands.getOrDefault(id, 0L), 0, Double.MAX_VALUE, 0);
    }

    private static boolean isNumber(String cell) {
        return !cell.isEmpty() && cell.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '-');
    }
}
