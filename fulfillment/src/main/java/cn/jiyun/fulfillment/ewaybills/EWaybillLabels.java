package cn.jiyun.fulfillment.ewaybills;

import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.security.JiyunUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The labels of taken e-waybills that Jiyun prints itself: those whose print data the platform gave in plain
 * (the sandbox, orders whose buyer is not encrypted). A label whose print data only the platform's print component
 * can read is printed from the hub page through that component, never rendered here without its recipient.
 */
@Service
@Transactional(readOnly = true)
public class EWaybillLabels {

    private final EWaybillDesk desk;
    private final CarrierAccounts accounts;
    private final OrderService orders;
    private final LabelPdf pdf;

    EWaybillLabels(EWaybillDesk desk, CarrierAccounts accounts, OrderService orders, LabelPdf pdf) {
        this.desk = desk;
        this.accounts = accounts;
        this.orders = orders;
        this.pdf = pdf;
    }

    /** One order's label. */
    public byte[] label(JiyunUser user, Long orderId) {
        return labels(user, List.of(orderId));
    }

    /** The orders' labels in one PDF, a page each, in the order asked. */
    public byte[] labels(JiyunUser user, List<Long> orderIds) {
        List<LabelPdf.Label> labels = new ArrayList<>();
        Map<Long, OrderEWaybill> current = desk.current(user.cooperativeId(), List.copyOf(orderIds));
        for (Long orderId : new LinkedHashSet<>(orderIds)) {
            Order order = orders.get(user.cooperativeId(), orderId);
            OrderEWaybill take = current.get(orderId);
            if (take == null || take.status() != OrderEWaybill.Status.TAKEN) {
                throw new ConflictException("order " + order.platformOrderId() + " has no e-waybill taken: "
                        + "take it first (POST /api/hub/e-waybills)");
            }
            if (take.printEncrypted()) {
                throw new ConflictException("the label of order " + order.platformOrderId() + " is encrypted for "
                        + order.platform().displayName() + "'s print component: print it from the hub page");
            }
            CarrierAccount.Sender sender = accounts.findById(take.accountId()).orElseThrow().sender();
            labels.add(new LabelPdf.Label(take.carrier().chineseName(), take.waybillNumber(),
                    take.sortCode() == null ? "" : take.sortCode(),
                    String.join(" ", sender.name(), sender.mobile(),
                            sender.province() + sender.city() + sender.district() + sender.detail()),
                    take.receiverMasked() == null ? "" : take.receiverMasked(), order.platformOrderId()));
        }
        return pdf.render(labels);
    }
}
