package cn.jiyun.fulfillment.cooperatives;

import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers cooperatives, the tenants every other record belongs to. */
@Service
@Transactional
public class CooperativeService {

    private final Cooperatives cooperatives;

    CooperativeService(Cooperatives cooperatives) {
        this.cooperatives = cooperatives;
    }

    /** Registers a cooperative serving the area (WGS-84). */
    public Cooperative register(String name, Polygon serviceArea) {
        return cooperatives.save(new Cooperative(name, serviceArea));
    }

    @Transactional(readOnly = true)
    public boolean exists(Long id) {
        return cooperatives.existsById(id);
    }

    /** Whether any cooperative is registered yet: the first start of a store has none. */
    @Transactional(readOnly = true)
    public boolean anyRegistered() {
        return cooperatives.count() > 0;
    }
}
