package cn.jiyun.routing.ningxia;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.jiyun.routing.GeoPoint;
import cn.jiyun.routing.Hub;
import cn.jiyun.routing.Parcel;
import cn.jiyun.routing.PlanningProblem;
import cn.jiyun.routing.PlanningSettings;
import cn.jiyun.routing.Producer;
import cn.jiyun.routing.Vehicle;
import cn.jiyun.routing.travel.GreatCircleMatrixSource;

/**
 * A generated, reproducible Ningxia cooperative: hubs at the Yongning, Litong and Zhongning county seats, synthetic
 * producers scattered within a few km of the real rural township centres within 50 km of a hub, a mixed fleet
 * (a quarter refrigerated) and parcels ready over the horizon. Township points: Vonng/adcode, CC BY 4.0 (see
 * {@code NOTICE.md} beside the CSVs).
 */
public final class NingxiaInstance {

    private static final String[] HUB_COUNTIES = { "640121", "640302", "640521" };
    private static final LocalTime[] HUB_CUTOFFS = { LocalTime.of(18, 0), LocalTime.of(17, 30), LocalTime.of(18, 0) };
    private static final double MAX_TOWNSHIP_KM = 50;

    private NingxiaInstance() {
    }

    public static PlanningProblem generate(long seed, int producerCount, int vehicleCount, int days,
            LocalDate firstDay) {
        return generate(seed, producerCount, vehicleCount, days, HUB_COUNTIES.length, firstDay);
    }

    /** As above with only the first {@code hubCount} hubs (1–3): Yongning, then Litong, then Zhongning. */
    public static PlanningProblem generate(long seed, int producerCount, int vehicleCount, int days, int hubCount,
            LocalDate firstDay) {
        Random random = new Random(seed);
        Map<String, String[]> counties = new HashMap<>();
        for (String[] row : NingxiaDivisions.counties()) {
            counties.put(row[0], row);
        }
        List<Hub> hubs = new ArrayList<>();
        for (int i = 0; i < Math.min(hubCount, HUB_COUNTIES.length); i++) {
            String[] county = counties.get(HUB_COUNTIES[i]);
            hubs.add(new Hub("hub-" + county[0], county[1] + "集运站", point(county[7], county[6]), county[0],
                    HUB_CUTOFFS[i]));
        }
        // Rural towns (1xx) and townships (2xx) with a point, close enough to a hub to be served from it.
        List<String[]> townships = new ArrayList<>();
        for (String[] row : NingxiaDivisions.townships()) {
            char kind = row[0].charAt(6);
            if ((kind == '1' || kind == '2') && !row[8].isEmpty()
                    && nearestHubKm(hubs, point(row[9], row[8])) <= MAX_TOWNSHIP_KM) {
                townships.add(row);
            }
        }
        townships.sort(Comparator.comparing(row -> row[0]));

        List<Producer> producers = new ArrayList<>();
        int[] producersPerHub = new int[hubs.size()];
        for (int i = 0; i < producerCount; i++) {
            String[] township = townships.get(random.nextInt(townships.size()));
            GeoPoint centre = point(township[9], township[8]);
            // Up to ~4 km from the township centre: synthetic farms, not real addresses.
            double distanceKm = 4 * Math.sqrt(random.nextDouble());
            double bearing = random.nextDouble() * 2 * Math.PI;
            GeoPoint location = new GeoPoint(centre.latitude() + distanceKm / 111.0 * Math.cos(bearing),
                    centre.longitude() + distanceKm / (111.0 * Math.cos(Math.toRadians(centre.latitude())))
                            * Math.sin(bearing));
            int window = random.nextInt(10);
            LocalTime from = window < 2 ? LocalTime.of(13, 0) : LocalTime.of(8, 0);
            LocalTime until = window >= 2 && window < 4 ? LocalTime.of(12, 0) : LocalTime.of(17, 0);
            producers.add(new Producer(String.format("producer-%04d", i + 1),
                    township[1] + " synthetic farm " + (i + 1), location, township[2], from, until,
                    Duration.ofMinutes(4)));
            producersPerHub[nearestHub(hubs, location)]++;
        }

        List<Vehicle> vehicles = new ArrayList<>();
        for (int v = 0; v < vehicleCount; v++) {
            int hub = hubForVehicle(v, vehicleCount, producersPerHub, producerCount);
            vehicles.add(vehicle(String.format("vehicle-%02d", v + 1), hubs.get(hub).id(), v % 4 == 3));
        }

        List<Parcel> parcels = new ArrayList<>();
        for (Producer producer : producers) {
            boolean chilledProducer = random.nextInt(100) < 12;
            for (int day = 0; day < days; day++) {
                if (random.nextInt(100) >= 40) {
                    continue;
                }
                // Livestream sellers ship by the dozen: 2 to 20 parcels on a ready day.
                int count = 2 + random.nextInt(19);
                LocalDate ready = firstDay.plusDays(day);
                for (int k = 0; k < count; k++) {
                    long grams = 500 + random.nextInt(5_500);
                    long millilitres = grams * (2 + random.nextInt(4));
                    // Chilled goods ship the day they are ready; the rest within one or two days.
                    int slack = chilledProducer ? 0 : (random.nextInt(10) < 3 ? 1 : 2);
                    Instant shipBy = ready.plusDays(slack).atTime(20, 0).atZone(PlanningProblem.ZONE).toInstant();
                    parcels.add(new Parcel(producer.id() + "-d" + day + "-" + k, producer.id(), grams, millilitres,
                            chilledProducer, ready, shipBy));
                }
            }
        }
        return new PlanningProblem(firstDay, days, hubs, vehicles, producers, parcels, List.of(),
                PlanningSettings.DEFAULTS);
    }

    /**
     * A van (1.5 t, 8 m³, 2.00 yuan a km, 120 yuan a day) or a refrigerated van (1 t, 5 m³, 2.60 yuan a km, 160 yuan a
     * day), on a 07:30–18:00 shift.
     */
    public static Vehicle vehicle(String id, String hubId, boolean refrigerated) {
        return new Vehicle(id, hubId, refrigerated ? 1_000_000 : 1_500_000, refrigerated ? 5_000_000 : 8_000_000,
                refrigerated, refrigerated ? 260 : 200, refrigerated ? 16_000 : 12_000, 0, LocalTime.of(7, 30),
                LocalTime.of(18, 0));
    }

    private static int hubForVehicle(int vehicle, int vehicleCount, int[] producersPerHub, int producerCount) {
        // Vehicles go to hubs in proportion to the producers nearest each hub.
        double position = (vehicle + 0.5) / vehicleCount * producerCount;
        int cumulative = 0;
        for (int hub = 0; hub < producersPerHub.length; hub++) {
            cumulative += producersPerHub[hub];
            if (position < cumulative) {
                return hub;
            }
        }
        return producersPerHub.length - 1;
    }

    private static int nearestHub(List<Hub> hubs, GeoPoint point) {
        int best = 0;
        for (int i = 1; i < hubs.size(); i++) {
            if (GreatCircleMatrixSource.greatCircleMetres(hubs.get(i).location(), point)
                    < GreatCircleMatrixSource.greatCircleMetres(hubs.get(best).location(), point)) {
                best = i;
            }
        }
        return best;
    }

    private static double nearestHubKm(List<Hub> hubs, GeoPoint point) {
        return GreatCircleMatrixSource.greatCircleMetres(hubs.get(nearestHub(hubs, point)).location(), point) / 1000;
    }

    private static GeoPoint point(String latitude, String longitude) {
        return new GeoPoint(Double.parseDouble(latitude), Double.parseDouble(longitude));
    }
}
