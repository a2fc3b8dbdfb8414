package cn.jiyun.fulfillment.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads users from the store for login. */
@Service
class JiyunUserDetailsService implements UserDetailsService {

    private final AppUsers users;

    JiyunUserDetailsService(AppUsers users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username).map(JiyunUser::of)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
