-- Every attempt to deliver a webhook, for the administrators' delivery log.
CREATE TABLE webhook_deliveries (
    id           INTEGER PRIMARY KEY,
    job_id       INTEGER NOT NULL,
    event        TEXT NOT NULL,
    url          TEXT NOT NULL,
    attempt      INTEGER NOT NULL,
    status_code  INTEGER NOT NULL DEFAULT 0,
    duration_ms  INTEGER NOT NULL,
    error        TEXT NOT NULL DEFAULT '',
    attempted_at TIMESTAMP NOT NULL
);
CREATE INDEX webhook_deliveries_job ON webhook_deliveries(job_id, id);
