package cn.jiyun.routing;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

import cn.jiyun.routing.domain.PickupPlan;
import cn.jiyun.routing.domain.PickupStop;
import cn.jiyun.routing.domain.VehicleDay;

/**
 * Adds, removes and replaces stops in the solver's working plan while it is solving, telling the score director
 * about every change the way OptaPlanner's own list moves do.
 *
 * <p>Why not {@code ProblemChangeDirector.changeVariable}: in 9.44 it announces a list variable change as a basic
 * variable change, which the list variable's own shadow variables (the stop's vehicle-day, previous and next stop)
 * never hear. A removed stop then kept pointing at its old neighbours and they at it, so the arrival/load listener
 * later walked onto a stop the score director had already retracted ("The fact (stop-N) was never inserted").
 * The older {@code ProblemFactChange} hands over the score director itself, which has the list notifications.
 */
final class WorkingPlanEdits {

    private static final String STOPS = "stops";

    private final ScoreDirector<PickupPlan> director;

    WorkingPlanEdits(ScoreDirector<PickupPlan> director) {
        this.director = director;
    }

    PickupPlan plan() {
        return director.getWorkingSolution();
    }

    /** True once a stop was added that no route holds yet (the construction places it when solving resumes). */
    boolean leftStopsUnplaced() {
        return plan().getStops().stream().anyMatch(stop -> stop.getVehicleDay() == null);
    }

    /** A scored copy of the working plan as the edits left it, for the plan in progress to show. */
    @SuppressWarnings("unchecked")
    PickupPlan snapshot() {
        InnerScoreDirector<PickupPlan, ?> inner = (InnerScoreDirector<PickupPlan, ?>) director;
        inner.calculateScore();
        return inner.cloneWorkingSolution();
    }

    /** A new stop in no route yet. */
    void addUnplaced(PickupStop stop) {
        director.beforeProblemFactAdded(stop);
        plan().getStops().add(stop);
        director.afterProblemFactAdded(stop);
    }

    /** Takes the stop off its route (its neighbours close up) and out of the plan. */
    void remove(PickupStop stop) {
        unplace(stop);
        director.beforeProblemFactRemoved(stop);
        plan().getStops().remove(stop);
        director.afterProblemFactRemoved(stop);
    }

    /** Puts {@code replacement} where {@code stop} was, on the same route at the same position. */
    void replace(PickupStop stop, PickupStop replacement) {
        VehicleDay vehicleDay = stop.getVehicleDay();
        int index = vehicleDay == null ? -1 : vehicleDay.getStops().indexOf(stop);
        remove(stop);
        addUnplaced(replacement);
        if (vehicleDay != null) {
            director.beforeListVariableChanged(vehicleDay, STOPS, index, index);
            director.beforeListVariableElementAssigned(vehicleDay, STOPS, replacement);
            vehicleDay.getStops().add(index, replacement);
            director.afterListVariableElementAssigned(vehicleDay, STOPS, replacement);
            director.afterListVariableChanged(vehicleDay, STOPS, index, index + 1);
            director.triggerVariableListeners();
        }
    }

    private void unplace(PickupStop stop) {
        VehicleDay vehicleDay = stop.getVehicleDay();
        if (vehicleDay == null) {
            return;
        }
        int index = vehicleDay.getStops().indexOf(stop);
        director.beforeListVariableChanged(vehicleDay, STOPS, index, index + 1);
        director.beforeListVariableElementUnassigned(vehicleDay, STOPS, stop);
        vehicleDay.getStops().remove(index);
        director.afterListVariableElementUnassigned(vehicleDay, STOPS, stop);
        director.afterListVariableChanged(vehicleDay, STOPS, index, index);
        // Settle the shadow variables (the stop's arrival becomes null) while the stop is still known to the score.
        director.triggerVariableListeners();
    }
}
