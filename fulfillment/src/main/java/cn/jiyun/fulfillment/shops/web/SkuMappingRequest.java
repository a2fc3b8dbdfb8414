package cn.jiyun.fulfillment.shops.web;

import cn.jiyun.fulfillment.shops.ShopService.MappingDetails;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Which producer makes a SKU, and what one unit weighs (grams) and takes up (millilitres) packed. */
public record SkuMappingRequest(
        @NotBlank @Size(max = 100) String platformSku,
        @NotNull Long producerId,
        @NotBlank @Size(max = 200) String productName,
        // a parcel a courier can lift: 1 g to 50 kg
        @NotNull @Min(1) @Max(50_000) Integer unitWeightGrams,
        @NotNull @Min(1) @Max(200_000) Integer unitVolumeMl,
        boolean chilled) {

    MappingDetails details() {
        return new MappingDetails(platformSku.strip(), producerId, productName.strip(), unitWeightGrams,
                unitVolumeMl, chilled);
    }
}
