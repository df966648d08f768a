-- name: the directory of community opportunities, every version of every entry kept
-- append-only: community_opportunities, community_opportunity_versions
-- Released: never edit; change the schema in a new file with the next free number.
CREATE TABLE community_opportunities (
  id {ID_PK},
  added_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  added_at TEXT NOT NULL
);
CREATE TABLE community_opportunity_versions (
  id {ID_PK},
  opportunity_id BIGINT NOT NULL REFERENCES community_opportunities (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  description TEXT NOT NULL,
  locality TEXT NOT NULL,
  address TEXT NOT NULL,
  postcode TEXT NOT NULL,
  latitude TEXT NOT NULL,
  longitude TEXT NOT NULL,
  located_by TEXT NOT NULL,
  opening_times TEXT NOT NULL,
  contact TEXT NOT NULL,
  client_groups TEXT NOT NULL,
  charge_pence BIGINT NOT NULL CHECK (charge_pence >= 0),
  charge_note TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  agency TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  UNIQUE (opportunity_id, version)
);
