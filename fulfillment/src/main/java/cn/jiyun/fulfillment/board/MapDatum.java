package cn.jiyun.fulfillment.board;

import cn.jiyun.fulfillment.geo.Gcj02;
import cn.jiyun.fulfillment.geo.Position;

/** The datum the map's tiles are drawn in; every coordinate sent to the map is converted to it, once. */
public enum MapDatum {

    /** OpenStreetMap and most XYZ servers; also the plain background. */
    WGS84,
    /** Amap and other Chinese tile servers. */
    GCJ02;

    /** Where a stored WGS-84 position lies on this datum's tiles. */
    public MapPoint of(Position wgs84) {
        if (this == GCJ02) {
            Gcj02 shifted = Gcj02.fromWgs84(wgs84);
            return new MapPoint(shifted.latitude(), shifted.longitude());
        }
        return new MapPoint(wgs84.latitude(), wgs84.longitude());
    }
}
