package cn.jiyun.fulfillment.users;

import cn.jiyun.fulfillment.audit.AuditKind;
import cn.jiyun.fulfillment.audit.AuditTrail;
import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.errors.NotFoundException;
import cn.jiyun.fulfillment.fleet.Vehicle;
import cn.jiyun.fulfillment.fleet.VehicleService;
import cn.jiyun.fulfillment.security.AppUser;
import cn.jiyun.fulfillment.security.AppUsers;
import cn.jiyun.fulfillment.security.LoginThrottle;
import cn.jiyun.fulfillment.security.PasswordPolicy;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.shops.ShopService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A cooperative admin's work on its users, and everyone's own password. */
@Service
@Transactional
public class UserAdministration {

    /** Letters and digits no one misreads on a phone screen or over the phone (no 0/O, 1/l/I). */
    private static final char[] ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final int ONE_TIME_LENGTH = 16;
    private static final Logger log = LoggerFactory.getLogger(UserAdministration.class);

    /** A user and, when someone else just chose it, the one-time password to hand over (shown once). */
    public record Issued(AppUser user, String oneTimePassword) {
    }

    private final AppUsers users;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final ShopService shops;
    private final VehicleService vehicles;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    UserAdministration(AppUsers users, PasswordPolicy policy, PasswordEncoder passwords, ShopService shops,
                       VehicleService vehicles, LoginThrottle throttle, AuditTrail audit) {
        this.audit = audit;
        this.throttle = throttle;
        this.users = users;
        this.policy = policy;
        this.passwords = passwords;
        this.shops = shops;
        this.vehicles = vehicles;
    }

    @Transactional(readOnly = true)
    public Page<AppUser> list(Long cooperativeId, Pageable pageable) {
        return users.findByCooperativeId(cooperativeId, pageable);
    }

    @Transactional(readOnly = true)
    public AppUser get(Long cooperativeId, Long userId) {
        return users.findByIdAndCooperativeId(userId, cooperativeId)
                .orElseThrow(() -> new NotFoundException("user", userId));
    }

    /**
     * A new user of the cooperative with a one-time password, which they must replace at their first login; a
     * seller is tied to {@code shopIds}, a courier to {@code vehicleIds} (as their driver).
     */
    public Issued add(Long cooperativeId, String username, String displayName, Role role, List<Long> shopIds,
                      List<Long> vehicleIds) {
        if (role == Role.OPERATOR) {
            throw new InvalidFieldException("role", "must be COOP_ADMIN, COURIER or SELLER");
        }
        if (!shopIds.isEmpty() && role != Role.SELLER) {
            throw new InvalidFieldException("shopIds", "only a seller sells through shops");
        }
        if (!vehicleIds.isEmpty() && role != Role.COURIER) {
            throw new InvalidFieldException("vehicleIds", "only a courier drives vehicles");
        }
        if (users.existsByUsername(username)) {
            throw new ConflictException("the username " + username + " is taken; choose another");
        }
        String oneTime = oneTimePassword();
        AppUser user = users.save(AppUser.invited(cooperativeId, username, passwords.encode(oneTime), role,
                displayName));
        users.flush();
        for (Long shopId : shopIds) {
            shops.assignSeller(cooperativeId, shopId, user.id());
        }
        for (Long vehicleId : vehicleIds) {
            vehicles.assignDriver(cooperativeId, vehicleId, user.id());
        }
        audit.record(cooperativeId, AuditKind.USER_ADDED, "user " + username, role + (shopIds.isEmpty() ? ""
                : ", shops " + shopIds) + (vehicleIds.isEmpty() ? "" : ", vehicles " + vehicleIds));
        log.info("Cooperative {}: added {} '{}'", cooperativeId, role, username);
        return new Issued(user, oneTime);
    }

    /**
     * Renames, enables or disables a user. A courier who drives vehicles is disabled only once those vehicles have
     * another driver; an admin cannot disable themselves (the cooperative would be left without one).
     */
    public AppUser update(Long cooperativeId, Long actingUserId, Long userId, String displayName, boolean enabled) {
        AppUser user = get(cooperativeId, userId);
        if (!enabled && user.enabled()) {
            if (userId.equals(actingUserId)) {
                throw new InvalidFieldException("enabled", "you cannot disable yourself; ask another admin");
            }
            List<Vehicle> driven = vehicles.drivenBy(cooperativeId, userId);
            if (!driven.isEmpty()) {
                throw new ConflictException(user.username() + " drives " + driven.stream()
                        .map(v -> v.name() + " (vehicle " + v.id() + ")").collect(Collectors.joining(", "))
                        + "; give those vehicles another driver first");
            }
        }
        boolean disabling = user.enabled() && !enabled;
        if (disabling || enabled != user.enabled() || !displayName.equals(user.displayName())) {
            audit.record(cooperativeId, disabling ? AuditKind.USER_DISABLED : AuditKind.USER_CHANGED,
                    "user " + user.username(), "name " + displayName + (enabled ? "" : ", disabled"));
        }
        user.rename(displayName);
        user.enable(enabled);
        return user;
    }

    /** A new one-time password for a user who forgot theirs; they must replace it at their next login. */
    public Issued resetPassword(Long cooperativeId, Long userId) {
        AppUser user = get(cooperativeId, userId);
        String oneTime = oneTimePassword();
        user.givePassword(passwords.encode(oneTime));
        // a user locked out by failed logins gets in with the new password at once
        throttle.clearUser(user.username());
        audit.record(cooperativeId, AuditKind.USER_PASSWORD_RESET, "user " + user.username(), null);
        log.info("Cooperative {}: password of '{}' reset", cooperativeId, user.username());
        return new Issued(user, oneTime);
    }

    /** The user's own new password, after the current one. */
    public AppUser changeOwnPassword(Long userId, String currentPassword, String newPassword) {
        AppUser user = users.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
        if (currentPassword == null || !passwords.matches(currentPassword, user.passwordHash())) {
            throw new InvalidFieldException("currentPassword", "is not your current password");
        }
        if (newPassword != null && newPassword.equals(currentPassword)) {
            throw new InvalidFieldException("newPassword", "must differ from the current one");
        }
        policy.check("newPassword", user.username(), newPassword);
        user.choosePassword(passwords.encode(newPassword));
        audit.record(user.cooperativeId(), AuditKind.USER_PASSWORD_CHANGED, "user " + user.username(), null);
        return user;
    }

    /** Until when failed logins lock the user out, if they do now. */
    @Transactional(readOnly = true)
    public Optional<Instant> lockedUntil(AppUser user) {
        return throttle.userLockedUntil(user.username());
    }

    private String oneTimePassword() {
        StringBuilder password = new StringBuilder(ONE_TIME_LENGTH);
        for (int i = 0; i < ONE_TIME_LENGTH; i++) {
            password.append(ONE_TIME_ALPHABET[random.nextInt(ONE_TIME_ALPHABET.length)]);
        }
        return password.toString();
    }
}
