-- Who drives: a vehicle's usual driver, and the courier an approved route is assigned to (a courier
-- sees only their own routes' manifests).
ALTER TABLE vehicle ADD COLUMN driver_user_id BIGINT REFERENCES app_user (id);
ALTER TABLE plan_route ADD COLUMN courier_user_id BIGINT REFERENCES app_user (id);
CREATE INDEX plan_route_courier ON plan_route (courier_user_id);
