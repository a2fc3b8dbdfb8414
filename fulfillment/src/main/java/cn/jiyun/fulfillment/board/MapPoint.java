package cn.jiyun.fulfillment.board;

/** A point as the map draws it, latitude first as Leaflet takes it, on the map's {@link MapDatum}. */
public record MapPoint(double lat, double lng) {
}
