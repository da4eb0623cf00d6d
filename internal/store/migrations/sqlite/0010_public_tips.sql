-- The public tip line: reports of suspected counterfeits from anyone, and customs' triage.
-- Nothing identifies the reporter; the secret that goes with the receipt is kept as a SHA-256.
CREATE TABLE public_tips (
    id          INTEGER PRIMARY KEY,
    receipt     TEXT NOT NULL UNIQUE,
    secret_hash TEXT NOT NULL,
    what        TEXT NOT NULL,
    place       TEXT NOT NULL,
    seller      TEXT NOT NULL DEFAULT '',
    shipment    TEXT NOT NULL DEFAULT '',
    lang        TEXT NOT NULL,
    status      TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    triaged_by  INTEGER NOT NULL DEFAULT 0,
    triaged_at  TIMESTAMP,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX public_tips_queue ON public_tips(status, created_at, id);

CREATE TABLE public_tip_photos (
    tip_id       INTEGER NOT NULL REFERENCES public_tips(id) ON DELETE CASCADE,
    sha256       TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    name         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (tip_id, sha256)
);
