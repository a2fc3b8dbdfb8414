package cn.jiyun.fulfillment.manifests;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.geo.Gcj02;
import cn.jiyun.fulfillment.planning.PlanStatus;
import cn.jiyun.fulfillment.planning.PlanView;
import cn.jiyun.fulfillment.planning.PlanningService;
import cn.jiyun.fulfillment.planning.PlanningService.PlannedRoute;
import cn.jiyun.fulfillment.security.JiyunUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The manifests a user may read: a courier only the approved routes assigned to them (any other
 * route looks as if it did not exist), a cooperative admin every route of the cooperative.
 */
@Service
public class RouteManifests {

    /** Couriers promise producers a window, not a minute: the planned arrival give or take this. */
    static final Duration ARRIVAL_SLACK = Duration.ofMinutes(15);
    /** How many recent plans an admin's list looks through for approved routes. */
    private static final int ADMIN_PLANS = 20;

    private final PlanningService planning;

    RouteManifests(PlanningService planning) {
        this.planning = planning;
    }

    public RouteManifest manifest(JiyunUser user, Long routeId) {
        PlannedRoute planned = planning.readableRoute(user, routeId);
        return manifestOf(planned.plan().id(), planned.route());
    }

    /** The routes to list: a courier's own, or the cooperative's approved ones for an admin; latest day first. */
    public List<RouteSummary> routes(JiyunUser user) {
        List<PlanView.RouteView> routes = new ArrayList<>();
        switch (user.role()) {
            case COURIER -> planning.routesOf(user.cooperativeId(), user.userId())
                    .forEach(planned -> routes.add(planned.route()));
            case COOP_ADMIN -> planning.list(user.cooperativeId(),
                            PageRequest.of(0, ADMIN_PLANS, Sort.by(Sort.Direction.DESC, "createdAt")))
                    .filter(plan -> plan.status() == PlanStatus.APPROVED)
                    .forEach(plan -> routes.addAll(planning.view(user.cooperativeId(), plan.id()).routes()));
            case SELLER -> throw new AccessDeniedException("sellers have no manifests");
        }
        return routes.stream()
                .sorted(Comparator.comparing(PlanView.RouteView::day).reversed()
                        .thenComparing(PlanView.RouteView::departure, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(RouteManifests::summaryOf).toList();
    }

    private static RouteSummary summaryOf(PlanView.RouteView route) {
        return new RouteSummary(route.id(), route.day(), route.vehicle().name(), route.vehicle().plate(),
                local(route.departure()), route.stops().size(), route.parcels(), route.km());
    }

    /** The manifest of a route as the planner stored it. */
    public static RouteManifest manifestOf(Long planId, PlanView.RouteView route) {
        List<RouteManifest.Stop> stops = new ArrayList<>();
        int sequence = 1;
        for (PlanView.StopView stop : route.stops()) {
            Gcj02 position = Gcj02.fromWgs84(stop.producer().location());
            LocalTime arrival = local(stop.arrival());
            stops.add(new RouteManifest.Stop(sequence++, stop.producer().name(), stop.producer().phone(),
                    stop.producer().address(), arrival,
                    local(floorToFiveMinutes(stop.arrival().minus(ARRIVAL_SLACK))),
                    local(floorToFiveMinutes(stop.arrival().plus(ARRIVAL_SLACK).plus(Duration.ofMinutes(4)))),
                    local(stop.serviceStart()), position, amapNavigation(position, stop.producer().name()),
                    stop.parcels().stream().map(p -> new RouteManifest.Parcel(p.id(), p.code(), p.orderId(),
                            p.weightGrams() / 1000.0, p.chilled())).toList(),
                    stop.loadGramsAfter() / 1000.0));
        }
        return new RouteManifest(route.id(), planId, route.vehicle().name(), route.vehicle().plate(),
                route.vehicle().refrigerated(), route.day(), local(route.departure()), local(route.returnToHub()),
                route.km(), route.cost(), route.parcels(), route.loadGrams() / 1000.0, List.copyOf(stops));
    }

    /** Amap's URI API: opens the app (or its web page) navigating by car to a GCJ-02 position. */
    static String amapNavigation(Gcj02 to, String name) {
        return UriComponentsBuilder.fromUriString("https://uri.amap.com/navigation")
                .queryParam("to", String.format(Locale.ROOT, "%.6f,%.6f,%s", to.longitude(), to.latitude(), name))
                .queryParam("mode", "car")
                .queryParam("coordinate", "gaode")
                .queryParam("callnative", "1")
                .encode().build().toUriString();
    }

    private static Instant floorToFiveMinutes(Instant instant) {
        Instant minute = instant.truncatedTo(ChronoUnit.MINUTES);
        long extra = minute.getEpochSecond() / 60 % 5;
        return minute.minus(Duration.ofMinutes(extra));
    }

    private static LocalTime local(Instant instant) {
        return instant == null ? null : LocalTime.ofInstant(instant, ChinaTime.ZONE).truncatedTo(ChronoUnit.MINUTES);
    }
}
