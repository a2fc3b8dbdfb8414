package cn.jiyun.fulfillment.errors;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;

class ApiExceptionHandlerTest {

    @Test
    void answersAConcurrentChangeWithConflictAndAskForARetry() {
        var answer = new ApiExceptionHandler().concurrent(
                new ObjectOptimisticLockingFailureException("cn.jiyun.fulfillment.orders.Order", 42L));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().getDetail()).contains("nothing was changed").contains("again");
        assertThat(answer.getBody().getDetail()).doesNotContain("cn.jiyun");
    }
}
