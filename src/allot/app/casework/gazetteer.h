#pragma once
// The council's address gazetteer (docs/api.md, "Casework"): a CSV of addresses
// with their UPRN or postcode and their latitude and longitude, imported whole
// (every bad row reported, nothing stored until every row is good). A person's
// location comes from it: their address and postcode, or their postcode alone,
// so staff are never asked for latitude and longitude.
//
// Columns, in any order, names case-insensitive: uprn, postcode, address,
// latitude, longitude. Each row needs an address, a UPRN or a postcode (or both),
// and a latitude (-90 to 90) and longitude (-180 to 180) as decimal degrees.
//
// Thread-safety: safe from several threads; Store and Clock outlive the service.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/app/casework/records.h"
#include "allot/app/shared/principal.h"
#include "allot/app/shared/store.h"

namespace allot::app {

// Reads gazetteer CSV text: every problem at once, paths "NAME:ROW" (row 1 is the
// header) or "NAME" for the header, with the column named in the message.
Result<std::vector<GazetteerAddress>> read_gazetteer_csv(std::string_view text, std::string_view source_name);

// Where a person is, from the gazetteer.
struct Location {
  std::string latitude;
  std::string longitude;
  std::string matched;   // "address" (address and postcode matched) or "postcode" (the postcode's first address)
  std::string address;   // the gazetteer's address that gave it
  std::string uprn;
  bool operator==(const Location&) const = default;
};

class Gazetteer {
 public:
  Gazetteer(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Needs addresses.import; audited.
  Result<GazetteerImport> import_csv(const Principal& by, std::string_view text, std::string_view source_name);
  // The latest import (none before the first). Needs addresses.read.
  Result<std::optional<GazetteerImport>> latest(const Principal& by);
  // Addresses with this postcode or UPRN (either may be empty, not both:
  // kMissingField). A postcode not the shape of a UK postcode is kInvalidValue.
  Result<std::vector<GazetteerAddress>> find(const Principal& by, std::string_view postcode, std::string_view uprn);
  // A person's location from their postcode and address; none when the gazetteer
  // does not know the postcode. Needs people's notes.read (who may read the record).
  Result<std::optional<Location>> locate(const Principal& by, Id person_id);
  // The same inside the caller's transaction, for a service that has checked its
  // own permission (placing a person's care at home package at their address):
  // no person-level check here.
  static Result<std::optional<Location>> locate_in(Transaction& tx, Id person_id);

  // Imports inside the caller's transaction (demo data).
  static Result<GazetteerImport> import_in(Transaction& tx, const Actor& by, Timestamp now, std::string_view text,
                                           std::string_view source_name);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace allot::app
