-- The public tip line's proof-of-work challenges already spent: a solved
-- challenge buys one report, whichever server takes it and across restarts.
CREATE TABLE spent_challenges (
    hash     TEXT PRIMARY KEY,           -- SHA-256 (hex) of the signed challenge
    spent_at TIMESTAMP NOT NULL
);
CREATE INDEX spent_challenges_at ON spent_challenges(spent_at);
