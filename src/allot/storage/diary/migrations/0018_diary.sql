-- name: the shared support diary: entries and their versions
-- append-only: diary_entries, diary_entry_versions
-- Released: never edit; change the schema in a new file with the next free number.
CREATE TABLE diary_entries (
  id {ID_PK},
  person_id BIGINT NOT NULL REFERENCES people (id),
  created_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX diary_entries_person ON diary_entries (person_id, id);
CREATE TABLE diary_entry_versions (
  entry_id BIGINT NOT NULL REFERENCES diary_entries (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('visit', 'review', 'appointment', 'enablement_session', 'note')),
  on_date TEXT NOT NULL,
  start_minute INTEGER CHECK (start_minute >= 0 AND start_minute < 1440),
  end_minute INTEGER CHECK (end_minute > 0 AND end_minute <= 1440),
  place TEXT NOT NULL,
  title TEXT NOT NULL,
  details TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'done', 'cancelled')),
  cancel_reason TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  PRIMARY KEY (entry_id, version)
);
CREATE INDEX diary_entry_versions_date ON diary_entry_versions (on_date);
