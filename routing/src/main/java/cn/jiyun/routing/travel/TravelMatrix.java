package cn.jiyun.routing.travel;

/** Road distance in metres and driving time in seconds between every ordered pair of a list of points. */
public final class TravelMatrix {

    /** Used for pairs a road service reports as unreachable: large, yet summing a few never overflows. */
    public static final long UNREACHABLE = Long.MAX_VALUE / 1024;

    private final long[][] distanceMetres;
    private final long[][] durationSeconds;

    public TravelMatrix(long[][] distanceMetres, long[][] durationSeconds) {
        if (distanceMetres.length != durationSeconds.length) {
            throw new IllegalArgumentException("distance and duration tables differ in size");
        }
        this.distanceMetres = distanceMetres;
        this.durationSeconds = durationSeconds;
    }

    public int size() {
        return distanceMetres.length;
    }

    public long distanceMetres(int from, int to) {
        return distanceMetres[from][to];
    }

    public long durationSeconds(int from, int to) {
        return durationSeconds[from][to];
    }

    long[][] distances() {
        return distanceMetres;
    }

    long[][] durations() {
        return durationSeconds;
    }

    /** The tables as the solver model uses them (shared, not copied: neither side changes them). */
    public cn.jiyun.routing.domain.TravelTimes toTravelTimes() {
        return new cn.jiyun.routing.domain.TravelTimes(distanceMetres, durationSeconds);
    }
}
