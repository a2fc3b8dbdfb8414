package cn.jiyun.fulfillment.shops;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Every shop's SKU→producer mappings. */
public interface SkuMappings extends JpaRepository<SkuMapping, Long> {

    Page<SkuMapping> findByShopId(Long shopId, Pageable pageable);

    Optional<SkuMapping> findByIdAndShopId(Long id, Long shopId);

    Optional<SkuMapping> findByShopIdAndPlatformSku(Long shopId, String platformSku);

    List<SkuMapping> findByShopIdAndPlatformSkuIn(Long shopId, Collection<String> platformSkus);
}
