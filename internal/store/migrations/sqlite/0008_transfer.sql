-- Criminal transfer to the police: thresholds per jurisdiction (versioned by
-- effective date), transfers with their clocks, their timeline, outcomes and dossier versions.

CREATE TABLE thresholds (
    id           INTEGER PRIMARY KEY,
    jurisdiction TEXT NOT NULL,
    code         TEXT NOT NULL,
    offence      TEXT NOT NULL,
    legal_basis  TEXT NOT NULL DEFAULT '',
    min_marks    INTEGER NOT NULL DEFAULT 1,
    volume       INTEGER NOT NULL DEFAULT 0,   -- minor units; 0 when not a test
    sales        INTEGER NOT NULL DEFAULT 0,
    gains        INTEGER NOT NULL DEFAULT 0,
    unsold       INTEGER NOT NULL DEFAULT 0,
    currency     TEXT NOT NULL,
    effective_on TEXT NOT NULL,                -- ISO date; the latest not after a day applies
    created_at   TIMESTAMP NOT NULL,
    created_by   INTEGER NOT NULL DEFAULT 0,
    UNIQUE (jurisdiction, code, effective_on)
);

-- CN defaults: Criminal Law Arts. 213-214; SPC/SPP Interpretation (2004) Art. 1-2;
-- Filing Standards of the SPP and the MPS (II) (2010) Arts. 69-70.
INSERT INTO thresholds (jurisdiction, code, offence, legal_basis, min_marks, volume, sales, gains, unsold, currency, effective_on, created_at) VALUES
 ('CN', 'counterfeit_mark', 'counterfeiting a registered trademark', 'Criminal Law Art. 213; SPC/SPP Interpretation (2004) Art. 1(1); Filing Standards (II) Art. 69', 1, 5000000, 0, 3000000, 0, 'CNY', '2010-05-07', '2010-05-07 00:00:00'),
 ('CN', 'counterfeit_marks', 'counterfeiting two or more registered trademarks', 'Criminal Law Art. 213; SPC/SPP Interpretation (2004) Art. 1(2); Filing Standards (II) Art. 69', 2, 3000000, 0, 2000000, 0, 'CNY', '2010-05-07', '2010-05-07 00:00:00'),
 ('CN', 'selling_counterfeit', 'selling goods bearing counterfeit registered trademarks', 'Criminal Law Art. 214; SPC/SPP Interpretation (2004) Art. 2; Filing Standards (II) Art. 70', 1, 0, 5000000, 0, 15000000, 'CNY', '2010-05-07', '2010-05-07 00:00:00');

CREATE TABLE transfers (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL REFERENCES cases(id),
    police_org_id INTEGER NOT NULL REFERENCES orgs(id),
    state         TEXT NOT NULL,
    reasons       TEXT NOT NULL DEFAULT '',
    thresholds    TEXT NOT NULL DEFAULT '',    -- codes met when proposed, comma-separated
    proposed_by   INTEGER NOT NULL DEFAULT 0,
    proposed_at   TIMESTAMP NOT NULL,
    approval_due  TIMESTAMP NOT NULL,
    decided_by    INTEGER NOT NULL DEFAULT 0,
    decided_at    TIMESTAMP,
    send_due      TIMESTAMP,
    first_sent_at TIMESTAMP,
    sent_at       TIMESTAMP,
    police_due    TIMESTAMP,
    police_at     TIMESTAMP,
    accepted_at   TIMESTAMP,
    police_reason TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX transfers_case ON transfers(case_id);
CREATE INDEX transfers_police ON transfers(police_org_id, state, proposed_at);
CREATE INDEX transfers_state ON transfers(state, proposed_at);

CREATE TABLE transfer_events (
    id          INTEGER PRIMARY KEY,
    transfer_id INTEGER NOT NULL REFERENCES transfers(id) ON DELETE CASCADE,
    at          TIMESTAMP NOT NULL,
    actor_id    INTEGER NOT NULL DEFAULT 0,
    kind        TEXT NOT NULL,
    from_state  TEXT NOT NULL DEFAULT '',
    to_state    TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX transfer_events_transfer ON transfer_events(transfer_id, at);

CREATE TABLE transfer_outcomes (
    id          INTEGER PRIMARY KEY,
    transfer_id INTEGER NOT NULL REFERENCES transfers(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    at          TIMESTAMP NOT NULL,
    by_user     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX transfer_outcomes_transfer ON transfer_outcomes(transfer_id, at);

-- Each dossier version as sent, JSON; a change after sending makes a new version.
CREATE TABLE transfer_dossiers (
    transfer_id INTEGER NOT NULL REFERENCES transfers(id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    content     TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    created_by  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (transfer_id, version)
);
