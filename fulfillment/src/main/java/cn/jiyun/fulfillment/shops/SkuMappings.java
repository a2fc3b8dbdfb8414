package cn.jiyun.fulfillment.shops;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Every shop's SKU→producer mappings. */
public interface SkuMappings extends JpaRepository<SkuMapping, Long> {

    Page<SkuMapping> findByShopId(Long shopId, Pageable pageable);

    Optional<SkuMapping> findByIdAndShopId(Long id, Long shopId);

    // written out, as below: the intake asks it for every order of one SKU
    @Query("SELECT m FROM SkuMapping m WHERE m.shopId = :shopId AND m.platformSku = :platformSku")
    Optional<SkuMapping> findByShopIdAndPlatformSku(Long shopId, String platformSku);

    // written out: Hibernate translates a derived (criteria) query anew on every call, a string query once;
    // the intake asks this for every page and every order of several SKUs (Hibernate still translates an IN
    // list on every call, which is why an order of one SKU asks the query above)
    @Query("SELECT m FROM SkuMapping m WHERE m.shopId = :shopId AND m.platformSku IN :platformSkus")
    List<SkuMapping> findByShopIdAndPlatformSkuIn(Long shopId, Collection<String> platformSkus);
}
