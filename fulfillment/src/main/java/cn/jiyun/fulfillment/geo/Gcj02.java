package cn.jiyun.fulfillment.geo;

/**
 * A position on China's GCJ-02 datum, the one Amap and other Chinese maps expect. Jiyun stores
 * WGS-84 and converts at the edge, once, with the published WGS-84 to GCJ-02 formula (Krasovsky
 * 1940 ellipsoid); outside China the two datums coincide.
 */
public record Gcj02(double longitude, double latitude) {

    private static final double KRASOVSKY_SEMI_MAJOR_AXIS = 6_378_245.0;
    private static final double KRASOVSKY_ECCENTRICITY_SQUARED = 0.006_693_421_622_965_943_23;

    /** The GCJ-02 position of a WGS-84 one. */
    public static Gcj02 fromWgs84(Position wgs84) {
        return fromWgs84(wgs84.longitude(), wgs84.latitude());
    }

    public static Gcj02 fromWgs84(double longitude, double latitude) {
        if (outsideChina(longitude, latitude)) {
            return new Gcj02(longitude, latitude);
        }
        double x = longitude - 105.0;
        double y = latitude - 35.0;
        double radLat = Math.toRadians(latitude);
        double magic = 1 - KRASOVSKY_ECCENTRICITY_SQUARED * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        double dLat = latitudeShift(x, y) * 180.0
                / (KRASOVSKY_SEMI_MAJOR_AXIS * (1 - KRASOVSKY_ECCENTRICITY_SQUARED) / (magic * sqrtMagic) * Math.PI);
        double dLon = longitudeShift(x, y) * 180.0
                / (KRASOVSKY_SEMI_MAJOR_AXIS / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new Gcj02(longitude + dLon, latitude + dLat);
    }

    /** The box the formula is published for; the shift is not applied outside it. */
    static boolean outsideChina(double longitude, double latitude) {
        return longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271;
    }

    private static double latitudeShift(double x, double y) {
        double shift = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        shift += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        shift += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        shift += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return shift;
    }

    private static double longitudeShift(double x, double y) {
        double shift = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        shift += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        shift += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        shift += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return shift;
    }
}
