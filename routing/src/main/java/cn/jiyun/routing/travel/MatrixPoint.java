package cn.jiyun.routing.travel;

import cn.jiyun.routing.GeoPoint;

/** A point to route between, with the county it lies in (its roads decide the circuity of a straight-line estimate). */
public record MatrixPoint(GeoPoint location, String countyCode) {

    public MatrixPoint {
        if (location == null) {
            throw new IllegalArgumentException("location is required");
        }
        countyCode = countyCode == null ? "" : countyCode;
    }
}
