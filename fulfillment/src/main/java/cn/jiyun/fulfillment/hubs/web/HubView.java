package cn.jiyun.fulfillment.hubs.web;

import cn.jiyun.fulfillment.geo.Position;
import cn.jiyun.fulfillment.hubs.Hub;
import com.fasterxml.jackson.annotation.JsonFormat;

import java.time.LocalTime;

/** A hub as the API shows it. */
public record HubView(Long id, String name, String countyCode, String address, Position location,
                      @JsonFormat(pattern = "HH:mm") LocalTime opensAt,
                      @JsonFormat(pattern = "HH:mm") LocalTime closesAt,
                      @JsonFormat(pattern = "HH:mm") LocalTime carrierCutoff) {

    static HubView of(Hub hub) {
        return new HubView(hub.id(), hub.name(), hub.countyCode(), hub.address(), Position.of(hub.location()),
                hub.opensAt(), hub.closesAt(), hub.carrierCutoff());
    }
}
