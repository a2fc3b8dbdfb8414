package cn.jiyun.fulfillment.hubs;

import cn.jiyun.fulfillment.cooperatives.ServiceAreas;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.errors.NotFoundException;
import org.locationtech.jts.geom.Point;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalTime;
import java.util.Optional;

/** Creates and changes a cooperative's hubs. */
@Service
@Transactional
public class HubService {

    /** What a hub is made of, as a request or the demo loader says it. */
    public record HubDetails(String name, String countyCode, String address, Point location, LocalTime opensAt,
                             LocalTime closesAt, LocalTime carrierCutoff) {
    }

    private final Hubs hubs;
    private final ServiceAreas serviceAreas;

    HubService(Hubs hubs, ServiceAreas serviceAreas) {
        this.hubs = hubs;
        this.serviceAreas = serviceAreas;
    }

    @Transactional(readOnly = true)
    public Page<Hub> list(Long cooperativeId, Pageable pageable) {
        return hubs.findByCooperativeId(cooperativeId, pageable);
    }

    @Transactional(readOnly = true)
    public Optional<Hub> find(Long cooperativeId, Long hubId) {
        return hubs.findByIdAndCooperativeId(hubId, cooperativeId);
    }

    @Transactional(readOnly = true)
    public Hub get(Long cooperativeId, Long hubId) {
        return hubs.findByIdAndCooperativeId(hubId, cooperativeId).orElseThrow(() -> new NotFoundException("hub", hubId));
    }

    public Hub create(Long cooperativeId, HubDetails details) {
        serviceAreas.requireServed(cooperativeId, details.location(), "location", "hub");
        checkHours(details);
        try {
            return hubs.save(new Hub(cooperativeId, details.name(), details.countyCode(), details.address(),
                    details.location(), details.opensAt(), details.closesAt(), details.carrierCutoff()));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("carrierCutoff", e.getMessage());
        }
    }

    public Hub update(Long cooperativeId, Long hubId, HubDetails details) {
        Hub hub = get(cooperativeId, hubId);
        serviceAreas.requireServed(cooperativeId, details.location(), "location", "hub");
        checkHours(details);
        try {
            hub.update(details.name(), details.countyCode(), details.address(), details.location(),
                    details.opensAt(), details.closesAt(), details.carrierCutoff());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("carrierCutoff", e.getMessage());
        }
        return hub;
    }

    /** Each bad hour reported under its own field (a hub that opens after it closes was once blamed on the cut-off). */
    private static void checkHours(HubDetails details) {
        if (!details.opensAt().isBefore(details.closesAt())) {
            throw new InvalidFieldException("closesAt", "a hub must open before it closes");
        }
        if (details.carrierCutoff().isBefore(details.opensAt()) || details.carrierCutoff().isAfter(details.closesAt())) {
            throw new InvalidFieldException("carrierCutoff", "the carrier cut-off must fall within opening hours");
        }
    }
}
