package cn.jiyun.fulfillment.shops.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What can change about a registered shop. */
public record ShopUpdate(@NotBlank @Size(max = 200) String name, Long sellerUserId) {
}
