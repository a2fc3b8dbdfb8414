package cn.jiyun.fulfillment.hubs.web;

import cn.jiyun.fulfillment.geo.Position;
import cn.jiyun.fulfillment.hubs.HubService.HubDetails;
import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalTime;

/** A hub as a cooperative admin enters it; times are local, HH:mm. */
public record HubRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit county code") String countyCode,
        @NotBlank @Size(max = 400) String address,
        @NotNull @Valid Position location,
        @NotNull @JsonFormat(pattern = "HH:mm") LocalTime opensAt,
        @NotNull @JsonFormat(pattern = "HH:mm") LocalTime closesAt,
        @NotNull @JsonFormat(pattern = "HH:mm") LocalTime carrierCutoff) {

    HubDetails details() {
        return new HubDetails(name.strip(), countyCode, address.strip(), location.toPoint(), opensAt, closesAt,
                carrierCutoff);
    }
}
