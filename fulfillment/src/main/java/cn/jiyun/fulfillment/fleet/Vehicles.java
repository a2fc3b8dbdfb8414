package cn.jiyun.fulfillment.fleet;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

/** The vehicles of every cooperative; callers always say whose. */
public interface Vehicles extends JpaRepository<Vehicle, Long> {

    Page<Vehicle> findByCooperativeId(Long cooperativeId, Pageable pageable);

    Page<Vehicle> findByCooperativeIdAndHomeHubId(Long cooperativeId, Long homeHubId, Pageable pageable);

    Optional<Vehicle> findByIdAndCooperativeId(Long id, Long cooperativeId);

    List<Vehicle> findByCooperativeIdAndDriverUserIdOrderById(Long cooperativeId, Long driverUserId);
}
