-- Risk intelligence: right holders' tips, the rule each became, and the
-- working groups they are shared with.
CREATE TABLE tips (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER NOT NULL REFERENCES orgs(id),
    title          TEXT NOT NULL,
    lists_json     TEXT NOT NULL DEFAULT '{}',   -- consignors, consignees, addresses, factories, routes, ports, transports, hs_codes
    unit_value_min REAL NOT NULL DEFAULT 0,
    unit_value_max REAL NOT NULL DEFAULT 0,
    window_from    TEXT NOT NULL DEFAULT '',     -- ISO dates, '' for no bound
    window_to      TEXT NOT NULL DEFAULT '',
    confidence     TEXT NOT NULL,
    notes          TEXT NOT NULL DEFAULT '',
    expires        TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'open', -- open, ruled, dismissed
    rule_id        INTEGER NOT NULL DEFAULT 0,   -- no foreign key: a deleted rule leaves the link's history
    reason         TEXT NOT NULL DEFAULT '',
    reviewed_by    INTEGER NOT NULL DEFAULT 0,
    reviewed_at    TIMESTAMP,
    created_by     INTEGER NOT NULL DEFAULT 0,
    created_at     TIMESTAMP NOT NULL
);
CREATE INDEX tips_queue ON tips(status, id DESC);
CREATE INDEX tips_org ON tips(org_id, id DESC);
CREATE INDEX tips_rule ON tips(rule_id);

CREATE TABLE tip_files (
    tip_id   INTEGER NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    sha256   TEXT NOT NULL REFERENCES files(sha256),
    PRIMARY KEY (tip_id, position)
);

CREATE TABLE tip_shares (
    tip_id     INTEGER NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
    group_id   INTEGER NOT NULL REFERENCES working_groups(id) ON DELETE CASCADE,
    anonymised BOOLEAN NOT NULL DEFAULT FALSE,
    shared_by  INTEGER NOT NULL DEFAULT 0,
    shared_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (tip_id, group_id)
);
CREATE INDEX tip_shares_group ON tip_shares(group_id, tip_id);
