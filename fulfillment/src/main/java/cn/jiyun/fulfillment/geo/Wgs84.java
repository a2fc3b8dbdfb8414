package cn.jiyun.fulfillment.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/** Points and areas in WGS-84 (SRID 4326), longitude first, as Jiyun stores them. */
public final class Wgs84 {

    public static final int SRID = 4326;
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), SRID);
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private Wgs84() {
    }

    /** A point; longitude and latitude must be in range (see {@link #rangeProblem}). */
    public static Point point(double longitude, double latitude) {
        String problem = rangeProblem(longitude, latitude);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return FACTORY.createPoint(new Coordinate(longitude, latitude));
    }

    /** Why a coordinate pair is not a WGS-84 position, or {@code null} if it is one. */
    public static String rangeProblem(double longitude, double latitude) {
        if (!Double.isFinite(longitude) || longitude < -180 || longitude > 180) {
            return "longitude must be between -180 and 180, was " + longitude;
        }
        if (!Double.isFinite(latitude) || latitude < -90 || latitude > 90) {
            return "latitude must be between -90 and 90, was " + latitude;
        }
        return null;
    }

    /** The rectangle between two corners, as a polygon. */
    public static Polygon box(double minLongitude, double minLatitude, double maxLongitude, double maxLatitude) {
        return FACTORY.createPolygon(new Coordinate[] {
                new Coordinate(minLongitude, minLatitude),
                new Coordinate(maxLongitude, minLatitude),
                new Coordinate(maxLongitude, maxLatitude),
                new Coordinate(minLongitude, maxLatitude),
                new Coordinate(minLongitude, minLatitude)});
    }

    /** Great-circle distance in metres, on the mean Earth radius. */
    public static double metresBetween(Point a, Point b) {
        double lat1 = Math.toRadians(a.getY());
        double lat2 = Math.toRadians(b.getY());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.getX() - a.getX());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Degrees of latitude and longitude that surely cover {@code km} around {@code latitude}. */
    public static double[] degreesCovering(double km, double latitude) {
        double dLat = km / 110.574;
        double cos = Math.cos(Math.toRadians(Math.min(89, Math.abs(latitude) + dLat)));
        double dLon = km / (111.320 * cos);
        return new double[] {dLon * 1.01, dLat * 1.01};
    }
}
