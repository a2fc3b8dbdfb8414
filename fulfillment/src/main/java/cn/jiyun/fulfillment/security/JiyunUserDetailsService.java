package cn.jiyun.fulfillment.security;

import cn.jiyun.fulfillment.cooperatives.CooperativeService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads users from the store for login. A user of a suspended cooperative is loaded as disabled, so that Spring
 * Security refuses the login (a 401, as for a wrong password: the answer tells a stranger nothing).
 */
@Service
class JiyunUserDetailsService implements UserDetailsService {

    private final AppUsers users;
    private final CooperativeService cooperatives;

    JiyunUserDetailsService(AppUsers users, CooperativeService cooperatives) {
        this.users = users;
        this.cooperatives = cooperatives;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return JiyunUser.of(user, !cooperatives.isSuspended(user.cooperativeId()));
    }
}
