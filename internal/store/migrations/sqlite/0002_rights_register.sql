-- The rights register: recordations, supply chain, infringers, catalogue, guides, contacts, files, alerts.
CREATE TABLE rights (
    id              INTEGER PRIMARY KEY,
    ref             TEXT NOT NULL UNIQUE,
    holder_id       INTEGER NOT NULL REFERENCES orgs(id),
    kind            TEXT NOT NULL,
    reg_number      TEXT NOT NULL DEFAULT '',
    reg_office      TEXT NOT NULL DEFAULT '',
    jurisdiction    TEXT NOT NULL,
    owner           TEXT NOT NULL DEFAULT '',
    mark            TEXT NOT NULL,
    mark_search     TEXT NOT NULL,               -- mark, variants and ref, lower-cased, for search
    variants        TEXT NOT NULL DEFAULT '',    -- '|'-separated
    nice_classes    TEXT NOT NULL DEFAULT '',    -- ' 9 25 ' (padded so ' 9 ' matches one class)
    goods           TEXT NOT NULL DEFAULT '',
    valid_from      TEXT NOT NULL DEFAULT '',    -- ISO dates
    valid_to        TEXT NOT NULL,
    status          TEXT NOT NULL,
    reject_reason   TEXT NOT NULL DEFAULT '',
    submitted_at    TIMESTAMP,
    decision_due    TEXT NOT NULL DEFAULT '',
    due_in_calendar BOOLEAN NOT NULL DEFAULT FALSE,
    decided_at      TIMESTAMP,
    record_from     TEXT NOT NULL DEFAULT '',
    record_to       TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);
CREATE INDEX rights_holder ON rights(holder_id, status);
CREATE INDEX rights_status ON rights(status, record_to);
CREATE INDEX rights_mark ON rights(mark);

CREATE TABLE right_parties (
    id       INTEGER PRIMARY KEY,
    right_id INTEGER NOT NULL REFERENCES rights(id) ON DELETE CASCADE,
    role     TEXT NOT NULL,
    name     TEXT NOT NULL,
    address  TEXT NOT NULL DEFAULT '',
    reg_code TEXT NOT NULL DEFAULT ''
);
CREATE INDEX right_parties_right ON right_parties(right_id);

CREATE TABLE amendments (
    id         INTEGER PRIMARY KEY,
    right_id   INTEGER NOT NULL REFERENCES rights(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    owner      TEXT NOT NULL DEFAULT '',
    licensees  TEXT NOT NULL DEFAULT '',   -- one a line
    contacts   TEXT NOT NULL DEFAULT '',
    valid_to   TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    filed_by   INTEGER NOT NULL,
    filed_at   TIMESTAMP NOT NULL,
    decided_by INTEGER NOT NULL DEFAULT 0,
    decided_at TIMESTAMP
);
CREATE INDEX amendments_right ON amendments(right_id, id);
CREATE INDEX amendments_status ON amendments(status, filed_at);

CREATE TABLE infringers (
    id         INTEGER PRIMARY KEY,
    holder_id  INTEGER NOT NULL REFERENCES orgs(id),
    kind       TEXT NOT NULL,
    name       TEXT NOT NULL DEFAULT '',
    address    TEXT NOT NULL DEFAULT '',
    route      TEXT NOT NULL DEFAULT '',
    evidence   TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX infringers_holder ON infringers(holder_id);

CREATE TABLE contacts (
    id         INTEGER PRIMARY KEY,
    holder_id  INTEGER NOT NULL REFERENCES orgs(id),
    name       TEXT NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    email      TEXT NOT NULL DEFAULT '',
    languages  TEXT NOT NULL DEFAULT '',
    hours      TEXT NOT NULL DEFAULT '',
    escalation BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX contacts_holder ON contacts(holder_id);

CREATE TABLE files (
    sha256       TEXT PRIMARY KEY,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    name         TEXT NOT NULL DEFAULT '',
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    uploaded_by  INTEGER NOT NULL,
    created_at   TIMESTAMP NOT NULL
);

CREATE TABLE products (
    id         INTEGER PRIMARY KEY,
    right_id   INTEGER NOT NULL REFERENCES rights(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    model      TEXT NOT NULL DEFAULT '',
    hs_codes   TEXT NOT NULL DEFAULT '',   -- space-separated
    barcodes   TEXT NOT NULL DEFAULT '',   -- space-separated GTINs
    price_min  REAL NOT NULL DEFAULT 0,
    price_max  REAL NOT NULL DEFAULT 0,
    currency   TEXT NOT NULL DEFAULT '',
    packaging  TEXT NOT NULL DEFAULT '',
    made_in    TEXT NOT NULL DEFAULT '',
    routes     TEXT NOT NULL DEFAULT '',
    ports      TEXT NOT NULL DEFAULT '',
    photos     TEXT NOT NULL DEFAULT '',   -- space-separated file hashes
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX products_right ON products(right_id);

CREATE TABLE guide_points (
    id            INTEGER PRIMARY KEY,
    product_id    INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    title         TEXT NOT NULL,
    genuine       TEXT NOT NULL DEFAULT '',
    fake          TEXT NOT NULL DEFAULT '',
    genuine_photo TEXT NOT NULL DEFAULT '',
    fake_photo    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX guide_points_product ON guide_points(product_id, position);

CREATE TABLE working_group_members (
    group_id  INTEGER NOT NULL REFERENCES working_groups(id) ON DELETE CASCADE,
    holder_id INTEGER NOT NULL REFERENCES orgs(id),
    PRIMARY KEY (group_id, holder_id)
);
ALTER TABLE working_groups ADD COLUMN problems TEXT NOT NULL DEFAULT '';

CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    kind        TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id   INTEGER NOT NULL,
    text        TEXT NOT NULL,
    args        TEXT NOT NULL DEFAULT '',
    due_on      TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    read_at     TIMESTAMP,
    UNIQUE (org_id, kind, object_type, object_id, due_on)
);
CREATE INDEX notifications_org ON notifications(org_id, id);
