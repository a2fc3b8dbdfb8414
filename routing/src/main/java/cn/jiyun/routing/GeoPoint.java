package cn.jiyun.routing;

/** A point on the WGS-84 datum (convert GCJ-02 map coordinates at the edge, before they reach the planner). */
public record GeoPoint(double latitude, double longitude) {

    public GeoPoint {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("not a WGS-84 point: " + latitude + "," + longitude);
        }
    }
}
