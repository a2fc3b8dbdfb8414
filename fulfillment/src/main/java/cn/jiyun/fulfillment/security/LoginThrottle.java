package cn.jiyun.fulfillment.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows and then locks repeated failed logins, for one username and for one client address: the first
 * {@value #FREE_FAILURES} failures cost nothing, each further one locks the key for twice as long as the last
 * (2 s, 4 s, 8 s … up to {@link #LONGEST_LOCK}), and a key with no failure for {@link #FORGET_AFTER} starts afresh.
 * An address may fail {@value #ADDRESS_FACTOR} times as often as a username, since a cooperative's office shares one
 * address. The counts live in the store ({@code login_failure}), not in this process, so a second instance of the
 * service throttles the same guesses.
 */
@Component
public class LoginThrottle {

    static final int FREE_FAILURES = 3;
    static final int ADDRESS_FACTOR = 5;
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String userKey(String username) {
        return "user:" + username;
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    /** Until when the key may not try again, if it is locked now. */
    @Transactional(readOnly = true)
    public Optional<Instant> lockedUntil(String key) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT locked_until FROM login_failure WHERE throttle_key = :k").param("k", key)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).filter(now::isBefore);
    }

    /** A failed login of the key; {@code free} failures are allowed before the locks begin. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String key, int free) {
        Instant now = clock.instant();
        var row = jdbc.sql("SELECT failures, last_failed_at FROM login_failure WHERE throttle_key = :k FOR UPDATE")
                .param("k", key).query((rs, n) -> new Object[] {rs.getInt(1), rs.getTimestamp(2).toInstant()})
                .optional();
        int failures = row.map(r -> ((Instant) r[1]).plus(FORGET_AFTER).isBefore(now) ? 0 : (int) r[0]).orElse(0) + 1;
        Instant lockedUntil = failures <= free ? null
                : now.plus(min(LONGEST_LOCK, Duration.ofSeconds(1L << Math.min(20, failures - free))));
        if (row.isPresent()) {
            jdbc.sql("UPDATE login_failure SET failures = :f, last_failed_at = :t, locked_until = :l "
                            + "WHERE throttle_key = :k")
                    .param("f", failures).param("t", Timestamp.from(now))
                    .param("l", lockedUntil == null ? null : Timestamp.from(lockedUntil)).param("k", key).update();
        } else {
            jdbc.sql("INSERT INTO login_failure (throttle_key, failures, last_failed_at, locked_until) "
                            + "VALUES (:k, :f, :t, :l)")
                    .param("k", key).param("f", failures).param("t", Timestamp.from(now))
                    .param("l", lockedUntil == null ? null : Timestamp.from(lockedUntil)).update();
        }
    }

    /** A successful login, or an admin's reset: the key starts afresh. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void cleared(String key) {
        jdbc.sql("DELETE FROM login_failure WHERE throttle_key = :k").param("k", key).update();
    }

    /** Until when the username is locked, for the admin's list of users. */
    public Optional<Instant> userLockedUntil(String username) {
        return lockedUntil(userKey(username));
    }

    public void clearUser(String username) {
        cleared(userKey(username));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
