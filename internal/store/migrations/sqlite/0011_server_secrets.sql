-- Secrets the server keeps across restarts and shares between its instances, by
-- name (such as the key that signs the public tip line's proof-of-work challenges).
-- Made once at random; the first instance to insert one wins, the others read it.
CREATE TABLE server_secrets (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,     -- hex
    created_at TIMESTAMP NOT NULL
);
