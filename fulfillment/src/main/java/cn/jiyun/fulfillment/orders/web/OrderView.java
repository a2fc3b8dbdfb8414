package cn.jiyun.fulfillment.orders.web;

import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderLine;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.orders.Parcel;
import cn.jiyun.fulfillment.orders.TrackingEvent;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.util.List;

/**
 * An order as the API shows it. In lists, {@code lines}, {@code parcels} and {@code events} are
 * left out; {@code shopId} is the platform's shop id, {@code shopRef} Jiyun's; {@code trackingUrl} is the
 * public page the buyer can be sent.
 */
public record OrderView(Long id, Platform platform, String shopId, Long shopRef, String shopName,
                        String platformOrderId, OrderStatus status, String attentionReason, String buyerProvince,
                        String buyerCity, Instant placedAt, Instant paidAt, Instant shipBy, long amountFen,
                        Carrier carrier, String waybillNumber, int parcelCount, long totalWeightGrams,
                        String trackingUrl, List<LineView> lines, List<ParcelView> parcels,
                        List<EventView> events) {

    /** An order line. */
    public record LineView(String platformSku, String title, int quantity, long amountFen) {
        static LineView of(OrderLine l) {
            return new LineView(l.platformSku(), l.title(), l.quantity(), l.amountFen());
        }
    }

    /** A parcel to collect at a producer. */
    public record ParcelView(Long id, String code, Long producerId, int weightGrams, int volumeMl, boolean chilled) {
        static ParcelView of(Parcel p) {
            return new ParcelView(p.id(), p.code(), p.producerId(), p.weightGrams(), p.volumeMl(), p.chilled());
        }
    }

    /** A step of the order's history. */
    public record EventView(OrderStatus status, Instant at, String note, String actor) {
        static EventView of(TrackingEvent e) {
            return new EventView(e.status(), e.occurredAt(), e.note(), e.actor());
        }
    }

    static OrderView summary(Order o, Shop shop) {
        return of(o, shop, null, null, null);
    }

    static OrderView detail(Order o, Shop shop) {
        return of(o, shop, o.lines().stream().map(LineView::of).toList(),
                o.parcels().stream().map(ParcelView::of).toList(),
                o.events().stream().map(EventView::of).toList());
    }

    private static OrderView of(Order o, Shop shop, List<LineView> lines, List<ParcelView> parcels,
                                List<EventView> events) {
        long grams = o.parcels().stream().mapToLong(Parcel::weightGrams).sum();
        return new OrderView(o.id(), o.platform(), shop.platformShopId(), shop.id(), shop.name(),
                o.platformOrderId(), o.status(), o.attentionReason(), o.buyerProvince(), o.buyerCity(),
                o.placedAt(), o.paidAt(), o.shipBy(), o.amountFen(), o.carrier(), o.waybillNumber(),
                o.parcels().size(), grams,
                o.trackingToken() == null ? null : ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/track/{token}").buildAndExpand(o.trackingToken()).toUriString(),
                lines, parcels, events);
    }
}
