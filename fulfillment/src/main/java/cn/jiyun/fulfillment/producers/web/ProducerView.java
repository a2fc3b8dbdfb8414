package cn.jiyun.fulfillment.producers.web;

import cn.jiyun.fulfillment.geo.Position;
import cn.jiyun.fulfillment.producers.PickupWindow;
import cn.jiyun.fulfillment.producers.Producer;

import java.util.List;

/**
 * A producer as the API shows it, with its nearest hub (or, when asked about one hub, its
 * distance to that hub).
 */
public record ProducerView(Long id, String name, String contactName, String phone, String address,
                           String countyCode, Position location, boolean shipsChilled, boolean synthetic,
                           List<PickupWindow> pickupWindows, HubDistance nearestHub, HubDistance hub) {

    /** A hub and the great-circle distance to it. */
    public record HubDistance(long hubId, double km) {
        static HubDistance of(long hubId, double metres) {
            return new HubDistance(hubId, Math.round(metres / 10.0) / 100.0);
        }
    }

    static ProducerView of(Producer p, HubDistance nearestHub, HubDistance hub) {
        return new ProducerView(p.id(), p.name(), p.contactName(), p.phone(), p.address(), p.countyCode(),
                Position.of(p.location()), p.shipsChilled(), p.synthetic(), p.pickupWindows(), nearestHub, hub);
    }
}
