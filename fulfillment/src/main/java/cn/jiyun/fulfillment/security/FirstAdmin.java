package cn.jiyun.fulfillment.security;

import cn.jiyun.fulfillment.cooperatives.Cooperative;
import cn.jiyun.fulfillment.cooperatives.CooperativeService;
import cn.jiyun.fulfillment.geo.Wgs84;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first operator, and the first cooperative and its admin, on an empty production store, from
 * configuration.
 */
@Component
@Order(10)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final BootstrapProperties bootstrap;
    private final AppUsers users;
    private final CooperativeService cooperatives;
    private final PasswordEncoder passwords;

    FirstAdmin(BootstrapProperties bootstrap, AppUsers users, CooperativeService cooperatives, PasswordEncoder passwords) {
        this.bootstrap = bootstrap;
        this.users = users;
        this.cooperatives = cooperatives;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (bootstrap.operatorComplete() && !users.existsByRole(Role.OPERATOR)) {
            users.save(AppUser.operator(bootstrap.operatorUsername(), passwords.encode(bootstrap.operatorPassword()),
                    bootstrap.operatorUsername()));
            log.info("Created Jiyun's first operator '{}'", bootstrap.operatorUsername());
        }
        if (!bootstrap.complete() || cooperatives.anyRegistered()) {
            return;
        }
        // Ningxia and its surroundings; an admin narrows it when the cooperative's area is known
        Cooperative cooperative = cooperatives.register(bootstrap.cooperativeName(),
                Wgs84.box(103.5, 35.0, 108.0, 39.8));
        users.save(new AppUser(cooperative.id(), bootstrap.adminUsername(),
                passwords.encode(bootstrap.adminPassword()), Role.COOP_ADMIN, bootstrap.adminUsername()));
        log.info("Created cooperative '{}' and its admin '{}'", cooperative.name(), bootstrap.adminUsername());
    }
}
