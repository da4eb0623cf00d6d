-- Screening: declarations as received, what screening found in them, what officers
-- decided, and customs' risk rules.
CREATE TABLE declarations (
    id                INTEGER PRIMARY KEY,
    ref               TEXT NOT NULL UNIQUE,          -- the declaration's own id
    channel           TEXT NOT NULL DEFAULT '',
    direction         TEXT NOT NULL DEFAULT '',
    declared_at       TIMESTAMP NOT NULL,
    customs_office    TEXT NOT NULL DEFAULT '',
    origin            TEXT NOT NULL DEFAULT '',
    destination       TEXT NOT NULL DEFAULT '',
    transport         TEXT NOT NULL DEFAULT '',
    route             TEXT NOT NULL DEFAULT '',
    port              TEXT NOT NULL DEFAULT '',
    consignor         TEXT NOT NULL DEFAULT '',
    consignor_address TEXT NOT NULL DEFAULT '',
    consignee         TEXT NOT NULL DEFAULT '',
    consignee_address TEXT NOT NULL DEFAULT '',
    hs_code           TEXT NOT NULL DEFAULT '',
    description       TEXT NOT NULL DEFAULT '',
    brand             TEXT NOT NULL DEFAULT '',
    quantity          REAL NOT NULL DEFAULT 0,
    weight_kg         REAL NOT NULL DEFAULT 0,
    value             REAL NOT NULL DEFAULT 0,
    currency          TEXT NOT NULL DEFAULT '',
    received_at       TIMESTAMP NOT NULL,
    submitted_by      INTEGER NOT NULL DEFAULT 0,
    risk              INTEGER NOT NULL,
    status            TEXT NOT NULL,                 -- clear, flagged, dismissed, inspection
    decided_by        INTEGER NOT NULL DEFAULT 0,
    decided_at        TIMESTAMP,
    decision_reason   TEXT NOT NULL DEFAULT ''
);
-- The officer's queue: by status and risk, optionally within an office or a channel.
CREATE INDEX declarations_queue ON declarations(status, risk DESC, id DESC);
CREATE INDEX declarations_office ON declarations(customs_office, status, risk DESC);
CREATE INDEX declarations_channel ON declarations(channel, status, risk DESC);
CREATE INDEX declarations_declared ON declarations(declared_at);
CREATE INDEX declarations_received ON declarations(received_at);

CREATE TABLE declaration_hits (
    declaration_id INTEGER NOT NULL REFERENCES declarations(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    right_id       INTEGER REFERENCES rights(id) ON DELETE SET NULL,
    right_ref      TEXT NOT NULL,
    mark           TEXT NOT NULL,
    matched        TEXT NOT NULL,
    field          TEXT NOT NULL,
    start_byte     INTEGER NOT NULL,
    end_byte       INTEGER NOT NULL,
    method         TEXT NOT NULL,
    score          REAL NOT NULL,
    authorised     BOOLEAN NOT NULL DEFAULT FALSE,
    reasons        TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    PRIMARY KEY (declaration_id, position)
);
CREATE INDEX declaration_hits_right ON declaration_hits(right_id, declaration_id);
CREATE INDEX declaration_hits_ref ON declaration_hits(right_ref);

-- Rules a declaration met, as they stood then: a rule changed or deleted later
-- leaves the record as it was (hence no foreign key).
CREATE TABLE declaration_rules (
    declaration_id INTEGER NOT NULL REFERENCES declarations(id) ON DELETE CASCADE,
    rule_id        INTEGER NOT NULL,
    name           TEXT NOT NULL,
    weight         INTEGER NOT NULL,
    reason         TEXT NOT NULL,
    PRIMARY KEY (declaration_id, rule_id)
);
CREATE INDEX declaration_rules_rule ON declaration_rules(rule_id, declaration_id);

-- AUTOINCREMENT: a deleted rule's id is never given to a new one, so past hits keep their meaning.
CREATE TABLE rules (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT NOT NULL,
    weight         INTEGER NOT NULL,
    expires        TEXT NOT NULL DEFAULT '',     -- ISO date, '' for never
    condition_json TEXT NOT NULL,
    source         TEXT NOT NULL DEFAULT '',
    active         BOOLEAN NOT NULL DEFAULT TRUE,
    created_by     INTEGER NOT NULL DEFAULT 0,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX rules_active ON rules(active, id);
