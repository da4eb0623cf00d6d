-- Files are stored once by content, but the same picture may be uploaded by several
-- right holders (an agent filing for two clients, say). files.org_id keeps the first
-- uploader; file_orgs lists every organisation whose data the file belongs to, and so
-- decides who may see it.
CREATE TABLE file_orgs (
    sha256 TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    PRIMARY KEY (sha256, org_id)
);
INSERT INTO file_orgs (sha256, org_id) SELECT sha256, org_id FROM files;
