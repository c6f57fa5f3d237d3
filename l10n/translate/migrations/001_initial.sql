-- The translation memory as l10n created it before versioned migrations (a file of that time has
-- these tables already: IF NOT EXISTS leaves them as they are). Portable SQL: SQLite and PostgreSQL.
CREATE TABLE IF NOT EXISTS tm (
    provider          TEXT NOT NULL,
    source_lang       TEXT NOT NULL,
    target_lang       TEXT NOT NULL,
    glossary_version  TEXT NOT NULL,
    masked_source     TEXT NOT NULL,
    masked_target     TEXT NOT NULL,
    source            TEXT NOT NULL,
    target            TEXT NOT NULL,
    origin            TEXT NOT NULL CHECK (origin IN ('machine', 'human')),
    created           TEXT NOT NULL,
    PRIMARY KEY (provider, source_lang, target_lang, glossary_version, masked_source)
);
CREATE INDEX IF NOT EXISTS tm_human ON tm (source, source_lang, target_lang, origin);
-- One row per segment being sent: who sends it (owner, host, pid), since when (seconds since the
-- epoch), and the engine's raw answer as soon as it arrived.
CREATE TABLE IF NOT EXISTS claims (
    provider          TEXT NOT NULL,
    source_lang       TEXT NOT NULL,
    target_lang       TEXT NOT NULL,
    glossary_version  TEXT NOT NULL,
    masked_source     TEXT NOT NULL,
    owner             TEXT NOT NULL,
    host              TEXT NOT NULL,
    pid               INTEGER NOT NULL,
    claimed           DOUBLE PRECISION NOT NULL,
    answer            TEXT,
    PRIMARY KEY (provider, source_lang, target_lang, glossary_version, masked_source)
);
