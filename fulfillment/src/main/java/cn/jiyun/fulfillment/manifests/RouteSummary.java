package cn.jiyun.fulfillment.manifests;

import java.time.LocalDate;
import java.time.LocalTime;

/** A route in the list a courier picks from. */
public record RouteSummary(Long routeId, LocalDate day, String vehicleName, String plate, LocalTime departure,
                           int stops, int parcels, double km) {
}
