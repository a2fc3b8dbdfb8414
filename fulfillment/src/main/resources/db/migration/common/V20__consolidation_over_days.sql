-- Consolidation over days: each cooperative's dispatch policy (which parcels that may wait are collected now), the
-- price of a parcel's day of waiting, whether a small remainder may go to the per-parcel courier, and the evening
-- plan (off while evening_plan_at is null). last_evening_plan_on claims an evening's plan once, whichever instance
-- of the service gets there first.
CREATE TABLE dispatch_settings (
    cooperative_id                  BIGINT PRIMARY KEY REFERENCES cooperative (id),
    dispatch_policy                 VARCHAR(16) NOT NULL,
    holding_cost_per_parcel_day_fen BIGINT NOT NULL,
    courier_remainder               BOOLEAN NOT NULL,
    evening_plan_at                 TIME,
    evening_plan_days               INT NOT NULL,
    evening_plan_seconds            INT NOT NULL,
    last_evening_plan_on            DATE,
    CONSTRAINT dispatch_settings_policy CHECK (dispatch_policy IN ('GREEDY', 'LAZY', 'HOLDING', 'SCENARIO')),
    CONSTRAINT dispatch_settings_days CHECK (evening_plan_days BETWEEN 1 AND 3)
);

-- The policy a plan was made with, and whether it could leave a remainder to the courier.
ALTER TABLE plan ADD COLUMN dispatch_policy VARCHAR(16);
ALTER TABLE plan ADD COLUMN courier_remainder BOOLEAN;
