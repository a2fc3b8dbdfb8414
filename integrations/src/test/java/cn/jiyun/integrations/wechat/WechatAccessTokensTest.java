package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.AppCredentials;
import cn.jiyun.integrations.AuthorisationRevokedException;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import cn.jiyun.integrations.wechat.WechatApiMessages.StableTokenResponse;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static cn.jiyun.integrations.wechat.WechatFixtures.NOW;
import static cn.jiyun.integrations.wechat.WechatFixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When the app token is fetched, reused, rotated and stored on the shop. */
class WechatAccessTokensTest {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final InMemoryShopAccounts shops = new InMemoryShopAccounts();
    private final Deque<String> issued = new ArrayDeque<>();
    private final List<Boolean> fetches = new ArrayList<>();
    private final List<String> appsAsked = new ArrayList<>();
    private final WechatAccessTokens tokens = new WechatAccessTokens((app, force) -> {
        fetches.add(force);
        appsAsked.add(app.appId());
        if (app.appSecret().equals("reset-by-its-owner")) {
            throw new PlatformException(Platform.WECHAT, "40125", "invalid appsecret", false);
        }
        return new StableTokenResponse(issued.isEmpty() ? "LAST" : issued.pop(), 7200L);
    }, shops, clock, Duration.ofMinutes(5), Optional.of(new AppCredentials("wx-connector", "connector-secret")));

    private ShopAccount shopWithoutTokens() {
        ShopAccount shop = new ShopAccount(Platform.WECHAT, SHOP_ID, "", "", null, null);
        shops.add(shop);
        return shop;
    }

    @Test
    void keepsTheAppTokenUntilShortlyBeforeItExpires() {
        issued.addAll(List.of("FIRST", "SECOND"));
        ShopAccount shop = shopWithoutTokens();

        assertThat(tokens.tokenFor(shop)).isEqualTo("FIRST");
        clock.now = NOW.plus(Duration.ofMinutes(114));
        assertThat(tokens.tokenFor(shop)).isEqualTo("FIRST");
        clock.now = NOW.plus(Duration.ofMinutes(116));
        assertThat(tokens.tokenFor(shop)).isEqualTo("SECOND");

        assertThat(fetches).containsExactly(false, false);
        assertThat(shops.shop(Platform.WECHAT, SHOP_ID).accessToken()).isEqualTo("SECOND");
        assertThat(shops.shop(Platform.WECHAT, SHOP_ID).accessTokenExpiresAt())
                .isEqualTo(NOW.plus(Duration.ofMinutes(116)).plusSeconds(7200));
    }

    @Test
    void usesAShopsOwnFreshTokenWithoutAskingWechat() {
        ShopAccount shop = new ShopAccount(Platform.WECHAT, SHOP_ID, "SHOP-OWN", "", NOW.plusSeconds(3600), null);
        shops.add(shop);

        assertThat(tokens.tokenFor(shop)).isEqualTo("SHOP-OWN");
        assertThat(fetches).isEmpty();
    }

    @Test
    void renewsARefusedTokenWithoutForcingWhenWechatHasANewerOne() {
        issued.addAll(List.of("FIRST", "SECOND"));
        ShopAccount shop = shopWithoutTokens();
        String refused = tokens.tokenFor(shop);

        assertThat(tokens.renew(shop, refused)).isEqualTo("SECOND");
        assertThat(tokens.tokenFor(shop)).isEqualTo("SECOND");
        assertThat(fetches).containsExactly(false, false);
    }

    @Test
    void forcesARefreshOnlyWhenWechatHandsBackTheRefusedToken() {
        issued.addAll(List.of("FIRST", "FIRST", "FORCED"));
        ShopAccount shop = shopWithoutTokens();
        String refused = tokens.tokenFor(shop);

        assertThat(tokens.renew(shop, refused)).isEqualTo("FORCED");
        assertThat(fetches).containsExactly(false, false, true);
        assertThat(shops.shop(Platform.WECHAT, SHOP_ID).accessToken()).isEqualTo("FORCED");
    }

    @Test
    void aShopWithItsOwnAppGetsItsTokenFromItsAppAndAnotherShopFromTheConnectors() {
        issued.addAll(List.of("OWN-APP", "CONNECTOR-APP"));
        ShopAccount own = new ShopAccount(Platform.WECHAT, "gh_own", "", "", null, null,
                new AppCredentials("wx-own-shop", "own-secret"));
        shops.add(own);
        ShopAccount old = shopWithoutTokens();

        assertThat(tokens.tokenFor(own)).isEqualTo("OWN-APP");
        assertThat(tokens.tokenFor(old)).isEqualTo("CONNECTOR-APP");
        assertThat(tokens.tokenFor(own)).isEqualTo("OWN-APP");
        assertThat(appsAsked).containsExactly("wx-own-shop", "wx-connector");
        assertThat(shops.shop(Platform.WECHAT, "gh_own").accessToken()).isEqualTo("OWN-APP");
    }

    @Test
    void aShopsOwnAppRefusedByWechatMarksTheShopForReauthorisation() {
        ShopAccount shop = new ShopAccount(Platform.WECHAT, "gh_reset", "", "", null, null,
                new AppCredentials("wx-reset-shop", "reset-by-its-owner"));
        shops.add(shop);

        assertThatThrownBy(() -> tokens.tokenFor(shop)).isInstanceOf(AuthorisationRevokedException.class);
        assertThat(shops.revocationReason(Platform.WECHAT, "gh_reset")).get().asString().contains("40125");
    }

    @Test
    void withoutAnAppOfItsOwnOrTheConnectorsAShopNeedsAuthorising() {
        WechatAccessTokens noConnectorApp = new WechatAccessTokens((app, force) -> {
            throw new AssertionError("no app to ask for");
        }, shops, clock, Duration.ofMinutes(5), Optional.of(new AppCredentials("", "")));
        ShopAccount shop = shopWithoutTokens();

        assertThatThrownBy(() -> noConnectorApp.tokenFor(shop)).isInstanceOf(AuthorisationRevokedException.class);
        assertThat(shops.revocationReason(Platform.WECHAT, SHOP_ID)).isPresent();
    }
}
