-- Statistics: facts denormalised from cases, their declarations, items,
-- identification answers and transfers, kept current in the transaction that
-- changes them (store/stats.go), so dashboards never join the normalised tables.

-- One row per case and brand (the mark of one of its rights); lead_row = 1 on
-- the case's first brand, the row that counts the case when no brand is asked for.
CREATE TABLE stats_facts (
    case_id         BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    brand           TEXT NOT NULL,                -- '' when the case names no right
    lead_row        INTEGER NOT NULL,             -- 1 or 0
    month           TEXT NOT NULL,                -- '2026-03': when the case was opened, UTC
    profile         TEXT NOT NULL,
    office          TEXT NOT NULL,
    channel         TEXT NOT NULL,
    transport       TEXT NOT NULL,
    mode            TEXT NOT NULL,
    holder_org_id   BIGINT NOT NULL,
    declaration_id  BIGINT NOT NULL DEFAULT 0,   -- 0 on application without a declaration
    province        TEXT NOT NULL,                -- 'CN-ZJ' from the declaration's origin 'CN-ZJ-Yiwu'
    city            TEXT NOT NULL,                -- 'CN-ZJ-Yiwu'
    chapter         TEXT NOT NULL,                -- HS chapter: the hs_code's first two digits
    pieces          BIGINT NOT NULL,             -- sum of the items' quantities
    value           BIGINT NOT NULL,             -- minor units of the case's currency
    confirmed       INTEGER NOT NULL,             -- 1 when determined infringing
    answer_minutes  BIGINT,                      -- first answered identification request: sent → answered
    approval_minutes   BIGINT,                   -- latest transfer: proposed → approved
    sending_minutes    BIGINT,                   -- approved → first sent
    acceptance_minutes BIGINT,                   -- latest sending → accepted by the police
    PRIMARY KEY (case_id, brand)
);
CREATE INDEX stats_facts_month ON stats_facts(month);
CREATE INDEX stats_facts_holder ON stats_facts(holder_org_id, month);
CREATE INDEX stats_facts_brand ON stats_facts(brand, month);
CREATE INDEX stats_facts_office ON stats_facts(office, month);
CREATE INDEX stats_facts_channel ON stats_facts(channel, month);
CREATE INDEX stats_facts_transport ON stats_facts(transport, month);
CREATE INDEX stats_facts_province ON stats_facts(province, month);

-- Declarations each risk rule flagged, counted by month, office, channel and
-- transport; holder_org_id 0 counts every declaration, another the declarations
-- with a hit on that holder's rights (what a holder's own view shows).
CREATE TABLE stats_rule_flags (
    holder_org_id BIGINT NOT NULL,
    rule_id       BIGINT NOT NULL,
    month         TEXT NOT NULL,
    office        TEXT NOT NULL,
    channel       TEXT NOT NULL,
    transport     TEXT NOT NULL,
    flagged       BIGINT NOT NULL,
    PRIMARY KEY (holder_org_id, rule_id, month, office, channel, transport)
);

-- Monthly rollups ("cubes") of the facts, which the dashboards read instead of
-- the facts: each sums the fact rows sharing its key. RefreshCaseStats applies
-- a case's change to them as a delta in the same transaction (rows that reach
-- zero batches are deleted), RebuildStats recomputes them. A view reads the
-- smallest cube that has its dimension and every column its filter names
-- (stats_query.go); each key starts with what the views select by, so a query
-- reads one range of the key and groups without sorting where it can.

-- Every dimension but the origin region (about 15,000 rows for 100,000 cases).
CREATE TABLE stats_cube (
    profile       TEXT NOT NULL,
    lead_row      INTEGER NOT NULL,
    month         TEXT NOT NULL,
    office        TEXT NOT NULL,
    channel       TEXT NOT NULL,
    transport     TEXT NOT NULL,
    holder_org_id BIGINT NOT NULL,
    brand         TEXT NOT NULL,
    mode          TEXT NOT NULL,
    chapter       TEXT NOT NULL,
    batches       BIGINT NOT NULL,               -- fact rows (cases, or case-brands off the lead row)
    pieces        BIGINT NOT NULL,
    value         BIGINT NOT NULL,
    PRIMARY KEY (profile, lead_row, month, office, channel, transport, mode, holder_org_id, brand, chapter)
);

-- The same with the origin province (about 38,000 rows).
CREATE TABLE stats_province_cube (
    profile       TEXT NOT NULL,
    lead_row      INTEGER NOT NULL,
    month         TEXT NOT NULL,
    office        TEXT NOT NULL,
    channel       TEXT NOT NULL,
    transport     TEXT NOT NULL,
    holder_org_id BIGINT NOT NULL,
    brand         TEXT NOT NULL,
    mode          TEXT NOT NULL,
    chapter       TEXT NOT NULL,
    province      TEXT NOT NULL,
    batches       BIGINT NOT NULL,               -- fact rows (cases, or case-brands off the lead row)
    pieces        BIGINT NOT NULL,
    value         BIGINT NOT NULL,
    PRIMARY KEY (profile, lead_row, province, month, office, channel, transport, mode, holder_org_id, brand, chapter)
);

-- Origin cities, without the product chapter and mode (about 48,000 rows).
CREATE TABLE stats_city_cube (
    profile       TEXT NOT NULL,
    lead_row      INTEGER NOT NULL,
    month         TEXT NOT NULL,
    office        TEXT NOT NULL,
    channel       TEXT NOT NULL,
    transport     TEXT NOT NULL,
    holder_org_id BIGINT NOT NULL,
    brand         TEXT NOT NULL,
    province      TEXT NOT NULL,
    city          TEXT NOT NULL,
    batches       BIGINT NOT NULL,               -- fact rows (cases, or case-brands off the lead row)
    pieces        BIGINT NOT NULL,
    value         BIGINT NOT NULL,
    PRIMARY KEY (profile, lead_row, province, city, month, office, channel, transport, holder_org_id, brand)
);

-- Cases (fact rows) opened on declarations each risk rule flagged, and the
-- confirmed ones among them, by every filter's column.
CREATE TABLE stats_rule_cases (
    rule_id       BIGINT NOT NULL,
    profile       TEXT NOT NULL,
    lead_row      INTEGER NOT NULL,
    month         TEXT NOT NULL,
    office        TEXT NOT NULL,
    channel       TEXT NOT NULL,
    transport     TEXT NOT NULL,
    holder_org_id BIGINT NOT NULL,
    brand         TEXT NOT NULL,
    province      TEXT NOT NULL,
    cases         BIGINT NOT NULL,
    confirmed     BIGINT NOT NULL,
    PRIMARY KEY (profile, lead_row, rule_id, month, office, channel, transport, holder_org_id, brand, province)
);

-- Histograms of the durations in the facts, in whole hours (minutes / 60,
-- rounded down): the percentiles computed from them are within one hour of the
-- exact ones. stage is answer (identification request sent → answered),
-- approval, sending or acceptance (the transfer's hand-overs).
CREATE TABLE stats_durations (
    stage         TEXT NOT NULL,
    profile       TEXT NOT NULL,
    lead_row      INTEGER NOT NULL,
    month         TEXT NOT NULL,
    office        TEXT NOT NULL,
    channel       TEXT NOT NULL,
    transport     TEXT NOT NULL,
    holder_org_id BIGINT NOT NULL,
    brand         TEXT NOT NULL,
    province      TEXT NOT NULL,
    hours         BIGINT NOT NULL,
    n             BIGINT NOT NULL,
    PRIMARY KEY (stage, profile, lead_row, holder_org_id, hours, month, office, channel, transport, brand, province)
);
CREATE INDEX stats_durations_office ON stats_durations(stage, profile, lead_row, office, hours);

-- Working groups by member, for the group view and filter.
CREATE INDEX working_group_members_holder ON working_group_members(holder_id, group_id);
