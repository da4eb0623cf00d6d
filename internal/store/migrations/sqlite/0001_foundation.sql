-- Organisations, users, sign-in, API tokens and the audit chain.
CREATE TABLE orgs (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    name_zh    TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL,
    parent_id  INTEGER REFERENCES orgs(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX orgs_kind ON orgs(kind, name);

CREATE TABLE agent_clients (
    agent_id  INTEGER NOT NULL REFERENCES orgs(id),
    holder_id INTEGER NOT NULL REFERENCES orgs(id),
    PRIMARY KEY (agent_id, holder_id)
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL,
    org_id        INTEGER NOT NULL REFERENCES orgs(id),
    lang          TEXT NOT NULL DEFAULT 'en',
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX users_org ON users(org_id);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_expiry ON sessions(expires_at);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    prefix       TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked      BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE login_failures (
    email          TEXT PRIMARY KEY,
    failures       INTEGER NOT NULL,
    last_failed_at TIMESTAMP NOT NULL,
    locked_until   TIMESTAMP
);

CREATE TABLE audit_events (
    seq         INTEGER PRIMARY KEY,
    time        TIMESTAMP NOT NULL,
    actor_id    INTEGER NOT NULL,
    actor_email TEXT NOT NULL,
    org_id      INTEGER NOT NULL,
    action      TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id   TEXT NOT NULL,
    object_org  INTEGER NOT NULL,
    before_text TEXT NOT NULL,
    after_text  TEXT NOT NULL,
    request_id  TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_events_org ON audit_events(org_id, seq);
CREATE INDEX audit_events_object_org ON audit_events(object_org, seq);
CREATE INDEX audit_events_action ON audit_events(action, seq);
CREATE INDEX audit_events_time ON audit_events(time);

CREATE TABLE working_groups (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    name       TEXT NOT NULL UNIQUE,
    name_zh    TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);
