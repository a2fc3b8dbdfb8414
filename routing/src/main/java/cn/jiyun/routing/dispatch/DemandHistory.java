package cn.jiyun.routing.dispatch;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import cn.jiyun.routing.Parcel;

/**
 * The parcels that became ready on each of the last days, by day: what the scenario policy samples tomorrow from.
 * Whole days are sampled (a day's orders of every producer together), because livestream demand comes in bursts
 * that lift many producers at once; a producer that sold nothing lately is sampled with nothing.
 */
public record DemandHistory(List<Day> days) {

    /** The parcels that became ready on {@code date}; their deadlines keep their distance from it when sampled. */
    public record Day(LocalDate date, List<Parcel> parcels) {
        public Day {
            parcels = List.copyOf(parcels);
        }
    }

    public static final DemandHistory NONE = new DemandHistory(List.of());

    public DemandHistory {
        days = List.copyOf(days);
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }

    /**
     * A sampled day of orders ready on {@code target}: a past day drawn at random (the same weekday twice as likely,
     * for the weekly rhythm of livestreams), its parcels of {@code producers} moved to {@code target} with their
     * deadlines moved as far, under ids that start with {@code idPrefix}. A history that holds {@code target}
     * itself knows that day's orders and gives them as they are: the season benchmark's perfect-information bound
     * builds such a history from the orders to come; the service's history is the past and never holds it.
     */
    public List<Parcel> sample(SplittableRandom random, LocalDate target, String idPrefix, Set<String> producers) {
        if (days.isEmpty()) {
            return List.of();
        }
        for (Day known : days) {
            if (known.date().equals(target)) {
                return moved(known, target, idPrefix, producers);
            }
        }
        double[] weights = new double[days.size()];
        double total = 0;
        for (int i = 0; i < days.size(); i++) {
            weights[i] = days.get(i).date().getDayOfWeek() == target.getDayOfWeek() ? 2 : 1;
            total += weights[i];
        }
        double pick = random.nextDouble() * total;
        Day day = days.get(days.size() - 1);
        for (int i = 0; i < days.size(); i++) {
            pick -= weights[i];
            if (pick < 0) {
                day = days.get(i);
                break;
            }
        }
        return moved(day, target, idPrefix, producers);
    }

    private static List<Parcel> moved(Day day, LocalDate target, String idPrefix, Set<String> producers) {
        long shift = ChronoUnit.DAYS.between(day.date(), target);
        List<Parcel> sampled = new ArrayList<>();
        for (Parcel parcel : day.parcels()) {
            if (producers.contains(parcel.producerId())) {
                sampled.add(new Parcel(idPrefix + parcel.id(), parcel.producerId(), parcel.weightGrams(),
                        parcel.volumeMillilitres(), parcel.chilled(), target,
                        parcel.shipBy() == null ? null : parcel.shipBy().plus(shift, ChronoUnit.DAYS)));
            }
        }
        return sampled;
    }
}
