package cn.jiyun.fulfillment.tracking;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.manifests.ApprovedRoute;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderTimeline;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.orders.Orders;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.PostgisTest;
import cn.jiyun.fulfillment.orders.OrderTimeline.Step;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** On the production store too, the approved plan that planned an order is found by its approval's time. */
@PostgisTest
class PostgisTimelineTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Orders orders;
    @Autowired
    OrderTimelines timelines;
    @Autowired
    TransactionTemplate tx;

    @Test
    void findsThePickupDayAndTimeOfTheApprovedPlan() throws Exception {
        ApprovedRoute approved = ApprovedRoute.make(mvc, fixtures);

        for (Order planned : approved.orders()) {
            OrderTimeline timeline = tx.execute(s -> timelines.of(orders.findById(planned.id()).orElseThrow()));
            Step step = timeline.steps().stream().filter(s -> s.status() == OrderStatus.PLANNED).findFirst()
                    .orElseThrow();
            assertThat(step.done()).isTrue();
            assertThat(step.pickups()).singleElement()
                    .satisfies(p -> assertThat(p.day()).isEqualTo(LocalDate.now(ChinaTime.ZONE).plusDays(1)));
        }
    }
}
