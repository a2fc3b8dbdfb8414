package cn.jiyun.fulfillment.operators;

import cn.jiyun.fulfillment.audit.AuditKind;
import cn.jiyun.fulfillment.audit.AuditTrail;
import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.cooperatives.CooperativeService;
import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.geo.Wgs84;
import cn.jiyun.fulfillment.security.AppUser;
import cn.jiyun.fulfillment.security.AppUsers;
import cn.jiyun.fulfillment.security.PasswordPolicy;
import cn.jiyun.fulfillment.security.Role;
import org.locationtech.jts.geom.Polygon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens a cooperative with its first admin, and lists, suspends and resumes cooperatives, for an operator. */
@Service
@Transactional
public class CooperativeOnboarding {

    /** Ningxia and its surroundings, as the bootstrap's first cooperative gets; its admin narrows it. */
    static final Polygon DEFAULT_AREA = Wgs84.box(103.5, 35.0, 108.0, 39.8);

    private static final Logger log = LoggerFactory.getLogger(CooperativeOnboarding.class);

    /** A cooperative as an operator sees it: the cooperative and the username of its first admin. */
    public record OpenedCooperative(Cooperative cooperative, String adminUsername) {
    }

    private final CooperativeService cooperatives;
    private final AppUsers users;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    CooperativeOnboarding(CooperativeService cooperatives, AppUsers users, PasswordPolicy policy,
                          PasswordEncoder passwords, AuditTrail audit) {
        this.audit = audit;
        this.cooperatives = cooperatives;
        this.users = users;
        this.policy = policy;
        this.passwords = passwords;
    }

    /**
     * A new cooperative and its first admin, who may use the API at once with the password the operator chose
     * (the one password someone else chooses that need not be changed at first login: the operator hands it over
     * in person or by phone when the cooperative signs up).
     */
    public OpenedCooperative open(String name, String adminUsername, String adminPassword) {
        if (users.existsByUsername(adminUsername)) {
            throw new ConflictException("the username " + adminUsername + " is taken; choose another");
        }
        policy.check("adminPassword", adminUsername, adminPassword);
        Cooperative cooperative = cooperatives.register(name, DEFAULT_AREA);
        users.save(new AppUser(cooperative.id(), adminUsername, passwords.encode(adminPassword), Role.COOP_ADMIN,
                adminUsername));
        audit.record(cooperative.id(), AuditKind.COOPERATIVE_OPENED, "cooperative " + cooperative.id() + " " + name,
                "first admin " + adminUsername);
        log.info("Opened cooperative {} '{}' with its admin '{}'", cooperative.id(), name, adminUsername);
        return new OpenedCooperative(cooperative, adminUsername);
    }

    @Transactional(readOnly = true)
    public Page<OpenedCooperative> list(Pageable pageable) {
        return cooperatives.list(pageable).map(this::withAdmin);
    }

    @Transactional(readOnly = true)
    public OpenedCooperative get(Long id) {
        return withAdmin(cooperatives.get(id));
    }

    public OpenedCooperative suspend(Long id, String reason) {
        OpenedCooperative suspended = withAdmin(cooperatives.suspend(id, reason));
        audit.record(id, AuditKind.COOPERATIVE_SUSPENDED, "cooperative " + id, reason);
        log.info("Suspended cooperative {}: {}", id, reason);
        return suspended;
    }

    public OpenedCooperative resume(Long id) {
        OpenedCooperative resumed = withAdmin(cooperatives.resume(id));
        audit.record(id, AuditKind.COOPERATIVE_RESUMED, "cooperative " + id, null);
        log.info("Resumed cooperative {}", id);
        return resumed;
    }

    private OpenedCooperative withAdmin(Cooperative cooperative) {
        return new OpenedCooperative(cooperative, users.findFirstByCooperativeIdAndRoleOrderById(cooperative.id(),
                Role.COOP_ADMIN).map(AppUser::username).orElse(null));
    }
}
