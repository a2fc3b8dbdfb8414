package cn.jiyun.routing.solver;

import java.util.Objects;

import org.optaplanner.core.api.domain.variable.VariableListener;
import org.optaplanner.core.api.score.director.ScoreDirector;

import cn.jiyun.routing.domain.PickupPlan;
import cn.jiyun.routing.domain.PickupStop;
import cn.jiyun.routing.domain.VehicleDay;

/**
 * Keeps each stop's arrival time and load on board up to date when the route in front of it changes, walking forward
 * only until nothing changes any more.
 */
public class ArrivalAndLoadListener implements VariableListener<PickupPlan, PickupStop> {

    private static final String ARRIVAL_TIME = "arrivalTime";

    @Override
    public void beforeVariableChanged(ScoreDirector<PickupPlan> scoreDirector, PickupStop stop) {
    }

    @Override
    public void afterVariableChanged(ScoreDirector<PickupPlan> scoreDirector, PickupStop stop) {
        update(scoreDirector, stop);
    }

    @Override
    public void beforeEntityAdded(ScoreDirector<PickupPlan> scoreDirector, PickupStop stop) {
    }

    @Override
    public void afterEntityAdded(ScoreDirector<PickupPlan> scoreDirector, PickupStop stop) {
        update(scoreDirector, stop);
    }

    @Override
    public void beforeEntityRemoved(ScoreDirector<PickupPlan> scoreDirector, PickupStop stop) {
    }

    @Override
    public void afterEntityRemoved(ScoreDirector<PickupPlan> scoreDirector, PickupStop stop) {
    }

    private void update(ScoreDirector<PickupPlan> scoreDirector, PickupStop stop) {
        VehicleDay vehicleDay = stop.getVehicleDay();
        if (vehicleDay == null || vehicleDay.isUnassignedBucket()) {
            set(scoreDirector, stop, null, 0, 0);
            return;
        }
        // Listeners fire in no particular order within a move: start from the first stop whose predecessor is known.
        PickupStop first = stop;
        while (first.getPreviousStop() != null && first.getPreviousStop().getArrivalTime() == null) {
            first = first.getPreviousStop();
        }
        PickupStop previous = first.getPreviousStop();
        long departure;
        int from;
        long weight;
        long volume;
        if (previous == null) {
            departure = vehicleDay.getDepartureTime();
            from = vehicleDay.getHubLocation();
            weight = 0;
            volume = 0;
        } else {
            departure = previous.departureTime();
            from = previous.getLocation();
            weight = previous.getLoadWeight();
            volume = previous.getLoadVolume();
        }
        PickupStop current = first;
        while (current != null) {
            Long arrival = departure + vehicleDay.getTravel().duration(from, current.getLocation());
            weight += current.getWeight();
            volume += current.getVolume();
            if (Objects.equals(arrival, current.getArrivalTime()) && weight == current.getLoadWeight()
                    && volume == current.getLoadVolume()) {
                return;
            }
            set(scoreDirector, current, arrival, weight, volume);
            departure = current.departureTime();
            from = current.getLocation();
            current = current.getNextStop();
        }
    }

    private static void set(ScoreDirector<PickupPlan> scoreDirector, PickupStop stop, Long arrival, long weight,
            long volume) {
        if (Objects.equals(arrival, stop.getArrivalTime()) && weight == stop.getLoadWeight()
                && volume == stop.getLoadVolume()) {
            return;
        }
        // One notification for the three: nothing listens to the piggybacks, and the score streams update the
        // whole stop on any change. Announcing each tripled the cost of the cascade down a route.
        scoreDirector.beforeVariableChanged(stop, ARRIVAL_TIME);
        stop.setArrivalTime(arrival);
        stop.setLoadWeight(weight);
        stop.setLoadVolume(volume);
        scoreDirector.afterVariableChanged(stop, ARRIVAL_TIME);
    }
}
