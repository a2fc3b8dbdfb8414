package cn.jiyun.fulfillment.tracking;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Set;

/** The carrier's scans of each order's parcel. */
public interface CarrierScans extends JpaRepository<CarrierScan, Long> {

    List<CarrierScan> findByOrderIdOrderByScannedAtAscIdAsc(Long orderId);

    @Query("select s.scanKey from CarrierScan s where s.orderId = :orderId")
    Set<String> keysOf(Long orderId);
}
