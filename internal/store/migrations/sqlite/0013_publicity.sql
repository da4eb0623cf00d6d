-- Publicity: news articles (each language a row, translations sharing a group),
-- best-practice notes, and members' questions to customs with their answers.
CREATE TABLE article_groups (
    id         INTEGER PRIMARY KEY,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    group_id     INTEGER NOT NULL REFERENCES article_groups(id),
    lang         TEXT NOT NULL,                  -- en, zh
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,                  -- Markdown
    status       TEXT NOT NULL DEFAULT 'draft',  -- draft, published
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    created_by   INTEGER NOT NULL DEFAULT 0,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL,
    published_by INTEGER NOT NULL DEFAULT 0,
    published_at TIMESTAMP
);
CREATE UNIQUE INDEX articles_group_lang ON articles(group_id, lang);
CREATE INDEX articles_public ON articles(status, lang, published_at DESC, id DESC);
CREATE INDEX articles_org ON articles(org_id, id DESC);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    PRIMARY KEY (article_id, tag)
);
CREATE INDEX article_tags_tag ON article_tags(tag, article_id);

CREATE TABLE article_images (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    sha256     TEXT NOT NULL REFERENCES files(sha256),
    PRIMARY KEY (article_id, position)
);
CREATE INDEX article_images_sha ON article_images(sha256, article_id);

CREATE TABLE practice_notes (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_by INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX practice_notes_org ON practice_notes(org_id, id DESC);

CREATE TABLE practice_tags (
    note_id INTEGER NOT NULL REFERENCES practice_notes(id) ON DELETE CASCADE,
    tag     TEXT NOT NULL,
    PRIMARY KEY (note_id, tag)
);
CREATE INDEX practice_tags_tag ON practice_tags(tag, note_id);

CREATE TABLE questions (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    case_id     INTEGER REFERENCES cases(id),    -- NULL when not about a case
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    shared      BOOLEAN NOT NULL DEFAULT FALSE,  -- visible to all members
    asked_by    INTEGER NOT NULL DEFAULT 0,
    asked_at    TIMESTAMP NOT NULL,
    answer      TEXT NOT NULL DEFAULT '',
    answered_by INTEGER NOT NULL DEFAULT 0,
    answered_at TIMESTAMP
);
CREATE INDEX questions_org ON questions(org_id, id DESC);
CREATE INDEX questions_shared ON questions(shared, id DESC);
CREATE INDEX questions_answered ON questions(answered_at, id DESC);
