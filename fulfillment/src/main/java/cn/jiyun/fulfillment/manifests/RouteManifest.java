package cn.jiyun.fulfillment.manifests;

import cn.jiyun.fulfillment.geo.Gcj02;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What a courier carries for one route: times in Asia/Shanghai, weights in kilograms for reading,
 * positions on GCJ-02 for the map apps, money in yuan.
 */
public record RouteManifest(Long routeId, Long planId, String vehicleName, String plate, boolean refrigerated,
                            LocalDate day, LocalTime departure, LocalTime returnToHub, double km, long costFen,
                            int parcelCount, double loadKg, List<Stop> stops) {

    public BigDecimal costYuan() {
        return BigDecimal.valueOf(costFen, 2);
    }

    /** One producer to visit: when, who, where, and what to collect. */
    public record Stop(int sequence, String producerName, String phone, String address, LocalTime arrival,
                       LocalTime arrivalFrom, LocalTime arrivalUntil, LocalTime serviceStart, Gcj02 position,
                       String navigationUrl, List<Parcel> parcels, double loadKgAfter) {

        /** The producer is ready later than the van arrives, so the courier waits. */
        public boolean waits() {
            return serviceStart.isAfter(arrival);
        }

        public double parcelKg() {
            return parcels.stream().mapToDouble(Parcel::weightKg).sum();
        }
    }

    /** A parcel to collect, by the code on its label. */
    public record Parcel(Long id, String code, Long orderId, double weightKg, boolean chilled) {
    }
}
