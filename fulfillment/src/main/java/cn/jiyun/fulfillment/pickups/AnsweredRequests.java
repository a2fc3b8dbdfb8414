package cn.jiyun.fulfillment.pickups;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

/** Answers already given, by user and request id. */
interface AnsweredRequests extends JpaRepository<AnsweredRequest, Long> {

    Optional<AnsweredRequest> findByUserIdAndRequestId(Long userId, String requestId);
}
