package cn.jiyun.fulfillment.producers;

import cn.jiyun.fulfillment.geo.Wgs84;
import cn.jiyun.fulfillment.hubs.Hub;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;

/**
 * Spatial questions about producers, answered by the database with its spatial index and
 * functions (the same SQL on H2GIS and PostGIS): a bounding-box test ({@code &&}, which uses the
 * index) narrows the rows before the exact great-circle distance is computed.
 */
@Component
public class ProducerProximity {

    /** A producer and how far it is, in metres, from the place asked about. */
    public record Distance(long producerId, long hubId, double metres) {
    }

    private final JdbcClient jdbc;

    ProducerProximity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Producers of the hub's cooperative within {@code km} of it, nearest first. */
    public List<Distance> withinKm(Hub hub, double km, int limit, long offset) {
        double[] deg = Wgs84.degreesCovering(km, hub.location().getY());
        return jdbc.sql("""
                        SELECT p.id AS producer_id, h.id AS hub_id, ST_DistanceSphere(p.location, h.location) AS metres
                        FROM producer p JOIN hub h ON h.id = :hub AND h.cooperative_id = p.cooperative_id
                        WHERE p.location && ST_Expand(h.location, :dLon, :dLat)
                          AND ST_DistanceSphere(p.location, h.location) <= :metres
                        ORDER BY metres, p.id
                        LIMIT :limit OFFSET :offset""")
                .param("hub", hub.id())
                .param("dLon", deg[0])
                .param("dLat", deg[1])
                .param("metres", km * 1000)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new Distance(rs.getLong("producer_id"), rs.getLong("hub_id"), rs.getDouble("metres")))
                .list();
    }

    public long countWithinKm(Hub hub, double km) {
        double[] deg = Wgs84.degreesCovering(km, hub.location().getY());
        return jdbc.sql("""
                        SELECT COUNT(*)
                        FROM producer p JOIN hub h ON h.id = :hub AND h.cooperative_id = p.cooperative_id
                        WHERE p.location && ST_Expand(h.location, :dLon, :dLat)
                          AND ST_DistanceSphere(p.location, h.location) <= :metres""")
                .param("hub", hub.id())
                .param("dLon", deg[0])
                .param("dLat", deg[1])
                .param("metres", km * 1000)
                .query(Long.class)
                .single();
    }

    /** For each of the given producers, the nearest hub of its cooperative and the distance to it. */
    public List<Distance> nearestHubs(Long cooperativeId, Collection<Long> producerIds) {
        if (producerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT p.id AS producer_id, h.id AS hub_id, ST_DistanceSphere(p.location, h.location) AS metres
                        FROM producer p
                        JOIN hub h ON h.id = (
                            SELECT h2.id FROM hub h2
                            WHERE h2.cooperative_id = p.cooperative_id
                            ORDER BY ST_DistanceSphere(p.location, h2.location), h2.id
                            LIMIT 1)
                        WHERE p.cooperative_id = :cooperative AND p.id IN (:producers)
                        ORDER BY p.id""")
                .param("cooperative", cooperativeId)
                .param("producers", producerIds)
                .query((rs, n) -> new Distance(rs.getLong("producer_id"), rs.getLong("hub_id"), rs.getDouble("metres")))
                .list();
    }

    /** The cooperative's producers inside a WGS-84 rectangle. */
    public List<Long> idsInside(Long cooperativeId, double minLon, double minLat, double maxLon, double maxLat) {
        return jdbc.sql("""
                        SELECT p.id FROM producer p
                        WHERE p.cooperative_id = :cooperative
                          AND p.location && ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326)
                          AND ST_Intersects(p.location, ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326))""")
                .param("cooperative", cooperativeId)
                .param("minLon", minLon)
                .param("minLat", minLat)
                .param("maxLon", maxLon)
                .param("maxLat", maxLat)
                .query(Long.class)
                .list();
    }

    /** The cooperative's producers whose nearest hub is the given one. */
    public List<Long> idsNearestTo(Long cooperativeId, Long hubId) {
        return jdbc.sql("""
                        SELECT p.id FROM producer p
                        WHERE p.cooperative_id = :cooperative
                          AND :hub = (SELECT h.id FROM hub h
                                      WHERE h.cooperative_id = p.cooperative_id
                                      ORDER BY ST_DistanceSphere(p.location, h.location), h.id
                                      LIMIT 1)""")
                .param("cooperative", cooperativeId)
                .param("hub", hubId)
                .query(Long.class)
                .list();
    }
}
