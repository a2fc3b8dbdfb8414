package cn.jiyun.routing;

/**
 * The plan next to two ways of moving the same parcels without Jiyun, priced on the same travel matrix: (a) a courier
 * collecting each parcel alone at the rural pickup fee, (b) each producer driving its parcels to the nearest hub and
 * back once per ready day.
 */
public record SavingsReport(Figures plan, Figures perParcelPickup, Figures ownTrips) {

    /** Distance, vehicles (or trips), cost and parcels of one way of collecting. */
    public record Figures(String name, long metres, int vehicles, long costFen, int parcels) {

        public double km() {
            return metres / 1000.0;
        }

        public double costYuan() {
            return costFen / 100.0;
        }

        public double costPerParcelYuan() {
            return parcels == 0 ? 0 : costFen / 100.0 / parcels;
        }
    }

    public double percentSavedVersusPerParcelPickup() {
        return saved(perParcelPickup);
    }

    public double percentSavedVersusOwnTrips() {
        return saved(ownTrips);
    }

    private double saved(Figures baseline) {
        return baseline.costFen() == 0 ? 0 : 100.0 * (baseline.costFen() - plan.costFen()) / baseline.costFen();
    }
}
