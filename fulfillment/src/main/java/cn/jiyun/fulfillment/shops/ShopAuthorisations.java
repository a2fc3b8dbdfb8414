package cn.jiyun.fulfillment.shops;

import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.integrations.AppCredentials;
import cn.jiyun.integrations.AppCredentialsAuthorisation;
import cn.jiyun.integrations.AuthorisationRefusedException;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShopAuthorisationFlow;
import cn.jiyun.integrations.ShopAuthorisationFlow.AuthorisedShop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Shops authorised the platforms' way: sends the admin to the platform's authorise page with a state
 * bound to them and their session, and on the way back exchanges the code for the shop's tokens and
 * registers or re-authorises the shop the platform names. Where a shop authorises Jiyun as its own app
 * (WeChat's self-built app), the app's credentials are checked with the platform instead, which names the shop.
 */
@Service
public class ShopAuthorisations {

    private static final Logger log = LoggerFactory.getLogger(ShopAuthorisations.class);
    /** Long enough for a seller to log in on the platform, short enough that a leaked link soon dies. */
    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

    /** What came of a callback. */
    public sealed interface Outcome {
        /** The shop is authorised (new) or re-authorised (existing) and a sync is prompted. */
        record Authorised(Shop shop, boolean reauthorised) implements Outcome {
        }

        /** The state was missing, wrong, used, expired or another admin's: nothing changed. */
        record StateRefused() implements Outcome {
        }

        /** The seller declined, or the platform refused the code, or the shop cannot be taken: nothing stored. */
        record Refused(String reason) implements Outcome {
        }
    }

    /** The reason of a refusal because another cooperative holds the shop; the pages say no more than that. */
    public static final String HELD_ELSEWHERE = "held elsewhere";

    private final Map<Platform, ShopAuthorisationFlow> flows;
    private final Map<Platform, AppCredentialsAuthorisation> appFlows;
    private final ShopService shops;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ShopAuthorisations(List<ShopAuthorisationFlow> flows, ObjectProvider<AppCredentialsAuthorisation> appFlows,
                       ShopService shops, JdbcClient jdbc, java.util.Optional<Clock> clock) {
        this.flows = flows.stream().collect(Collectors.toMap(ShopAuthorisationFlow::platform, Function.identity()));
        this.appFlows = appFlows.orderedStream().collect(Collectors.toMap(AppCredentialsAuthorisation::platform,
                Function.identity()));
        this.shops = shops;
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The platforms whose authorisation flow is turned on. */
    public boolean offers(Platform platform) {
        return flows.containsKey(platform) || appFlows.containsKey(platform);
    }

    /** Whether the platform's shops are authorised with their own app's credentials rather than on its page. */
    public boolean takesAppCredentials(Platform platform) {
        return appFlows.containsKey(platform);
    }

    /**
     * Starts an authorisation: stores the state's hash for this admin and session and answers the
     * platform's authorise page. {@code shopId} is the shop to re-authorise, or {@code null} for a new shop.
     */
    @Transactional
    public URI start(JiyunUser user, String sessionId, Platform platform, Long shopId, String redirectUri) {
        ShopAuthorisationFlow flow = flows.get(platform);
        if (flow == null) {
            throw new ConflictException(platform + " is not turned on here");
        }
        requireShopOn(user, platform, shopId);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO shop_authorisation_request (state_hash, session_hash, user_id, cooperative_id, platform, "
                        + "shop_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(hash(state), hash(sessionId), user.userId(), user.cooperativeId(), platform.name(), shopId,
                        at(now), at(now.plus(STATE_LIFETIME)))
                .update();
        return flow.authorisePage(redirectUri, state);
    }

    /**
     * Takes the platform's callback. The state is spent first, atomically, so a second use finds nothing;
     * a state of another admin or session is not touched.
     */
    @Transactional(noRollbackFor = {AuthorisationRefusedException.class, PlatformException.class})
    public Outcome complete(JiyunUser user, String sessionId, Platform platform, String state, String code,
                            String error, String redirectUri) {
        if (state == null || state.isBlank() || !flows.containsKey(platform)) {
            return new Outcome.StateRefused();
        }
        Instant now = clock.instant();
        Optional<Long> pending = jdbc.sql("SELECT id FROM shop_authorisation_request WHERE state_hash = ? "
                        + "AND session_hash = ? AND user_id = ? AND cooperative_id = ? AND platform = ? "
                        + "AND used_at IS NULL AND expires_at > ?")
                .params(hash(state), hash(sessionId), user.userId(), user.cooperativeId(), platform.name(), at(now))
                .query(Long.class).optional();
        if (pending.isEmpty()) {
            return new Outcome.StateRefused();
        }
        int spent = jdbc.sql("UPDATE shop_authorisation_request SET used_at = ? WHERE id = ? AND used_at IS NULL")
                .params(at(now), pending.get()).update();
        if (spent == 0) {
            return new Outcome.StateRefused();
        }
        Long shopId = jdbc.sql("SELECT shop_id FROM shop_authorisation_request WHERE id = ?")
                .param(pending.get()).query(Long.class).optional().orElse(null);
        if (error != null && !error.isBlank()) {
            return new Outcome.Refused("declined: " + error);
        }
        if (code == null || code.isBlank()) {
            return new Outcome.Refused("the platform sent no code");
        }
        AuthorisedShop granted;
        try {
            granted = flows.get(platform).exchange(code, redirectUri);
        } catch (AuthorisationRefusedException refused) {
            log.info("{} refused the authorisation code: {} {}", platform, refused.code(), refused.getMessage());
            return new Outcome.Refused(refused.code() + " " + refused.getMessage());
        } catch (PlatformException unavailable) {
            log.warn("{} could not exchange the authorisation code", platform, unavailable);
            return new Outcome.Refused(unavailable.getMessage());
        }
        return settle(user, platform, shopId, granted, null);
    }

    /**
     * A shop owner's own app credentials (WeChat's self-built app): checked with the platform at once, which names
     * the shop; then the shop is registered or re-authorised as after a callback. {@code shopId} is the shop to
     * re-authorise, or {@code null} for a new shop. Credentials the platform refuses store nothing.
     */
    @Transactional(noRollbackFor = {AuthorisationRefusedException.class, PlatformException.class})
    public Outcome authoriseWithApp(JiyunUser user, Platform platform, Long shopId, AppCredentials app) {
        AppCredentialsAuthorisation flow = appFlows.get(platform);
        if (flow == null) {
            throw new ConflictException(platform + " does not take a shop's app credentials here");
        }
        requireShopOn(user, platform, shopId);
        AuthorisedShop granted;
        try {
            granted = flow.authorise(app);
        } catch (AuthorisationRefusedException refused) {
            log.info("{} refused the app credentials {}: {} {}", platform, app.appId(), refused.code(),
                    refused.getMessage());
            return new Outcome.Refused(refused.code() + " " + refused.getMessage());
        } catch (PlatformException unavailable) {
            log.warn("{} could not check the app credentials {}", platform, app.appId(), unavailable);
            return new Outcome.Refused(unavailable.getMessage());
        }
        return settle(user, platform, shopId, granted, app);
    }

    /** The shop the platform named is re-authorised (the one asked for, or the cooperative's own) or registered. */
    private Outcome settle(JiyunUser user, Platform platform, Long shopId, AuthorisedShop granted, AppCredentials app) {
        ShopService.Grant grant = new ShopService.Grant(granted.grant().accessToken(), granted.grant().refreshToken(),
                granted.grant().accessTokenExpiresAt(), app);
        if (shopId != null) {
            Shop shop = shops.get(user.cooperativeId(), shopId);
            if (!shop.platformShopId().equals(granted.shopId())) {
                return new Outcome.Refused("the seller authorised another shop (" + granted.shopId() + ")");
            }
            return new Outcome.Authorised(shops.reauthorise(user.cooperativeId(), shopId, grant), true);
        }
        Optional<Shop> existing = shops.onPlatform(platform, granted.shopId());
        if (existing.isPresent()) {
            if (!existing.get().cooperativeId().equals(user.cooperativeId())) {
                log.info("Cooperative {} authorised {} shop {}, which another cooperative holds", user.cooperativeId(),
                        platform, granted.shopId());
                return new Outcome.Refused(HELD_ELSEWHERE);
            }
            return new Outcome.Authorised(shops.reauthorise(user.cooperativeId(), existing.get().id(), grant), true);
        }
        return new Outcome.Authorised(shops.register(user.cooperativeId(), platform, granted.shopId(), granted.name(),
                null, grant), false);
    }

    private void requireShopOn(JiyunUser user, Platform platform, Long shopId) {
        if (shopId != null && shops.get(user.cooperativeId(), shopId).platform() != platform) {
            throw new ConflictException("shop " + shopId + " is not a " + platform + " shop");
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((value == null ? "" : value).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
