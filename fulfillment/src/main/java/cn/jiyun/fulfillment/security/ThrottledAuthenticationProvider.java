package cn.jiyun.fulfillment.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Instant;
import java.util.Optional;

/**
 * Username and password logins (the pages' form and the API's Basic credentials alike), refused while the username
 * or the client's address is locked by {@link LoginThrottle}; a wrong password counts against both, a right one
 * clears the username. A locked login is refused before the password is even checked, with the same 401 as a wrong
 * password, so that a guesser learns nothing and a person is told to wait.
 */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder passwords, LoginThrottle throttle) {
        super(passwords);
        setUserDetailsService(users);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = String.valueOf(authentication.getName());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null;
        Optional<Instant> locked = throttle.lockedUntil(LoginThrottle.userKey(username))
                .or(() -> address == null ? Optional.empty() : throttle.lockedUntil(LoginThrottle.addressKey(address)));
        if (locked.isPresent()) {
            throw new LockedException("Too many failed logins: try again after " + locked.get());
        }
        try {
            Authentication done = super.authenticate(authentication);
            bookkeeping(() -> throttle.cleared(LoginThrottle.userKey(username)));
            return done;
        } catch (BadCredentialsException wrong) {
            bookkeeping(() -> throttle.failed(LoginThrottle.userKey(username), LoginThrottle.FREE_FAILURES));
            if (address != null) {
                bookkeeping(() -> throttle.failed(LoginThrottle.addressKey(address),
                        LoginThrottle.FREE_FAILURES * LoginThrottle.ADDRESS_FACTOR));
            }
            throw wrong;
        }
    }

    /** Counting is best effort: a login is never refused, nor let through, because the count could not be kept. */
    private static void bookkeeping(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.warn("Could not count a login attempt: {}", e.getMessage());
        }
    }
}
