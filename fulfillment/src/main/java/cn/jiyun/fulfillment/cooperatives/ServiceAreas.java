package cn.jiyun.fulfillment.cooperatives;

import cn.jiyun.fulfillment.errors.InvalidFieldException;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Refuses places outside the area a cooperative serves (a typo in a coordinate, a swapped lon/lat). */
@Component
public class ServiceAreas {

    private final Cooperatives cooperatives;

    ServiceAreas(Cooperatives cooperatives) {
        this.cooperatives = cooperatives;
    }

    @Transactional(readOnly = true)
    public void requireServed(Long cooperativeId, Point location, String field, String what) {
        Cooperative cooperative = cooperatives.findById(cooperativeId)
                .orElseThrow(() -> new IllegalStateException("no cooperative " + cooperativeId));
        if (!cooperative.serves(location)) {
            throw new InvalidFieldException(field, "the " + what + " at " + location.getX() + "," + location.getY()
                    + " lies outside the area cooperative '" + cooperative.name() + "' serves");
        }
    }
}
