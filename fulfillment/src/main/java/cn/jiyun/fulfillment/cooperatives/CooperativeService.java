package cn.jiyun.fulfillment.cooperatives;

import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.errors.NotFoundException;
import org.locationtech.jts.geom.Polygon;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Set;

/** Registers cooperatives, the tenants every other record belongs to, and suspends and resumes them. */
@Service
@Transactional
public class CooperativeService {

    private final Cooperatives cooperatives;
    private final Clock clock;

    CooperativeService(Cooperatives cooperatives, Clock clock) {
        this.cooperatives = cooperatives;
        this.clock = clock;
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

    /** Every cooperative, for Jiyun's operators (no cooperative's user may list them). */
    @Transactional(readOnly = true)
    public Page<Cooperative> list(Pageable pageable) {
        return cooperatives.findAll(pageable);
    }

    @Transactional(readOnly = true)
    public Cooperative get(Long id) {
        return cooperatives.findById(id).orElseThrow(() -> new NotFoundException("cooperative", id));
    }

    /** Its users cannot log in from now on and its shops are no longer polled; every record stays. */
    public Cooperative suspend(Long id, String reason) {
        Cooperative cooperative = get(id);
        if (cooperative.suspended()) {
            throw new ConflictException("cooperative " + id + " is suspended already, since "
                    + cooperative.suspendedAt());
        }
        cooperative.suspend(reason, clock.instant());
        return cooperative;
    }

    public Cooperative resume(Long id) {
        Cooperative cooperative = get(id);
        if (!cooperative.suspended()) {
            throw new ConflictException("cooperative " + id + " is not suspended");
        }
        cooperative.resume();
        return cooperative;
    }

    @Transactional(readOnly = true)
    public boolean isSuspended(Long id) {
        return id != null && cooperatives.existsByIdAndSuspendedAtIsNotNull(id);
    }

    /** The cooperatives whose shops are not to be polled. */
    @Transactional(readOnly = true)
    public Set<Long> suspendedIds() {
        return Set.copyOf(cooperatives.suspendedIds());
    }
}
