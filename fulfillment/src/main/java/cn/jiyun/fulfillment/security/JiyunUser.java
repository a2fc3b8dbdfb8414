package cn.jiyun.fulfillment.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** The logged-in user as every request sees it: who, in which cooperative, in which role. */
public record JiyunUser(Long userId, Long cooperativeId, String username, String passwordHash, Role role,
                        boolean enabled, boolean mustChangePassword) implements UserDetails {

    public JiyunUser(Long userId, Long cooperativeId, String username, String passwordHash, Role role,
                     boolean enabled) {
        this(userId, cooperativeId, username, passwordHash, role, enabled, false);
    }

    /** As the login sees it: disabled too while the user's cooperative is suspended. */
    public static JiyunUser of(AppUser user, boolean cooperativeActive) {
        return new JiyunUser(user.id(), user.cooperativeId(), user.username(), user.passwordHash(), user.role(),
                user.enabled() && cooperativeActive, user.mustChangePassword());
    }

    public boolean is(Role other) {
        return role == other;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "JiyunUser[" + username + ", " + role + ", cooperative " + cooperativeId + "]";
    }
}
