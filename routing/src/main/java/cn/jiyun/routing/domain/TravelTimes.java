package cn.jiyun.routing.domain;

/**
 * Dense distance and duration tables between the locations of one planning problem, indexed by location number.
 *
 * <p>Units are the caller's: metres and seconds for pickup plans, scaled coordinate units for the benchmarks.
 * The arrays are never changed after construction, so solution clones can share one instance.
 */
public final class TravelTimes {

    private final long[][] distances;
    private final long[][] durations;

    public TravelTimes(long[][] distances, long[][] durations) {
        if (distances.length != durations.length) {
            throw new IllegalArgumentException("distance and duration tables differ in size");
        }
        this.distances = distances;
        this.durations = durations;
    }

    public long distance(int from, int to) {
        return distances[from][to];
    }

    public long duration(int from, int to) {
        return durations[from][to];
    }

    public int size() {
        return distances.length;
    }
}
