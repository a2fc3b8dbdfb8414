package cn.jiyun.routing.travel;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import cn.jiyun.routing.GeoPoint;

/**
 * Estimates road distance as great-circle distance times a circuity factor (per county, default 1.35 for rural
 * roads) and driving time from a configured average speed. Rows are computed in parallel.
 */
public final class GreatCircleMatrixSource implements TravelMatrixSource {

    public static final double DEFAULT_CIRCUITY = 1.35;
    public static final double DEFAULT_SPEED_KMH = 40.0;
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private final Map<String, Double> circuityByCounty;
    private final double defaultCircuity;
    private final double metresPerSecond;

    public GreatCircleMatrixSource() {
        this(Map.of(), DEFAULT_CIRCUITY, DEFAULT_SPEED_KMH);
    }

    public GreatCircleMatrixSource(Map<String, Double> circuityByCounty, double defaultCircuity,
            double averageSpeedKmh) {
        if (defaultCircuity < 1.0 || averageSpeedKmh <= 0) {
            throw new IllegalArgumentException("circuity must be >= 1 and speed positive");
        }
        this.circuityByCounty = Map.copyOf(circuityByCounty);
        this.defaultCircuity = defaultCircuity;
        this.metresPerSecond = averageSpeedKmh / 3.6;
    }

    @Override
    public TravelMatrix compute(List<MatrixPoint> points) {
        int n = points.size();
        long[][] distances = new long[n][];
        long[][] durations = new long[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            long[] distanceRow = new long[n];
            long[] durationRow = new long[n];
            MatrixPoint from = points.get(i);
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                MatrixPoint to = points.get(j);
                // An arc crossing a county border takes the mean of both counties' circuity.
                double circuity = (circuity(from) + circuity(to)) / 2;
                double metres = greatCircleMetres(from.location(), to.location()) * circuity;
                distanceRow[j] = Math.round(metres);
                durationRow[j] = Math.round(metres / metresPerSecond);
            }
            distances[i] = distanceRow;
            durations[i] = durationRow;
        });
        return new TravelMatrix(distances, durations);
    }

    private double circuity(MatrixPoint point) {
        return circuityByCounty.getOrDefault(point.countyCode(), defaultCircuity);
    }

    /** Haversine distance on a spherical earth of mean radius. */
    public static double greatCircleMetres(GeoPoint a, GeoPoint b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
