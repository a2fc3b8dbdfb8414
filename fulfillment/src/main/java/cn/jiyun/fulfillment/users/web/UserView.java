package cn.jiyun.fulfillment.users.web;

import cn.jiyun.fulfillment.security.AppUser;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A user as the API shows it; {@code oneTimePassword} only in the answer that issued it, once. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserView(Long id, String username, String displayName, String role, boolean enabled,
                       boolean mustChangePassword, String oneTimePassword) {

    static UserView of(AppUser user) {
        return of(user, null);
    }

    static UserView of(AppUser user, String oneTimePassword) {
        return new UserView(user.id(), user.username(), user.displayName(), user.role().name(), user.enabled(),
                user.mustChangePassword(), oneTimePassword);
    }
}
