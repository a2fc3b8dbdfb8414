package cn.jiyun.fulfillment.operators.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A cooperative to open, with the username and password of its first admin. */
public record OpenCooperativeRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,99}",
                message = "must be 3 to 100 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")
        String adminUsername,
        @NotNull String adminPassword) {
}
