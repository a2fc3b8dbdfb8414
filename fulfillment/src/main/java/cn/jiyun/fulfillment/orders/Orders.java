package cn.jiyun.fulfillment.orders;

import cn.jiyun.integrations.Platform;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Every cooperative's orders. */
public interface Orders extends JpaRepository<Order, Long>, JpaSpecificationExecutor<Order> {

    Optional<Order> findByIdAndCooperativeId(Long id, Long cooperativeId);

    Optional<Order> findByTrackingToken(String trackingToken);

    // written out: Hibernate translates a derived (criteria) query anew on every call, a string query once;
    // the intake asks this for every order or page
    @Query("""
            SELECT o FROM CustomerOrder o
            WHERE o.platform = :platform AND o.shopId = :shopId AND o.platformOrderId = :platformOrderId""")
    Optional<Order> findByPlatformAndShopIdAndPlatformOrderId(Platform platform, Long shopId, String platformOrderId);

    /** The shop's orders of these platform order ids; the intake asks it for every page. */
    @Query("""
            SELECT o FROM CustomerOrder o
            WHERE o.platform = :platform AND o.shopId = :shopId AND o.platformOrderId IN :platformOrderIds""")
    List<Order> findByPlatformAndShopIdAndPlatformOrderIdIn(Platform platform, Long shopId,
                                                           Collection<String> platformOrderIds);

    /** Orders of the shop waiting for a person that contain the SKU. */
    @Query("""
            SELECT DISTINCT o FROM CustomerOrder o JOIN o.lines l
            WHERE o.shopId = :shopId AND o.status = cn.jiyun.fulfillment.orders.OrderStatus.NEEDS_ATTENTION
              AND l.platformSku = :sku""")
    List<Order> findNeedingAttentionWithSku(Long shopId, String sku);

    /** Orders waiting for a person because a SKU had no producer, oldest first. */
    @Query("""
            SELECT o.id FROM CustomerOrder o
            WHERE o.status = cn.jiyun.fulfillment.orders.OrderStatus.NEEDS_ATTENTION
              AND o.attentionReason LIKE 'no producer mapped for SKU %'
            ORDER BY o.id""")
    List<Long> findWaitingForMapping(Pageable page);

    /** Orders taken from the platforms (not from spreadsheets), paid and not cancelled, with their lines, oldest first. */
    @Query("""
            SELECT DISTINCT o FROM CustomerOrder o JOIN FETCH o.lines
            WHERE o.platform <> cn.jiyun.integrations.Platform.SPREADSHEET
              AND o.status <> cn.jiyun.fulfillment.orders.OrderStatus.CANCELLED AND o.paidAt IS NOT NULL
            ORDER BY o.id""")
    List<Order> findPaidPlatformOrders();

    boolean existsByPlatformAndShopIdAndPlatformOrderId(Platform platform, Long shopId, String platformOrderId);
}
