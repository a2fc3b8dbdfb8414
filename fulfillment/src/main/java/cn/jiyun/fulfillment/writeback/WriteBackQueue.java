package cn.jiyun.fulfillment.writeback;

import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.errors.NotFoundException;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderHandedToCarrier;
import cn.jiyun.fulfillment.orders.OrderService;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/** Queues an order's waybill for its platform in the same transaction that hands it to the carrier. */
@Service
@Transactional
public class WriteBackQueue {

    private final WriteBacks writeBacks;
    private final OrderService orders;
    private final Clock clock;

    WriteBackQueue(WriteBacks writeBacks, OrderService orders, Clock clock) {
        this.writeBacks = writeBacks;
        this.orders = orders;
        this.clock = clock;
    }

    @EventListener
    void handedToCarrier(OrderHandedToCarrier event) {
        Order order = orders.byId(event.orderId());
        if (writeBacks.findByOrderId(order.id()).isPresent()) {
            return;
        }
        writeBacks.save(new WriteBack(order.cooperativeId(), order.id(), order.platform(), order.carrier(),
                order.waybillNumber(), "jiyun-" + order.id() + "-" + order.waybillNumber(), clock.instant()));
    }

    @Transactional(readOnly = true)
    public Page<WriteBack> list(Long cooperativeId, WriteBack.Status status, Pageable pageable) {
        return status == null ? writeBacks.findByCooperativeId(cooperativeId, pageable)
                : writeBacks.findByCooperativeIdAndStatus(cooperativeId, status, pageable);
    }

    /** Sends a failed write-back again at the next round. */
    public WriteBack retry(Long cooperativeId, Long id) {
        WriteBack writeBack = writeBacks.findByIdAndCooperativeId(id, cooperativeId)
                .orElseThrow(() -> new NotFoundException("write-back", id));
        if (writeBack.status() != WriteBack.Status.FAILED) {
            throw new ConflictException("write-back " + id + " is " + writeBack.status() + "; only FAILED ones are retried");
        }
        writeBack.retry(clock.instant());
        return writeBack;
    }
}
