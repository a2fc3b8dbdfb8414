package cn.jiyun.fulfillment.security;

import cn.jiyun.fulfillment.errors.InvalidFieldException;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Everyone who can log in. */
public interface AppUsers extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    Optional<AppUser> findByIdAndCooperativeId(Long id, Long cooperativeId);

    org.springframework.data.domain.Page<AppUser> findByCooperativeId(Long cooperativeId,
                                                                    org.springframework.data.domain.Pageable pageable);

    boolean existsByRole(Role role);

    /** A cooperative's admins, the first of whom an operator names when opening it. */
    Optional<AppUser> findFirstByCooperativeIdAndRoleOrderById(Long cooperativeId, Role role);

    /** The cooperative's users of one role, e.g. the couriers who may drive its vehicles. */
    List<AppUser> findByCooperativeIdAndRoleOrderByUsername(Long cooperativeId, Role role);

    /**
     * Refuses a reference to a user who is not of that role in that cooperative, naming the request's
     * field; {@code null} (no one) is allowed.
     */
    default void requireRole(Long userId, Long cooperativeId, Role role, String field) {
        if (userId != null && findById(userId)
                .filter(u -> u.cooperativeId().equals(cooperativeId) && u.role() == role).isEmpty()) {
            throw new InvalidFieldException(field, "no " + role.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " " + userId + " in this cooperative");
        }
    }
}
