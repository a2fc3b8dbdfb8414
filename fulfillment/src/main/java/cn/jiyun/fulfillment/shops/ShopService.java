package cn.jiyun.fulfillment.shops;

import cn.jiyun.fulfillment.audit.AuditKind;
import cn.jiyun.fulfillment.audit.AuditTrail;
import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.errors.NotFoundException;
import cn.jiyun.fulfillment.producers.ProducerService;
import cn.jiyun.fulfillment.security.AppUsers;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.integrations.AppCredentials;
import cn.jiyun.integrations.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Registers shops and maps their SKUs to the producers who make them. */
@Service
@Transactional
public class ShopService {

    private static final Logger log = LoggerFactory.getLogger(ShopService.class);

    /** A SKU mapping as a request or the demo loader says it. */
    public record MappingDetails(String platformSku, Long producerId, String productName, int unitWeightGrams,
                                 int unitVolumeMl, boolean chilled) {
    }

    private final Shops shops;
    private final SkuMappings mappings;
    private final ProducerService producers;
    private final AppUsers users;
    private final TokenCipher cipher;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    ShopService(Shops shops, SkuMappings mappings, ProducerService producers, AppUsers users, TokenCipher cipher,
                ApplicationEventPublisher events, AuditTrail audit) {
        this.audit = audit;
        this.shops = shops;
        this.mappings = mappings;
        this.producers = producers;
        this.users = users;
        this.cipher = cipher;
        this.events = events;
    }

    /** The shops the user may see: all of the cooperative's, or a seller's own. */
    @Transactional(readOnly = true)
    public Page<Shop> list(JiyunUser user, Pageable pageable) {
        return user.is(Role.SELLER)
                ? shops.findByCooperativeIdAndSellerUserId(user.cooperativeId(), user.userId(), pageable)
                : shops.findByCooperativeId(user.cooperativeId(), pageable);
    }

    @Transactional(readOnly = true)
    public Shop get(JiyunUser user, Long shopId) {
        Shop shop = get(user.cooperativeId(), shopId);
        if (user.is(Role.SELLER) && !user.userId().equals(shop.sellerUserId())) {
            throw new NotFoundException("shop", shopId);
        }
        return shop;
    }

    @Transactional(readOnly = true)
    public Shop get(Long cooperativeId, Long shopId) {
        return find(cooperativeId, shopId).orElseThrow(() -> new NotFoundException("shop", shopId));
    }

    /** The cooperative's shop of this id, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Shop> find(Long cooperativeId, Long shopId) {
        return shops.findByIdAndCooperativeId(shopId, cooperativeId);
    }

    /** These shops by id, whichever cooperative keeps them; ids of no shop are left out. */
    @Transactional(readOnly = true)
    public Map<Long, Shop> byId(Collection<Long> shopIds) {
        return shops.findAllById(shopIds).stream().collect(Collectors.toMap(Shop::id, Function.identity()));
    }

    /** The cooperative's shops known on their platforms by this shop id (one per platform at most). */
    @Transactional(readOnly = true)
    public List<Shop> withPlatformShopId(Long cooperativeId, String platformShopId) {
        return shops.findByCooperativeIdAndPlatformShopId(cooperativeId, platformShopId);
    }

    /** Every cooperative's shops on a platform (not spreadsheets) whose authorisation is active. */
    @Transactional(readOnly = true)
    public List<Shop> authorisedOnPlatforms() {
        return shops.findAll().stream()
                .filter(s -> s.platform() != Platform.SPREADSHEET && s.authorisation() == Shop.Authorisation.ACTIVE)
                .toList();
    }

    /** The shop a platform knows by this shop id, whichever cooperative keeps it. */
    @Transactional(readOnly = true)
    public Optional<Shop> onPlatform(Platform platform, String platformShopId) {
        return shops.findByPlatformAndPlatformShopId(platform, platformShopId);
    }

    /** A seller's own shops in the cooperative. */
    @Transactional(readOnly = true)
    public List<Shop> ofSeller(Long cooperativeId, Long sellerUserId) {
        return shops.findByCooperativeIdAndSellerUserId(cooperativeId, sellerUserId);
    }

    /** The shop's mappings of these SKUs, by SKU; SKUs without one are left out. */
    @Transactional(readOnly = true)
    public Map<String, SkuMapping> mappingsOf(Long shopId, Collection<String> skus) {
        List<String> distinct = skus.stream().distinct().toList();
        if (distinct.size() == 1) {
            // most orders carry one SKU: an equality query keeps the SQL Hibernate translated once, where an
            // IN list is translated anew on every call (it was 14% of the intake's CPU, order by order)
            return mappings.findByShopIdAndPlatformSku(shopId, distinct.get(0))
                    .map(m -> Map.of(m.platformSku(), m)).orElse(Map.of());
        }
        return mappings.findByShopIdAndPlatformSkuIn(shopId, distinct).stream()
                .collect(Collectors.toMap(SkuMapping::platformSku, Function.identity()));
    }

    /**
     * Tokens a seller granted Jiyun on a platform; what each platform needs is checked on registration. {@code app}
     * is the shop's own app where its owner gave one (WeChat's self-built app), else {@code null}.
     */
    public record Grant(String accessToken, String refreshToken, Instant accessTokenExpiresAt, AppCredentials app) {
        public static final Grant NONE = new Grant(null, null, null);

        public Grant(String accessToken, String refreshToken, Instant accessTokenExpiresAt) {
            this(accessToken, refreshToken, accessTokenExpiresAt, null);
        }

        @Override
        public String toString() {
            return "Grant[tokens hidden" + (app == null ? "" : ", app " + app.appId()) + "]";
        }

        boolean hasAccessToken() {
            return accessToken != null && !accessToken.isBlank();
        }

        boolean hasRefreshToken() {
            return refreshToken != null && !refreshToken.isBlank();
        }
    }

    /**
     * Registers a shop with the tokens its seller granted. Once committed, the shop's orders of the
     * backfill window are fetched and it is kept in sync.
     *
     * <p>A platform's shop belongs to one cooperative (its orders go to one set of hubs). Registering it again in the
     * cooperative that holds it is a 409 naming that cooperative's own shop, so the admin finds it and renews its
     * tokens there. Registering a shop that another cooperative holds is refused the way a platform's OAuth flow
     * refuses a grant it cannot bind to the asking account: the same 409 whoever holds it, saying only that the shop
     * cannot be registered for this cooperative and that its seller's authorisation decides; never which
     * cooperative, name, seller or date (issue 14: the old "already registered" told one cooperative about
     * another's shop). That the shop cannot be taken here is all it says; hiding even that would take checking the
     * grant with the platform at registration, which the connectors do only when they first sync. Who asked is
     * logged, so an operator can settle a contested shop once its seller confirms.
     */
    public Shop register(Long cooperativeId, Platform platform, String platformShopId, String name,
                         Long sellerUserId, Grant grant) {
        shops.findByPlatformAndPlatformShopId(platform, platformShopId).ifPresent(existing -> {
            if (existing.cooperativeId().equals(cooperativeId)) {
                throw new ConflictException(platform + " shop " + platformShopId + " is already registered here as '"
                        + existing.name() + "' (shop " + existing.id() + "); renew its tokens through its "
                        + "authorisation instead of registering it again");
            }
            log.info("Cooperative {} asked to register {} shop {}, which cooperative {} holds", cooperativeId,
                    platform, platformShopId, existing.cooperativeId());
            throw new ConflictException(platform + " shop " + platformShopId + " cannot be registered for this "
                    + "cooperative. If it is your seller's shop, ask them to authorise Jiyun for your cooperative "
                    + "on the platform and contact Jiyun's support; the seller's authorisation decides where a shop "
                    + "belongs.");
        });
        requireSeller(cooperativeId, sellerUserId);
        requireGrantFor(platform, grant);
        Shop shop = new Shop(cooperativeId, platform, platformShopId, name, sellerUserId);
        authorise(shop, grant);
        shop = shops.save(shop);
        audit.record(cooperativeId, AuditKind.SHOP_AUTHORISED, platform + " shop " + platformShopId, name);
        events.publishEvent(new ShopSyncRequested(platform, platformShopId));
        return shop;
    }

    /** New tokens after the platform refused the old ones: the shop is active again and catches up. */
    public Shop reauthorise(Long cooperativeId, Long shopId, Grant grant) {
        Shop shop = get(cooperativeId, shopId);
        requireGrantFor(shop.platform(), grant);
        authorise(shop, grant);
        audit.record(cooperativeId, AuditKind.SHOP_REAUTHORISED, shop.platform() + " shop " + shop.platformShopId(),
                shop.name());
        events.publishEvent(new ShopSyncRequested(shop.platform(), shop.platformShopId()));
        return shop;
    }

    /** Asks for the shop's orders now rather than at the next poll. */
    public void synchroniseNow(Long cooperativeId, Long shopId) {
        Shop shop = get(cooperativeId, shopId);
        if (shop.authorisation() != Shop.Authorisation.ACTIVE) {
            throw new ConflictException("shop " + shop.platformShopId() + " needs re-authorisation first: "
                    + shop.authorisationProblem());
        }
        events.publishEvent(new ShopSyncRequested(shop.platform(), shop.platformShopId()));
    }

    private static void requireGrantFor(Platform platform, Grant grant) {
        switch (platform) {
            case DOUYIN, KUAISHOU -> {
                if (!grant.hasAccessToken()) {
                    throw new InvalidFieldException("accessToken", platform + " shops need the access token the seller granted");
                }
                if (!grant.hasRefreshToken()) {
                    throw new InvalidFieldException("refreshToken", platform + " shops need the refresh token the seller granted");
                }
            }
            case WECHAT, SPREADSHEET -> {
                // WeChat calls use the app's own token; spreadsheets need none
            }
        }
    }

    /** Stores the grant encrypted; a grant without an app leaves the shop's own app as it was. */
    private void authorise(Shop shop, Grant grant) {
        shop.authorise(cipher.encrypt(blankToNull(grant.accessToken())), cipher.encrypt(blankToNull(grant.refreshToken())),
                grant.accessTokenExpiresAt(), null);
        if (grant.app() != null) {
            shop.useOwnApp(cipher.encrypt(grant.app().appId()), cipher.encrypt(grant.app().appSecret()));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The seller sells through the cooperative's shop from now on. */
    public Shop assignSeller(Long cooperativeId, Long shopId, Long sellerUserId) {
        Shop shop = get(cooperativeId, shopId);
        requireSeller(cooperativeId, sellerUserId);
        shop.assignSeller(sellerUserId);
        return shop;
    }

    public Shop update(Long cooperativeId, Long shopId, String name, Long sellerUserId) {
        Shop shop = get(cooperativeId, shopId);
        requireSeller(cooperativeId, sellerUserId);
        shop.rename(name);
        shop.assignSeller(sellerUserId);
        return shop;
    }

    @Transactional(readOnly = true)
    public Page<SkuMapping> mappings(Long cooperativeId, Long shopId, Pageable pageable) {
        get(cooperativeId, shopId);
        return mappings.findByShopId(shopId, pageable);
    }

    public SkuMapping map(Long cooperativeId, Long shopId, MappingDetails details) {
        get(cooperativeId, shopId);
        requireProducer(cooperativeId, details.producerId());
        mappings.findByShopIdAndPlatformSku(shopId, details.platformSku()).ifPresent(existing -> {
            throw new ConflictException("SKU " + details.platformSku() + " of shop " + shopId
                    + " is already mapped (mapping " + existing.id() + ")");
        });
        SkuMapping mapping = mappings.save(new SkuMapping(cooperativeId, shopId, details.platformSku(),
                details.producerId(), details.productName(), details.unitWeightGrams(), details.unitVolumeMl(),
                details.chilled()));
        events.publishEvent(new SkuMapped(shopId, details.platformSku(), "sku-mapping"));
        return mapping;
    }

    public SkuMapping remap(Long cooperativeId, Long shopId, Long mappingId, MappingDetails details) {
        get(cooperativeId, shopId);
        requireProducer(cooperativeId, details.producerId());
        SkuMapping mapping = mappings.findByIdAndShopId(mappingId, shopId)
                .orElseThrow(() -> new NotFoundException("SKU mapping", mappingId));
        if (!mapping.platformSku().equals(details.platformSku())) {
            throw new InvalidFieldException("platformSku", "a mapping's SKU cannot change; map the new SKU instead");
        }
        mapping.update(details.producerId(), details.productName(), details.unitWeightGrams(),
                details.unitVolumeMl(), details.chilled());
        return mapping;
    }

    private void requireProducer(Long cooperativeId, Long producerId) {
        if (producers.find(cooperativeId, producerId).isEmpty()) {
            throw new InvalidFieldException("producerId", "no producer " + producerId + " in this cooperative");
        }
    }

    private void requireSeller(Long cooperativeId, Long sellerUserId) {
        users.requireRole(sellerUserId, cooperativeId, Role.SELLER, "sellerUserId");
    }
}
