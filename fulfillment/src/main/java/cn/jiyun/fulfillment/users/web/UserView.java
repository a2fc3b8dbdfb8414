package cn.jiyun.fulfillment.users.web;

import cn.jiyun.fulfillment.security.AppUser;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A user as the API shows it; {@code oneTimePassword} only in the answer that issued it, once; {@code lockedUntil}
 * while failed logins lock them out (a password reset lifts it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserView(Long id, String username, String displayName, String role, boolean enabled,
                       boolean mustChangePassword, Instant lockedUntil, String oneTimePassword) {

    static UserView of(AppUser user, Instant lockedUntil) {
        return of(user, lockedUntil, null);
    }

    static UserView of(AppUser user, Instant lockedUntil, String oneTimePassword) {
        return new UserView(user.id(), user.username(), user.displayName(), user.role().name(), user.enabled(),
                user.mustChangePassword(), lockedUntil, oneTimePassword);
    }
}
