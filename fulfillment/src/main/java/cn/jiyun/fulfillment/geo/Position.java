package cn.jiyun.fulfillment.geo;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.locationtech.jts.geom.Point;

/** A WGS-84 position as the API carries it. */
public record Position(
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude) {

    public static Position of(Point point) {
        return new Position(point.getX(), point.getY());
    }

    public Point toPoint() {
        return Wgs84.point(longitude, latitude);
    }
}
