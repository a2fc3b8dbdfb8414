package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.EWaybillIssuer;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformConnector;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.douyin.DouyinCarrierCodes;
import cn.jiyun.integrations.douyin.DouyinAutoConfiguration;
import cn.jiyun.integrations.douyin.DouyinClient;
import cn.jiyun.integrations.douyin.DouyinConnector;
import cn.jiyun.integrations.douyin.DouyinEWaybills;
import cn.jiyun.integrations.douyin.DouyinOrderMapper;
import cn.jiyun.integrations.douyin.DouyinProperties;
import cn.jiyun.integrations.douyin.DouyinSigner;
import cn.jiyun.integrations.kuaishou.KuaishouAutoConfiguration;
import cn.jiyun.integrations.kuaishou.KuaishouClient;
import cn.jiyun.integrations.kuaishou.KuaishouConnector;
import cn.jiyun.integrations.kuaishou.KuaishouEWaybills;
import cn.jiyun.integrations.kuaishou.KuaishouOrderMapper;
import cn.jiyun.integrations.kuaishou.KuaishouProperties;
import cn.jiyun.integrations.kuaishou.KuaishouSigner;
import cn.jiyun.integrations.sync.ConnectorSettings;
import cn.jiyun.integrations.sync.WindowedSync;
import cn.jiyun.integrations.testing.InMemoryIntake;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import cn.jiyun.integrations.wechat.WechatApiClient;
import cn.jiyun.integrations.wechat.WechatAutoConfiguration;
import cn.jiyun.integrations.wechat.WechatCarrierCodes;
import cn.jiyun.integrations.wechat.WechatConnector;
import cn.jiyun.integrations.wechat.WechatEWaybills;
import cn.jiyun.integrations.wechat.WechatOrderMapper;
import cn.jiyun.integrations.wechat.WechatProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A started sandbox with a small catalogue and the three real connectors pointed at it, configured
 * from {@link SandboxProperties#connectorProperties} exactly as fulfillment will configure them.
 */
final class SandboxTestbed implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");
    static final String DOUYIN_SHOP = "12345678";
    static final String DOUYIN_SHOP_2 = "12345679";
    static final String KUAISHOU_SHOP = "2161524184";
    static final String WECHAT_SHOP = "wx-shop-helan";

    static final SandboxCatalogue CATALOGUE = new SandboxCatalogue(List.of(
            new SandboxCatalogue.Shop(Platform.DOUYIN, DOUYIN_SHOP, "douyin-access-1", "douyin-refresh-1", List.of(
                    new SandboxCatalogue.Sku("1768000000000001", "宁夏中宁枸杞 500g 特级", 6800),
                    new SandboxCatalogue.Sku("1768000000000002", "盐池滩羊肉 羊排 2kg", 25800))),
            new SandboxCatalogue.Shop(Platform.DOUYIN, DOUYIN_SHOP_2, "douyin-access-2", "douyin-refresh-2", List.of(
                    new SandboxCatalogue.Sku("1768000000000003", "贺兰山东麓赤霞珠干红 750ml", 16800))),
            new SandboxCatalogue.Shop(Platform.KUAISHOU, KUAISHOU_SHOP, "ChFvYXV0aC5kZW1vLWFjY2Vzcw", "kuaishou-refresh-1",
                    List.of(new SandboxCatalogue.Sku("34567890123", "宁夏大米 5kg 当季新米", 5990),
                            new SandboxCatalogue.Sku("34567890124", "六盘山土蜂蜜 500g", 4900))),
            new SandboxCatalogue.Shop(Platform.WECHAT, WECHAT_SHOP, "", "", List.of(
                    new SandboxCatalogue.Sku("2000001234567", "固原马铃薯 10斤装", 2990),
                    new SandboxCatalogue.Sku("2000001234568", "灵武长枣 3斤 礼盒", 8800)))));

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryIntake intake = new InMemoryIntake();
    final InMemoryShopAccounts shops = new InMemoryShopAccounts();
    final PlatformSandbox sandbox;
    final DouyinConnector douyin;
    final KuaishouConnector kuaishou;
    final WechatConnector wechat;
    final DouyinEWaybills douyinEWaybills;
    final KuaishouEWaybills kuaishouEWaybills;
    final WechatEWaybills wechatEWaybills;
    final WechatApiClient wechatClient;

    SandboxTestbed(long seed, int backlogPerShop, Map<String, String> overrides) {
        sandbox = new PlatformSandbox(SandboxProperties.forTests(seed, backlogPerShop), clock);
        sandbox.start(CATALOGUE);
        for (SandboxCatalogue.Shop shop : CATALOGUE.shops()) {
            shops.add(new ShopAccount(shop.platform(), shop.shopId(), shop.accessToken(), shop.refreshToken(), null, null));
        }
        Map<String, String> settings = new LinkedHashMap<>(sandbox.connectorProperties());
        for (String platform : List.of("douyin", "kuaishou", "wechat")) {
            // quick give-ups, and pages smaller than a shop's backlog so paging is exercised
            settings.put("jiyun.platforms." + platform + ".retry.max-attempts", "2");
            settings.put("jiyun.platforms." + platform + ".retry.initial-backoff", "10ms");
            settings.put("jiyun.platforms." + platform + ".retry.max-backoff", "20ms");
            settings.put("jiyun.platforms." + platform + ".page-size", "7");
        }
        settings.putAll(overrides);
        MapConfigurationPropertySource source = new MapConfigurationPropertySource(settings);
        Binder binder = new Binder(source);
        DouyinProperties douyinProperties = binder.bind("jiyun.platforms.douyin", DouyinProperties.class).get();
        KuaishouProperties kuaishouProperties = binder.bind("jiyun.platforms.kuaishou", KuaishouProperties.class).get();
        WechatProperties wechatProperties = binder.bind("jiyun.platforms.wechat", WechatProperties.class).get();

        ConnectorSettings douyinSettings = ConnectorSettings.bind(Platform.DOUYIN, List.of(source),
                DouyinAutoConfiguration.DEFAULTS);
        DouyinClient douyinClient = new DouyinClient(douyinSettings, new DouyinSigner(douyinProperties.appKey(),
                douyinProperties.appSecret(), douyinProperties.signMethod()), shops, clock);
        douyin = new DouyinConnector(douyinSettings.pageSize(), douyinClient, new DouyinOrderMapper(),
                new DouyinCarrierCodes(douyinProperties.carrierCodes()),
                new WindowedSync(Platform.DOUYIN, douyinSettings, null, shops, intake, clock));
        douyinEWaybills = new DouyinEWaybills(douyinClient, new DouyinCarrierCodes(douyinProperties.carrierCodes()));

        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        ConnectorSettings kuaishouSettings = ConnectorSettings.bind(Platform.KUAISHOU, List.of(source),
                KuaishouAutoConfiguration.DEFAULTS);
        KuaishouClient kuaishouClient = new KuaishouClient(kuaishouSettings, kuaishouProperties,
                new KuaishouSigner(kuaishouProperties.signSecret()), shops, json, clock);
        kuaishou = new KuaishouConnector(kuaishouSettings, kuaishouClient, new KuaishouOrderMapper(json), json,
                new WindowedSync(Platform.KUAISHOU, kuaishouSettings, null, shops, intake, clock));
        kuaishouEWaybills = new KuaishouEWaybills(kuaishouClient, json);

        ConnectorSettings wechatSettings = ConnectorSettings.bind(Platform.WECHAT, List.of(source),
                WechatAutoConfiguration.DEFAULTS);
        wechatClient = new WechatApiClient(wechatSettings, wechatProperties, shops, clock);
        wechat = new WechatConnector(wechatClient, new WechatOrderMapper(json),
                new WechatCarrierCodes(wechatProperties.carrierCodes()), wechatSettings, wechatProperties.detailCalls(),
                new WindowedSync(Platform.WECHAT, wechatSettings, null, shops, intake, clock));
        wechatEWaybills = new WechatEWaybills(wechatClient, new WechatCarrierCodes(wechatProperties.carrierCodes()));
    }

    SandboxTestbed(long seed, int backlogPerShop) {
        this(seed, backlogPerShop, Map.of());
    }

    PlatformConnector connector(Platform platform) {
        return byPlatform(platform, douyin, kuaishou, wechat);
    }

    /** The platform's real e-waybill issuer, pointed at the sandbox. */
    EWaybillIssuer eWaybills(Platform platform) {
        return byPlatform(platform, douyinEWaybills, kuaishouEWaybills, wechatEWaybills);
    }

    private static <T> T byPlatform(Platform platform, T douyin, T kuaishou, T wechat) {
        return switch (platform) {
            case DOUYIN -> douyin;
            case KUAISHOU -> kuaishou;
            case WECHAT -> wechat;
            default -> throw new IllegalArgumentException(platform.toString());
        };
    }

    /** Synchronises every shop of the catalogue once, as the connectors' timers would. */
    void synchroniseAll() {
        for (SandboxCatalogue.Shop shop : CATALOGUE.shops()) {
            connector(shop.platform()).synchronise(shops.shop(shop.platform(), shop.shopId()));
        }
    }

    ShopAccount shop(Platform platform, String shopId) {
        return shops.shop(platform, shopId);
    }

    @Override
    public void close() {
        sandbox.stop();
    }
}
