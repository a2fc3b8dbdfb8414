package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.Platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the store's shops sell on which platform: the shops with the tokens the sandbox will accept for
 * them, and each shop's SKUs. Fulfillment builds it from its store; a fresh store has none yet, and the
 * sandbox then waits for sellers to open shops on its authorise pages and shop console.
 *
 * @param shops every shop the sandbox serves; none on a store without shops
 */
public record SandboxCatalogue(List<Shop> shops) {

    /**
     * What a shop opened on a platform the sandbox has no shop of yet sells: a few goods of Ningxia's
     * cooperatives, ambient, so that a new cooperative's first shop has SKUs to map.
     */
    public static final List<Sku> FIRST_SHOP_SKUS = List.of(
            new Sku("3580000101", "中宁头茬枸杞 500g 礼盒", 6_800),
            new Sku("3580000102", "枸杞原浆 30ml×10袋", 9_900),
            new Sku("3580000103", "雕花牛皮钱包", 12_800));

    /** A sandbox with no shop yet. */
    public static SandboxCatalogue empty() {
        return new SandboxCatalogue(List.of());
    }

    public SandboxCatalogue {
        shops = List.copyOf(shops);
        List<String> seen = new ArrayList<>();
        for (Shop shop : shops) {
            String key = shop.platform() + "/" + shop.shopId();
            if (seen.contains(key)) {
                throw new IllegalArgumentException("shop " + key + " is in the catalogue twice");
            }
            seen.add(key);
        }
    }

    /** The shops of one platform, in catalogue order. */
    public List<Shop> shops(Platform platform) {
        return shops.stream().filter(shop -> shop.platform() == platform).toList();
    }

    public Optional<Shop> shop(Platform platform, String shopId) {
        return shops.stream().filter(s -> s.platform() == platform && s.shopId().equals(shopId)).findFirst();
    }

    /**
     * One shop on one platform. Tokens are secrets: {@link #toString()} never shows them.
     *
     * @param platform     Douyin, Kuaishou or WeChat
     * @param shopId       the platform's shop id (Douyin and Kuaishou: digits; WeChat: the shop's id as Jiyun keeps it)
     * @param accessToken  the access token the sandbox accepts for the shop (WeChat: may be empty, the app token serves)
     * @param refreshToken the refresh token the sandbox accepts (empty for WeChat, which has none)
     * @param skus         what the shop sells, at least one
     */
    public record Shop(Platform platform, String shopId, String accessToken, String refreshToken, List<Sku> skus) {
        public Shop {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(shopId, "shopId");
            if (platform != Platform.DOUYIN && platform != Platform.KUAISHOU && platform != Platform.WECHAT) {
                throw new IllegalArgumentException("the sandbox serves Douyin, Kuaishou and WeChat, not " + platform);
            }
            if (shopId.isBlank()) {
                throw new IllegalArgumentException("shopId is blank");
            }
            if (platform == Platform.KUAISHOU && !shopId.chars().allMatch(Character::isDigit)) {
                // Kuaishou pushes name the seller by its numeric userId, which connectors read as the shop id
                throw new IllegalArgumentException("Kuaishou shop ids are numeric seller ids, not " + shopId);
            }
            accessToken = accessToken == null ? "" : accessToken;
            refreshToken = refreshToken == null ? "" : refreshToken;
            if (platform != Platform.WECHAT && accessToken.isBlank()) {
                throw new IllegalArgumentException(platform + " shop " + shopId + " needs an access token");
            }
            skus = List.copyOf(skus);
            if (skus.isEmpty()) {
                throw new IllegalArgumentException("shop " + shopId + " sells nothing");
            }
        }

        @Override
        public String toString() {
            return "Shop[" + platform + "/" + shopId + ", " + skus.size() + " SKUs]";
        }
    }

    /**
     * One SKU as the platform lists it.
     *
     * @param skuId    the platform's SKU id (what SKU→producer mappings are keyed on)
     * @param title    the product title buyers see
     * @param priceFen the list price of one unit, in fen
     */
    public record Sku(String skuId, String title, long priceFen) {
        public Sku {
            Objects.requireNonNull(skuId, "skuId");
            Objects.requireNonNull(title, "title");
            if (skuId.isBlank()) {
                throw new IllegalArgumentException("skuId is blank");
            }
            if (priceFen <= 0) {
                throw new IllegalArgumentException("SKU " + skuId + " must cost something, was " + priceFen + " fen");
            }
        }
    }
}
