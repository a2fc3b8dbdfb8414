-- Issue 13 (login throttling): failed logins per username and per client address, kept in the store so that every
-- instance of the service sees the same count. After a few failures each further try waits longer; a lock ends by
-- itself (locked_until), with a successful login, or with a password reset.
CREATE TABLE login_failure (
    throttle_key      VARCHAR(300) PRIMARY KEY,
    failures          INT NOT NULL,
    last_failed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until      TIMESTAMP WITH TIME ZONE
);
