package cn.jiyun.fulfillment.orders.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * An order entered by hand (an offline or WeChat-group sale) for one of the cooperative's shops
 * ({@code shopId} is Jiyun's shop id). It is taken as paid.
 */
public record NewOrderRequest(
        @NotNull Long shopId,
        @NotBlank @Size(max = 64) String platformOrderId,
        @Size(max = 50) String buyerProvince,
        @Size(max = 50) String buyerCity,
        @NotNull Instant paidAt,
        Instant shipBy,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid Line> lines) {

    /** A line: the shop's SKU, how many, and what the buyer paid for it in fen. */
    public record Line(@NotBlank @Size(max = 100) String platformSku,
                       @Size(max = 400) String title,
                       @NotNull @Min(1) @Max(1000) Integer quantity,
                       @NotNull @Min(0) @Max(100_000_000) Long amountFen) {
    }
}
