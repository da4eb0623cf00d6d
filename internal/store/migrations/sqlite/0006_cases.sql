-- Cases: detained goods, their legal clocks, identification by the right holder,
-- bonds on general guarantees, and the working-day calendars the clocks are computed with.

-- One sequence per case number prefix and year: HZ-2026-000123.
CREATE TABLE case_counters (
    prefix   TEXT NOT NULL,
    year     INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    PRIMARY KEY (prefix, year)
);

-- A holder's general guarantee for a year; held is what bonds have drawn and not released.
-- The CHECK is the last guard: draws test the balance in the UPDATE itself.
CREATE TABLE guarantees (
    id            INTEGER PRIMARY KEY,
    holder_org_id INTEGER NOT NULL REFERENCES orgs(id),
    year          INTEGER NOT NULL,
    amount        INTEGER NOT NULL,               -- fen
    held          INTEGER NOT NULL DEFAULT 0,
    issuer        TEXT NOT NULL DEFAULT '',
    bank_ref      TEXT NOT NULL DEFAULT '',
    created_by    INTEGER NOT NULL DEFAULT 0,
    created_at    TIMESTAMP NOT NULL,
    UNIQUE (holder_org_id, year),
    CHECK (held >= 0 AND held <= amount)
);

CREATE TABLE cases (
    id                INTEGER PRIMARY KEY,
    ref               TEXT NOT NULL UNIQUE,
    profile           TEXT NOT NULL,                 -- CN, EU, US
    mode              TEXT NOT NULL,                 -- ex_officio, on_application
    state             TEXT NOT NULL,                 -- the workflow's state
    office            TEXT NOT NULL,
    holder_org_id     INTEGER NOT NULL REFERENCES orgs(id),
    declaration_id    INTEGER REFERENCES declarations(id),
    channel           TEXT NOT NULL DEFAULT '',
    goods_value       INTEGER NOT NULL DEFAULT 0,     -- minor units of currency
    currency          TEXT NOT NULL,
    perishable        BOOLEAN NOT NULL DEFAULT FALSE,
    small_consignment BOOLEAN NOT NULL DEFAULT FALSE,
    patent            BOOLEAN NOT NULL DEFAULT FALSE,
    opened_by         INTEGER NOT NULL DEFAULT 0,
    opened_at         TIMESTAMP NOT NULL,
    closed_at         TIMESTAMP,
    version           INTEGER NOT NULL DEFAULT 1,     -- optimistic concurrency: every save bumps it
    determination     TEXT NOT NULL DEFAULT '',
    fine              INTEGER NOT NULL DEFAULT 0,
    fine_tier         TEXT NOT NULL DEFAULT '',
    fine_reason       TEXT NOT NULL DEFAULT '',
    bond_amount       INTEGER NOT NULL DEFAULT 0,
    bond_source       TEXT NOT NULL DEFAULT '',      -- '', cash, guarantee
    bond_guarantee_id INTEGER REFERENCES guarantees(id)
);
CREATE INDEX cases_state ON cases(state, opened_at);
CREATE INDEX cases_office ON cases(office, state, opened_at);
CREATE INDEX cases_holder ON cases(holder_org_id, opened_at);
CREATE INDEX cases_opened ON cases(opened_at);
CREATE INDEX cases_declaration ON cases(declaration_id);

CREATE TABLE case_rights (
    case_id  INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    right_id INTEGER NOT NULL REFERENCES rights(id),
    PRIMARY KEY (case_id, right_id)
);
CREATE INDEX case_rights_right ON case_rights(right_id);

CREATE TABLE case_items (
    id                   INTEGER PRIMARY KEY,
    case_id              INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    position             INTEGER NOT NULL,
    description          TEXT NOT NULL,
    quantity             INTEGER NOT NULL,
    unit                 TEXT NOT NULL,
    declared_value       INTEGER NOT NULL DEFAULT 0,
    assessed_value       INTEGER NOT NULL DEFAULT 0,
    location             TEXT NOT NULL DEFAULT '',
    storage_cost_per_day INTEGER NOT NULL DEFAULT 0,
    UNIQUE (case_id, position)
);

-- Photos and documents of an item: uploaded files, by content hash.
CREATE TABLE case_item_files (
    item_id  INTEGER NOT NULL REFERENCES case_items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    sha256   TEXT NOT NULL REFERENCES files(sha256),
    PRIMARY KEY (item_id, position)
);

CREATE TABLE case_events (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    occurred_at TIMESTAMP NOT NULL,
    actor_id    INTEGER NOT NULL DEFAULT 0,         -- 0 for the system
    kind        TEXT NOT NULL,
    from_state  TEXT NOT NULL DEFAULT '',
    to_state    TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_events_case ON case_events(case_id, occurred_at, id);

CREATE TABLE deadlines (
    id               INTEGER PRIMARY KEY,
    case_id          INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    name             TEXT NOT NULL,
    started_at       TIMESTAMP NOT NULL,
    due_date         TEXT NOT NULL DEFAULT '',      -- ISO date in the office's calendar
    due_at           TIMESTAMP NOT NULL,
    provisional      BOOLEAN NOT NULL DEFAULT FALSE,
    calendar_version TEXT NOT NULL DEFAULT '',
    state            TEXT NOT NULL,                 -- running, met, expired, default_pending, confirmed
    reminded_soon    BOOLEAN NOT NULL DEFAULT FALSE,
    reminded_overdue BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (case_id, name)
);
-- "Due soon", "overdue" and the reminder scan: open deadlines by due instant.
CREATE INDEX deadlines_due ON deadlines(state, due_at);

CREATE TABLE custody (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    item_id    INTEGER REFERENCES case_items(id),  -- NULL when the whole consignment moved
    moved_at   TIMESTAMP NOT NULL,
    moved_by   INTEGER NOT NULL DEFAULT 0,
    from_place TEXT NOT NULL DEFAULT '',
    to_place   TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    received   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX custody_case ON custody(case_id, moved_at, id);

CREATE TABLE identification_requests (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    due         TIMESTAMP NOT NULL,
    sent_at     TIMESTAMP NOT NULL,
    sent_by     INTEGER NOT NULL DEFAULT 0,
    answered_at TIMESTAMP
);
CREATE INDEX identification_requests_case ON identification_requests(case_id, id);
CREATE INDEX identification_requests_sent ON identification_requests(sent_at);

CREATE TABLE identification_request_items (
    request_id INTEGER NOT NULL REFERENCES identification_requests(id) ON DELETE CASCADE,
    item_id    INTEGER NOT NULL REFERENCES case_items(id),
    PRIMARY KEY (request_id, item_id)
);

-- The foreign key to the request's items keeps an answer for an item not asked about out.
CREATE TABLE identification_answers (
    request_id      INTEGER NOT NULL,
    item_id         INTEGER NOT NULL,
    verdict         TEXT NOT NULL,                  -- genuine, counterfeit, cannot_tell
    guide_point_ids TEXT NOT NULL DEFAULT '',       -- space-separated guide point ids
    points          TEXT NOT NULL DEFAULT '[]',     -- JSON array of the holder's own reasons
    answered_by     INTEGER NOT NULL DEFAULT 0,
    answered_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (request_id, item_id),
    FOREIGN KEY (request_id, item_id) REFERENCES identification_request_items(request_id, item_id) ON DELETE CASCADE
);

-- Every draw (positive) and release (negative): they add up to guarantees.held.
CREATE TABLE guarantee_moves (
    id           INTEGER PRIMARY KEY,
    guarantee_id INTEGER NOT NULL REFERENCES guarantees(id),
    case_id      INTEGER NOT NULL REFERENCES cases(id),
    amount       INTEGER NOT NULL,
    moved_at     TIMESTAMP NOT NULL,
    moved_by     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX guarantee_moves_guarantee ON guarantee_moves(guarantee_id, id);
CREATE INDEX guarantee_moves_case ON guarantee_moves(case_id);

-- Imported working-day calendars, every version kept: a deadline names the version it used.
CREATE TABLE calendars (
    id           INTEGER PRIMARY KEY,
    jurisdiction TEXT NOT NULL,
    year         INTEGER NOT NULL,
    version      TEXT NOT NULL,
    content      TEXT NOT NULL,
    imported_at  TIMESTAMP NOT NULL,
    imported_by  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (jurisdiction, year, version)
);
CREATE INDEX calendars_year ON calendars(jurisdiction, year, imported_at);
