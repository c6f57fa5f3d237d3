-- A run drops its unanswered claims by owner when it ends (release_unanswered): an index, not a scan,
-- once many workers share one memory.
CREATE INDEX IF NOT EXISTS claims_owner ON claims (owner);
