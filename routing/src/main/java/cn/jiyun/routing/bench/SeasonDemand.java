package cn.jiyun.routing.bench;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import cn.jiyun.routing.Parcel;
import cn.jiyun.routing.PlanningProblem;
import cn.jiyun.routing.Producer;

/**
 * A season of livestream orders for a cooperative, reproducible from a seed. Each order is one parcel, paid in the
 * evening and ready the next morning. Sales lean on a few featured producers (Zipf weights, exponent 0.9), follow a
 * weekly rhythm (weekend livestreams sell most), rise for a Singles' Day-like peak (10–12 November: ×2, ×3, ×1.6)
 * and come in bursts (a featured producer's livestream sells four times its usual on one day in ten). Ambient goods
 * ship within 48 or 72 hours of payment; chilled goods (an eighth of the producers: milk, mutton) within 24 or 48.
 */
public final class SeasonDemand {

    /** Mean parcels per producer and day, before the weekly rhythm and the peak. */
    static final double MEAN_PER_PRODUCER_DAY = 3;
    private static final double ZIPF_EXPONENT = 0.9;
    private static final int FEATURED = 20;
    private static final double BURST_CHANCE = 0.1;
    private static final double BURST_FACTOR = 4;

    private final Map<LocalDate, List<Parcel>> readyOn = new TreeMap<>();

    private SeasonDemand() {
    }

    /** Orders ready on each day from {@code from} for {@code days} days, for {@code producers}. */
    public static SeasonDemand generate(long seed, List<Producer> producers, LocalDate from, int days,
            double meanPerProducerDay) {
        Random random = new Random(seed * 31 + 7);
        int n = producers.size();
        // a random ranking of the producers: which of them the livestreams feature
        List<Integer> rank = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rank.add(i);
        }
        java.util.Collections.shuffle(rank, random);
        double[] weight = new double[n];
        double sum = 0;
        for (int r = 0; r < n; r++) {
            weight[rank.get(r)] = 1 / Math.pow(r + 1, ZIPF_EXPONENT);
            sum += weight[rank.get(r)];
        }
        boolean[] chilled = new boolean[n];
        for (int i = 0; i < n; i++) {
            chilled[i] = random.nextInt(8) == 0;
        }
        SeasonDemand demand = new SeasonDemand();
        for (int d = 0; d < days; d++) {
            LocalDate ready = from.plusDays(d);
            LocalDate paid = ready.minusDays(1);
            double dayFactor = weekly(paid.getDayOfWeek()) * peak(MonthDay.from(paid));
            List<Parcel> parcels = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double mean = meanPerProducerDay * n * weight[i] / sum * dayFactor;
                if (rank.indexOf(i) < FEATURED && random.nextDouble() < BURST_CHANCE) {
                    mean *= BURST_FACTOR;
                }
                int count = poisson(random, mean);
                for (int k = 0; k < count; k++) {
                    long grams = 500 + random.nextInt(4_500);
                    long millilitres = grams * (2 + random.nextInt(3));
                    // paid between 18:00 and 23:00 the evening before
                    Instant paidAt = paid.atTime(18, 0).plusMinutes(random.nextInt(300))
                            .atZone(PlanningProblem.ZONE).toInstant();
                    int hours = chilled[i] ? (random.nextBoolean() ? 24 : 48) : (random.nextBoolean() ? 48 : 72);
                    parcels.add(new Parcel("o" + ready + "-" + producers.get(i).id() + "-" + k, producers.get(i).id(),
                            grams, millilitres, chilled[i], ready, paidAt.plusSeconds(hours * 3600L)));
                }
            }
            demand.readyOn.put(ready, List.copyOf(parcels));
        }
        return demand;
    }

    public List<Parcel> readyOn(LocalDate day) {
        return readyOn.getOrDefault(day, List.of());
    }

    private static double weekly(DayOfWeek paidOn) {
        return switch (paidOn) {
            case MONDAY -> 0.8;
            case TUESDAY -> 0.85;
            case WEDNESDAY -> 0.9;
            case THURSDAY -> 1.0;
            case FRIDAY -> 1.15;
            case SATURDAY -> 1.3;
            case SUNDAY -> 1.2;
        };
    }

    private static double peak(MonthDay paidOn) {
        if (paidOn.equals(MonthDay.of(11, 10))) {
            return 2;
        }
        if (paidOn.equals(MonthDay.of(11, 11))) {
            return 3;
        }
        return paidOn.equals(MonthDay.of(11, 12)) ? 1.6 : 1;
    }

    private static int poisson(Random random, double mean) {
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
