package cn.jiyun.fulfillment.shops.web;

import cn.jiyun.integrations.Platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The shop forms of the admin pages, each the API request it becomes. Tokens go in and are never
 * put back on a page, not even after a refused form.
 */
public final class ShopForms {

    private ShopForms() {
    }

    /** Registers a shop: becomes a {@link ShopRequest}. */
    public static class Registration {
        private Platform platform;
        private String shopId;
        private String name;
        private String accessToken;
        private String refreshToken;
        private Long sellerUserId;

        ShopRequest request() {
            return new ShopRequest(platform, shopId, name, accessToken, refreshToken, null, sellerUserId);
        }

        /** Forgets the tokens before the form is shown again. */
        void forgetTokens() {
            accessToken = null;
            refreshToken = null;
        }

        public Platform getPlatform() {
            return platform;
        }

        public void setPlatform(Platform platform) {
            this.platform = platform;
        }

        public String getShopId() {
            return shopId;
        }

        public void setShopId(String shopId) {
            this.shopId = shopId;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getAccessToken() {
            return accessToken;
        }

        public void setAccessToken(String accessToken) {
            this.accessToken = accessToken;
        }

        public String getRefreshToken() {
            return refreshToken;
        }

        public void setRefreshToken(String refreshToken) {
            this.refreshToken = refreshToken;
        }

        public Long getSellerUserId() {
            return sellerUserId;
        }

        public void setSellerUserId(Long sellerUserId) {
            this.sellerUserId = sellerUserId;
        }

        @Override
        public String toString() {
            return "ShopForms.Registration[" + platform + "/" + shopId + ", tokens hidden]";
        }
    }

    /** New tokens after a revocation: becomes an {@link AuthorisationRequest}. */
    public static class Authorisation {
        private String accessToken;
        private String refreshToken;

        AuthorisationRequest request() {
            return new AuthorisationRequest(accessToken, refreshToken, null);
        }

        void forgetTokens() {
            accessToken = null;
            refreshToken = null;
        }

        public String getAccessToken() {
            return accessToken;
        }

        public void setAccessToken(String accessToken) {
            this.accessToken = accessToken;
        }

        public String getRefreshToken() {
            return refreshToken;
        }

        public void setRefreshToken(String refreshToken) {
            this.refreshToken = refreshToken;
        }

        @Override
        public String toString() {
            return "ShopForms.Authorisation[tokens hidden]";
        }
    }

    /** A SKU mapping, weight in kg and volume in litres as people say them: becomes a {@link SkuMappingRequest}. */
    public static class Mapping {

        /** Where the request's gram and millilitre fields show their errors on this form. */
        static final Map<String, String> FORM_FIELDS = Map.of(
                "unitWeightGrams", "unitWeightKg",
                "unitVolumeMl", "unitVolumeLitres");

        private String platformSku;
        private Long producerId;
        private String productName;
        private BigDecimal unitWeightKg;
        private BigDecimal unitVolumeLitres;
        private boolean chilled;

        SkuMappingRequest request() {
            return new SkuMappingRequest(platformSku, producerId, productName, thousandths(unitWeightKg),
                    thousandths(unitVolumeLitres), chilled);
        }

        /** kg to g, litres to ml; an absurd amount stays absurd, for the request's limits to refuse. */
        private static Integer thousandths(BigDecimal amount) {
            if (amount == null) {
                return null;
            }
            BigDecimal scaled = amount.movePointRight(3).setScale(0, RoundingMode.HALF_UP);
            return scaled.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                    ? scaled.signum() * Integer.MAX_VALUE : scaled.intValue();
        }

        public String getPlatformSku() {
            return platformSku;
        }

        public void setPlatformSku(String platformSku) {
            this.platformSku = platformSku;
        }

        public Long getProducerId() {
            return producerId;
        }

        public void setProducerId(Long producerId) {
            this.producerId = producerId;
        }

        public String getProductName() {
            return productName;
        }

        public void setProductName(String productName) {
            this.productName = productName;
        }

        public BigDecimal getUnitWeightKg() {
            return unitWeightKg;
        }

        public void setUnitWeightKg(BigDecimal unitWeightKg) {
            this.unitWeightKg = unitWeightKg;
        }

        public BigDecimal getUnitVolumeLitres() {
            return unitVolumeLitres;
        }

        public void setUnitVolumeLitres(BigDecimal unitVolumeLitres) {
            this.unitVolumeLitres = unitVolumeLitres;
        }

        public boolean isChilled() {
            return chilled;
        }

        public void setChilled(boolean chilled) {
            this.chilled = chilled;
        }
    }
}
