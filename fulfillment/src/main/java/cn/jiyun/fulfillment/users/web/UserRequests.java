package cn.jiyun.fulfillment.users.web;

import cn.jiyun.fulfillment.security.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The bodies of the users API. */
final class UserRequests {

    private UserRequests() {
    }

    /** A user to add: a seller may come with their shops, a courier with the vehicles they drive. */
    record NewUser(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,99}",
                    message = "must be 3 to 100 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")
            String username,
            @NotBlank @Size(max = 200) String displayName,
            @NotNull Role role,
            @Size(max = 100) List<@NotNull Long> shopIds,
            @Size(max = 100) List<@NotNull Long> vehicleIds) {

        List<Long> shops() {
            return shopIds == null ? List.of() : shopIds;
        }

        List<Long> vehicles() {
            return vehicleIds == null ? List.of() : vehicleIds;
        }
    }

    record UserChange(@NotBlank @Size(max = 200) String displayName, @NotNull Boolean enabled) {
    }

    record PasswordChange(@NotNull String currentPassword, @NotNull String newPassword) {
    }
}
