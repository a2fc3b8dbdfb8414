package cn.jiyun.fulfillment.producers;

import org.locationtech.jts.geom.Point;

import java.util.List;

/** What a producer is made of, as a request or the demo loader says it. */
public record ProducerDetails(String name, String contactName, String phone, String address, String countyCode,
                              Point location, boolean shipsChilled, List<PickupWindow> pickupWindows) {
    public ProducerDetails {
        pickupWindows = List.copyOf(pickupWindows);
    }
}
