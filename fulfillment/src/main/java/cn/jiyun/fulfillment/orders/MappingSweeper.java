package cn.jiyun.fulfillment.orders;

import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Now and then tries again the orders that wait for a SKU mapping. Mapping a SKU retries its orders
 * at once, but an order being stored at that very moment can miss the mapping while the retry
 * misses the order; this sweep settles such orders within one interval.
 */
@Component
class MappingSweeper {

    private static final int BATCH = 200;

    private final Orders orders;
    private final OrderService orderService;
    private final TransactionTemplate tx;

    MappingSweeper(Orders orders, OrderService orderService, PlatformTransactionManager transactions) {
        this.orders = orders;
        this.orderService = orderService;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${jiyun.orders.mapping-sweep-interval:60s}",
            initialDelayString = "${jiyun.orders.mapping-sweep-interval:60s}")
    void sweep() {
        List<Long> waiting = tx.execute(status -> orders.findWaitingForMapping(PageRequest.of(0, BATCH)));
        for (Long id : waiting) {
            tx.executeWithoutResult(status -> orders.findById(id)
                    .ifPresent(order -> orderService.retryIfWaitingForMapping(order, "mapping-sweep")));
        }
    }
}
