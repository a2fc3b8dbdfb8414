package cn.jiyun.fulfillment.fleet;

import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.errors.NotFoundException;
import cn.jiyun.fulfillment.hubs.HubService;
import cn.jiyun.fulfillment.security.AppUsers;
import cn.jiyun.fulfillment.security.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Registers and changes a cooperative's vehicles. */
@Service
@Transactional
public class VehicleService {

    private final Vehicles vehicles;
    private final HubService hubs;
    private final AppUsers users;

    VehicleService(Vehicles vehicles, HubService hubs, AppUsers users) {
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

    /** A vehicle by its id, whichever cooperative keeps it: for work that carries the id, not a user. */
    @Transactional(readOnly = true)
    public Optional<Vehicle> find(Long vehicleId) {
        return vehicles.findById(vehicleId);
    }

    /** These vehicles; ids of no vehicle are left out. */
    @Transactional(readOnly = true)
    public List<Vehicle> byIds(Collection<Long> vehicleIds) {
        return vehicles.findAllById(vehicleIds);
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

    /** The courier drives the cooperative's vehicle from now on. */
    public Vehicle assignDriver(Long cooperativeId, Long vehicleId, Long courierUserId) {
        Vehicle vehicle = get(cooperativeId, vehicleId);
        requireCourier(cooperativeId, courierUserId);
        vehicle.assignDriver(courierUserId);
        return vehicle;
    }

    /** The vehicles the courier drives. */
    @Transactional(readOnly = true)
    public List<Vehicle> drivenBy(Long cooperativeId, Long courierUserId) {
        return vehicles.findByCooperativeIdAndDriverUserIdOrderById(cooperativeId, courierUserId);
    }

    private void requireCourier(Long cooperativeId, Long userId) {
        users.requireRole(userId, cooperativeId, Role.COURIER, "driverUserId");
    }

    private void requireOwnHub(Long cooperativeId, Long hubId) {
        if (hubs.find(cooperativeId, hubId).isEmpty()) {
            throw new InvalidFieldException("homeHubId", "no hub " + hubId + " in this cooperative");
        }
    }
}
