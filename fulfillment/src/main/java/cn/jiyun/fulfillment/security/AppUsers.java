package cn.jiyun.fulfillment.security;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

/** Everyone who can log in. */
public interface AppUsers extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);
}
