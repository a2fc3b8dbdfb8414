package cn.jiyun.fulfillment.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who logs in to Jiyun in one role: an operator of Jiyun itself, or a member of one cooperative. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** {@code null} for an operator only. */
    @Column(name = "cooperative_id")
    private Long cooperativeId;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false)
    private boolean enabled;

    /** Someone else chose the password (an invitation, a reset): the user must choose their own first. */
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    protected AppUser() {
    }

    /** A user someone else set up with a one-time password: they choose their own at first login. */
    public static AppUser invited(Long cooperativeId, String username, String passwordHash, Role role,
                                  String displayName) {
        AppUser user = new AppUser(cooperativeId, username, passwordHash, role, displayName);
        user.mustChangePassword = true;
        return user;
    }

    public AppUser(Long cooperativeId, String username, String passwordHash, Role role, String displayName) {
        if ((role == Role.OPERATOR) != (cooperativeId == null)) {
            throw new IllegalArgumentException("an operator belongs to no cooperative, everyone else to one");
        }
        this.cooperativeId = cooperativeId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.displayName = displayName;
        this.enabled = true;
    }

    public Long id() {
        return id;
    }

    public Long cooperativeId() {
        return cooperativeId;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public String displayName() {
        return displayName;
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** A password someone else chose (an invitation, a reset): the user must choose their own at the next login. */
    public void givePassword(String hash) {
        this.passwordHash = hash;
        this.mustChangePassword = true;
    }

    /** The user's own choice. */
    public void choosePassword(String hash) {
        this.passwordHash = hash;
        this.mustChangePassword = false;
    }

    public void rename(String displayName) {
        this.displayName = displayName;
    }

    public void enable(boolean enabled) {
        this.enabled = enabled;
    }

    /** Jiyun's own operator, of no cooperative. */
    public static AppUser operator(String username, String passwordHash, String displayName) {
        return new AppUser(null, username, passwordHash, Role.OPERATOR, displayName);
    }
}
