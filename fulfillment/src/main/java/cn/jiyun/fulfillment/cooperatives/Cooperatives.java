package cn.jiyun.fulfillment.cooperatives;

import org.springframework.data.jpa.repository.JpaRepository;

/** All cooperatives. */
public interface Cooperatives extends JpaRepository<Cooperative, Long> {
}
