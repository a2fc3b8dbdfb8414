-- Issue 13 (tenants): Jiyun's own operators create, list and suspend cooperatives. An operator belongs to no
-- cooperative; everyone else belongs to exactly one. A suspended cooperative keeps every record: its users cannot
-- log in and its shops are not polled until an operator resumes it. A user whose password someone else chose
-- (an invitation or a reset) must choose their own at the next login.
ALTER TABLE cooperative ADD COLUMN suspended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE cooperative ADD COLUMN suspension_reason VARCHAR(400);

ALTER TABLE app_user ALTER COLUMN cooperative_id DROP NOT NULL;
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE app_user DROP CONSTRAINT app_user_role;
ALTER TABLE app_user ADD CONSTRAINT app_user_role
    CHECK (role IN ('OPERATOR', 'COOP_ADMIN', 'COURIER', 'SELLER'));
ALTER TABLE app_user ADD CONSTRAINT app_user_operator_has_no_cooperative
    CHECK ((role = 'OPERATOR' AND cooperative_id IS NULL) OR (role <> 'OPERATOR' AND cooperative_id IS NOT NULL));
