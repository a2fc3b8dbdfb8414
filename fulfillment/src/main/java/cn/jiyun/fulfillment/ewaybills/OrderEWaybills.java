package cn.jiyun.fulfillment.ewaybills;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The orders' e-waybill takes. */
interface OrderEWaybills extends JpaRepository<OrderEWaybill, Long> {

    /** The order's latest take: the one that counts. */
    Optional<OrderEWaybill> findFirstByCooperativeIdAndOrderIdOrderByTakeNumberDesc(Long cooperativeId, Long orderId);

    List<OrderEWaybill> findByCooperativeIdAndOrderIdInOrderByOrderIdAscTakeNumberAsc(Long cooperativeId,
                                                                                     Collection<Long> orderIds);
}
