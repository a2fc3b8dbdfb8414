/* Planning board: draws hubs, producers and routes with Leaflet, and follows a running plan by server-sent
   events. Every coordinate arrives already on the tiles' datum (converted once, on the server). The pages
   work without this script; it only adds the map and the live figures. */
(function () {
    'use strict';
    var COLOURS = ['#c2410c', '#1d4ed8', '#15803d', '#7e22ce', '#b91c1c', '#0f766e', '#a16207', '#be185d',
        '#4338ca', '#374151'];

    function colour(i) {
        return COLOURS[i % COLOURS.length];
    }

    function newMap(element) {
        var map = L.map(element, {preferCanvas: true, zoomControl: true, zoomSnap: 0.25});
        var tiles = element.getAttribute('data-tile-url');
        if (tiles) {
            L.tileLayer(tiles, {maxZoom: 18}).addTo(map);
        } else {
            element.classList.add('plain');
        }
        map.setView([37.5, 106.2], 8);
        return map;
    }

    function getJson(url) {
        return fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
            .then(function (r) {
                if (!r.ok) {
                    throw new Error(r.status);
                }
                return r.json();
            });
    }

    function text(value) {
        var span = document.createElement('span');
        span.textContent = value == null ? '' : String(value);
        return span.innerHTML;
    }

    function drawHubs(map, hubs, layer) {
        hubs.forEach(function (h) {
            L.circleMarker([h.point.lat, h.point.lng], {radius: 9, color: '#1d2327', weight: 3, fillColor: '#fff',
                fillOpacity: 1}).bindTooltip(text(h.name)).addTo(layer);
        });
    }

    function fit(map, points) {
        if (points.length > 0) {
            map.fitBounds(L.latLngBounds(points), {padding: [20, 20], maxZoom: 13});
        }
    }

    function board(element) {
        var map = newMap(element);
        var layer = L.layerGroup().addTo(map);
        Promise.all([getJson(element.getAttribute('data-hubs-url')),
            getJson(element.getAttribute('data-producers-url'))]).then(function (data) {
            var points = [];
            data[1].forEach(function (p) {
                var waiting = p.parcels > 0;
                points.push([p.point.lat, p.point.lng]);
                L.circleMarker([p.point.lat, p.point.lng], {
                    radius: waiting ? Math.min(4 + p.parcels, 12) : 3, weight: 1,
                    color: waiting ? '#c2410c' : '#9ca3af', fillOpacity: waiting ? 0.7 : 0.4
                }).bindPopup('<strong>' + text(p.name) + '</strong><br>' + text(p.parcels) + ' · ' + text(p.kg)
                    + ' kg' + (p.earliestShipBy ? '<br>' + text(p.earliestShipBy.replace('T', ' ')) : ''))
                    .addTo(layer);
            });
            drawHubs(map, data[0], layer);
            data[0].forEach(function (h) { points.push([h.point.lat, h.point.lng]); });
            fit(map, points);
        });
    }

    function drawPlan(map, layer, plan, fitIt) {
        layer.clearLayers();
        var points = [];
        var hubs = {};
        plan.routes.forEach(function (route) {
            var line = route.path.map(function (p) { return [p.lat, p.lng]; });
            if (route.path.length > 0 && route.hub) {
                hubs[route.hub] = {name: route.hub, point: route.path[0]};
            }
            points = points.concat(line);
            L.polyline(line, {color: colour(route.colour), weight: 4, opacity: 0.85})
                .bindTooltip(text(route.vehicle + ' ' + route.plate + ' · ' + route.day)).addTo(layer);
            route.stops.forEach(function (stop) {
                if (!stop.point) {
                    return;
                }
                L.circleMarker([stop.point.lat, stop.point.lng], {radius: 6, color: colour(route.colour),
                    weight: 2, fillColor: '#fff', fillOpacity: 1})
                    .bindPopup(text(stop.seq + '. ' + stop.producer) + '<br>' + text(stop.arrival) + ' · '
                        + text(stop.parcels) + ' · ' + text(stop.kg) + ' kg').addTo(layer);
            });
        });
        drawHubs(map, Object.keys(hubs).map(function (name) { return hubs[name]; }), layer);
        if (fitIt) {
            fit(map, points);
        }
    }

    function showFigures(plan) {
        var cost = document.getElementById('plan-cost');
        var score = document.getElementById('plan-score');
        if (cost && plan.costYuan != null) {
            cost.textContent = (cost.getAttribute('data-pattern') || '¥#').replace('#', plan.costYuan.toFixed(2));
        }
        if (score && plan.score) {
            score.textContent = plan.score;
        }
    }

    function planPage(element) {
        var map = newMap(element);
        var layer = L.layerGroup().addTo(map);
        var page = document.getElementById('plan-page');
        var first = true;
        getJson(element.getAttribute('data-plan-url')).then(function (plan) {
            drawPlan(map, layer, plan, true);
            first = plan.routes.length === 0;
        });
        if (page && page.getAttribute('data-status') === 'SOLVING' && window.EventSource) {
            var events = new EventSource(element.getAttribute('data-events-url'));
            events.addEventListener('plan', function (e) {
                var plan = JSON.parse(e.data);
                drawPlan(map, layer, plan, first && plan.routes.length > 0);
                if (plan.routes.length > 0) {
                    first = false;
                }
                showFigures(plan);
            });
            events.addEventListener('done', function () {
                events.close();
                window.location.reload();
            });
        }
    }

    var boardMap = document.getElementById('board-map');
    if (boardMap && window.L) {
        board(boardMap);
    }
    var planMap = document.getElementById('plan-map');
    if (planMap && window.L) {
        planPage(planMap);
    }
})();
