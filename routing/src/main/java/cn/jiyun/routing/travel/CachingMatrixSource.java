package cn.jiyun.routing.travel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Remembers the matrices of the last few point sets, so re-planning the same cooperative asks the roads once. */
public final class CachingMatrixSource implements TravelMatrixSource {

    private final TravelMatrixSource delegate;
    private final Map<List<MatrixPoint>, TravelMatrix> cache;

    public CachingMatrixSource(TravelMatrixSource delegate, int maxEntries) {
        this.delegate = delegate;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<MatrixPoint>, TravelMatrix> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public TravelMatrix compute(List<MatrixPoint> points) {
        List<MatrixPoint> key = List.copyOf(points);
        synchronized (cache) {
            TravelMatrix cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // Computed outside the lock: a slow road service must not block other point sets.
        TravelMatrix computed = delegate.compute(key);
        synchronized (cache) {
            cache.putIfAbsent(key, computed);
            return cache.get(key);
        }
    }
}
