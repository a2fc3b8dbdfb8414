package cn.jiyun.fulfillment.shops;

import cn.jiyun.integrations.Platform;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every cooperative's shops. */
public interface Shops extends JpaRepository<Shop, Long> {

    Page<Shop> findByCooperativeId(Long cooperativeId, Pageable pageable);

    Page<Shop> findByCooperativeIdAndSellerUserId(Long cooperativeId, Long sellerUserId, Pageable pageable);

    List<Shop> findByCooperativeIdAndSellerUserId(Long cooperativeId, Long sellerUserId);

    List<Shop> findByCooperativeIdAndPlatformShopId(Long cooperativeId, String platformShopId);

    Optional<Shop> findByIdAndCooperativeId(Long id, Long cooperativeId);

    // written out: Hibernate translates a derived (criteria) query anew on every call, a string query once;
    // the intake asks this for every order or page
    @Query("SELECT s FROM Shop s WHERE s.platform = :platform AND s.platformShopId = :platformShopId")
    Optional<Shop> findByPlatformAndPlatformShopId(Platform platform, String platformShopId);

    List<Shop> findByPlatformAndAuthorisation(Platform platform, Shop.Authorisation authorisation);

    /**
     * Moves the shop's sync cursor forward (never back, so no order is read twice as "new") and records when it
     * synced. Outside the record's version: the sync runs every few seconds and must not make an admin's change of
     * the shop at that moment a conflict.
     */
    @Modifying
    @Query("""
            UPDATE Shop s SET s.syncCursor = CASE WHEN s.syncCursor IS NULL OR s.syncCursor < :cursor THEN :cursor
                                                  ELSE s.syncCursor END,
                              s.lastSyncedAt = :at
            WHERE s.platform = :platform AND s.platformShopId = :platformShopId""")
    int advanceSyncCursor(Platform platform, String platformShopId, Instant cursor, Instant at);
}
