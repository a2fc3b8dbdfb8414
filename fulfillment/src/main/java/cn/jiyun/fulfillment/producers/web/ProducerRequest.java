package cn.jiyun.fulfillment.producers.web;

import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.geo.Position;
import cn.jiyun.fulfillment.producers.PickupWindow;
import cn.jiyun.fulfillment.producers.ProducerDetails;
import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalTime;
import java.util.List;

/** A producer as a cooperative admin enters it. */
public record ProducerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String contactName,
        @NotBlank @Pattern(regexp = "[0-9+\\- ]{5,30}", message = "must be a phone number") String phone,
        @NotBlank @Size(max = 400) String address,
        @NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit county code") String countyCode,
        @NotNull @Valid Position location,
        boolean shipsChilled,
        @NotEmpty @Size(max = 6) List<@NotNull @Valid Window> pickupWindows) {

    /** A daily pickup window, local time HH:mm. */
    public record Window(@NotNull @JsonFormat(pattern = "HH:mm") LocalTime startsAt,
                         @NotNull @JsonFormat(pattern = "HH:mm") LocalTime endsAt) {
    }

    ProducerDetails details() {
        List<PickupWindow> windows;
        try {
            windows = pickupWindows.stream().map(w -> new PickupWindow(w.startsAt(), w.endsAt())).toList();
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("pickupWindows", e.getMessage());
        }
        return new ProducerDetails(name.strip(), contactName.strip(), phone.strip(), address.strip(), countyCode,
                location.toPoint(), shipsChilled, windows);
    }
}
