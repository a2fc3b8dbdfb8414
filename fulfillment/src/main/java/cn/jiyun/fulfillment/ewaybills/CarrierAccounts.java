package cn.jiyun.fulfillment.ewaybills;

import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

/** The cooperatives' carrier accounts for e-waybills. */
interface CarrierAccounts extends JpaRepository<CarrierAccount, Long> {

    List<CarrierAccount> findByCooperativeIdOrderByPlatformAscCarrierAsc(Long cooperativeId);

    List<CarrierAccount> findByCooperativeIdAndPlatformAndActiveTrueOrderByIdAsc(Long cooperativeId, Platform platform);

    Optional<CarrierAccount> findByIdAndCooperativeId(Long id, Long cooperativeId);

    Optional<CarrierAccount> findByCooperativeIdAndPlatformAndCarrier(Long cooperativeId, Platform platform,
                                                                     Carrier carrier);
}
