package cn.jiyun.fulfillment.fleet;

import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.errors.NotFoundException;
import cn.jiyun.fulfillment.hubs.Hubs;
import cn.jiyun.fulfillment.security.AppUsers;
import cn.jiyun.fulfillment.security.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers and changes a cooperative's vehicles. */
@Service
@Transactional
public class VehicleService {

    private final Vehicles vehicles;
    private final Hubs hubs;
    private final AppUsers users;

    VehicleService(Vehicles vehicles, Hubs hubs, AppUsers users) {
        this.vehicles = vehicles;
        this.hubs = hubs;
        this.users = users;
    }

    @Transactional(readOnly = true)
    public Page<Vehicle> list(Long cooperativeId, Long homeHubId, Pageable pageable) {
        return homeHubId == null
                ? vehicles.findByCooperativeId(cooperativeId, pageable)
                : vehicles.findByCooperativeIdAndHomeHubId(cooperativeId, homeHubId, pageable);
    }

    @Transactional(readOnly = true)
    public Vehicle get(Long cooperativeId, Long vehicleId) {
        return vehicles.findByIdAndCooperativeId(vehicleId, cooperativeId)
                .orElseThrow(() -> new NotFoundException("vehicle", vehicleId));
    }

    public Vehicle create(Long cooperativeId, VehicleDetails details) {
        requireOwnHub(cooperativeId, details.homeHubId());
        requireCourier(cooperativeId, details.driverUserId());
        try {
            return vehicles.save(new Vehicle(cooperativeId, details));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("shiftEnd", e.getMessage());
        }
    }

    public Vehicle update(Long cooperativeId, Long vehicleId, VehicleDetails details) {
        Vehicle vehicle = get(cooperativeId, vehicleId);
        requireOwnHub(cooperativeId, details.homeHubId());
        requireCourier(cooperativeId, details.driverUserId());
        try {
            vehicle.update(details);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("shiftEnd", e.getMessage());
        }
        return vehicle;
    }

    private void requireCourier(Long cooperativeId, Long userId) {
        users.requireRole(userId, cooperativeId, Role.COURIER, "driverUserId");
    }

    private void requireOwnHub(Long cooperativeId, Long hubId) {
        if (hubs.findByIdAndCooperativeId(hubId, cooperativeId).isEmpty()) {
            throw new InvalidFieldException("homeHubId", "no hub " + hubId + " in this cooperative");
        }
    }
}
