package cn.jiyun.integrations.wechat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** Request and response bodies of the WeChat Channels Shop calls Jiyun makes, spelled as WeChat spells them. */
public final class WechatApiMessages {

    private WechatApiMessages() {
    }

    /** {@code POST /cgi-bin/stable_token}; carries the app secret, so never printed. */
    public record StableTokenRequest(
            @JsonProperty("grant_type") String grantType,
            @JsonProperty("appid") String appId,
            @JsonProperty("secret") String secret,
            @JsonProperty("force_refresh") boolean forceRefresh) {

        static StableTokenRequest clientCredential(String appId, String secret, boolean forceRefresh) {
            return new StableTokenRequest("client_credential", appId, secret, forceRefresh);
        }

        @Override
        public String toString() {
            return "StableTokenRequest[appid=" + appId + ", force_refresh=" + forceRefresh + "]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StableTokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") Long expiresIn) {

        @Override
        public String toString() {
            return "StableTokenResponse[expires_in=" + expiresIn + "]";
        }
    }

    /** {@code GET /channels/ec/basics/info/get}: the shop the token is of. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BasicInfoResponse(@JsonProperty("info") ShopInfo info) {
    }

    /**
     * {@code username} is the shop's original id ({@code gh_…}, the {@code ToUserName} of its pushes), which Jiyun
     * keeps as the shop id; {@code status} is {@code opening}, {@code open_finished}, {@code closing} or
     * {@code close_finished}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ShopInfo(
            @JsonProperty("nickname") String nickname,
            @JsonProperty("username") String username,
            @JsonProperty("subject_type") String subjectType,
            @JsonProperty("status") String status) {
    }

    /** Seconds since the epoch, both ends inclusive, at most 7 days apart. */
    public record TimeRange(@JsonProperty("start_time") long startTime, @JsonProperty("end_time") long endTime) {
    }

    /** {@code POST /channels/ec/order/list/get}, by update time. */
    public record OrderListRequest(
            @JsonProperty("update_time_range") TimeRange updateTimeRange,
            @JsonProperty("page_size") int pageSize,
            @JsonProperty("next_key") String nextKey) {
    }

    /** Ids only; the detail comes from {@code order/get}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderListResponse(
            @JsonProperty("order_id_list") List<String> orderIdList,
            @JsonProperty("next_key") String nextKey,
            @JsonProperty("has_more") boolean hasMore) {

        public List<String> orderIds() {
            return orderIdList == null ? List.of() : orderIdList;
        }
    }

    /** {@code POST /channels/ec/order/get}. */
    public record OrderGetRequest(@JsonProperty("order_id") String orderId) {
    }

    /** {@code POST /channels/ec/order/delivery/send}. */
    public record DeliverySendRequest(
            @JsonProperty("order_id") String orderId,
            @JsonProperty("delivery_list") List<DeliveryPackage> deliveryList) {
    }

    /** One parcel; {@code deliver_type} 1 is a self-sent express parcel. */
    public record DeliveryPackage(
            @JsonProperty("delivery_id") String deliveryId,
            @JsonProperty("waybill_id") String waybillId,
            @JsonProperty("deliver_type") int deliverType,
            @JsonProperty("product_infos") List<PackageProduct> productInfos) {

        static final int SELF_SENT_EXPRESS = 1;
    }

    public record PackageProduct(
            @JsonProperty("product_id") String productId,
            @JsonProperty("sku_id") String skuId,
            @JsonProperty("product_cnt") int productCnt) {
    }
}
