package cn.jiyun.fulfillment.admin;

import cn.jiyun.fulfillment.geo.Position;
import org.locationtech.jts.geom.Point;

/** A WGS-84 position as typed into an admin form (degrees; blank or not a number until checked). */
public class PositionForm {

    private Double longitude;
    private Double latitude;

    public static PositionForm of(Point point) {
        PositionForm form = new PositionForm();
        form.longitude = point.getX();
        form.latitude = point.getY();
        return form;
    }

    /** The API's position, for the request's own range checks. */
    public Position position() {
        return new Position(longitude, latitude);
    }

    public Double getLongitude() {
        return longitude;
    }

    public void setLongitude(Double longitude) {
        this.longitude = longitude;
    }

    public Double getLatitude() {
        return latitude;
    }

    public void setLatitude(Double latitude) {
        this.latitude = latitude;
    }
}
