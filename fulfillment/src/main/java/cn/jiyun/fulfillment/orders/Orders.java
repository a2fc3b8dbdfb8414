package cn.jiyun.fulfillment.orders;

import cn.jiyun.integrations.Platform;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.Optional;

/** Every cooperative's orders. */
public interface Orders extends JpaRepository<Order, Long>, JpaSpecificationExecutor<Order> {

    Optional<Order> findByIdAndCooperativeId(Long id, Long cooperativeId);

    boolean existsByPlatformAndShopIdAndPlatformOrderId(Platform platform, Long shopId, String platformOrderId);
}
