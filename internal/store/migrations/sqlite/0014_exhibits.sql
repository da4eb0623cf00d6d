-- The exhibition of genuine versus counterfeit goods, and anonymised model cases.
-- An exhibit's working copy is the holder's; published_json is the version customs
-- last approved, the only one public pages read ('' until the first approval).
CREATE TABLE exhibits (
    id             INTEGER PRIMARY KEY,
    holder_id      INTEGER NOT NULL REFERENCES orgs(id),
    right_id       INTEGER NOT NULL REFERENCES rights(id),
    group_id       INTEGER NOT NULL DEFAULT 0,   -- 0 for none; checked against the holder's groups when saved
    title          TEXT NOT NULL DEFAULT '',
    title_zh       TEXT NOT NULL DEFAULT '',
    body           TEXT NOT NULL DEFAULT '',
    genuine_photo  TEXT NOT NULL DEFAULT '',     -- SHA-256 of a file of the holder, '' for none
    fake_photo     TEXT NOT NULL DEFAULT '',
    points_json    TEXT NOT NULL DEFAULT '[]',
    status         TEXT NOT NULL,                -- draft, submitted, approved, rejected
    reject_reason  TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1,
    created_by     INTEGER NOT NULL DEFAULT 0,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL,
    submitted_at   TIMESTAMP,
    decided_by     INTEGER NOT NULL DEFAULT 0,
    decided_at     TIMESTAMP,
    published_json TEXT NOT NULL DEFAULT '',
    published_at   TIMESTAMP,
    pub_right_id   INTEGER NOT NULL DEFAULT 0,   -- the published version's brand and group, for the public filters
    pub_group_id   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX exhibits_holder ON exhibits(holder_id, id DESC);
CREATE INDEX exhibits_status ON exhibits(status, id DESC);
CREATE INDEX exhibits_public ON exhibits(published_at, id);
CREATE INDEX exhibits_public_right ON exhibits(pub_right_id, published_at);
CREATE INDEX exhibits_public_group ON exhibits(pub_group_id, published_at);

-- A model case keeps only what customs chose to reveal, with names removed;
-- case_id lets customs update or withdraw it and is never shown.
CREATE TABLE model_cases (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL UNIQUE REFERENCES cases(id),
    title         TEXT NOT NULL,
    snapshot_json TEXT NOT NULL,
    search_text   TEXT NOT NULL DEFAULT '',    -- lower case: title, text and revealed facts
    status        TEXT NOT NULL,               -- published, withdrawn
    published_by  INTEGER NOT NULL DEFAULT 0,
    published_at  TIMESTAMP NOT NULL
);
CREATE INDEX model_cases_public ON model_cases(status, published_at DESC, id DESC);
