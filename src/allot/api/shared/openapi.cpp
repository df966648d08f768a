#include "allot/api/shared/openapi.h"

#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "allot/api/api.h"

namespace allot::api {

namespace {

using Document = nlohmann::ordered_json;

// Adds every member of part[section] to document[section]. A name given twice
// is a mistake in the parts, found the first time the document is read (the
// route tests read it).
void join_section(Document& into, const Document& part, const nlohmann::json::json_pointer& section,
                  std::string_view source) {
  if (!part.contains(section)) return;
  Document& target = into[section];
  for (const auto& [name, value] : part.at(section).items()) {
    if (target.contains(name)) {
      throw std::logic_error(std::string(source) + " defines " + section.to_string() + "/" + name + " again");
    }
    target[name] = value;
  }
}

std::string join_parts() {
  const auto parts = openapi_parts();
  Document document = Document::parse(parts.front().text);
  for (const OpenApiPart& part : parts.subspan(1)) {
    const Document parsed = Document::parse(part.text);
    join_section(document, parsed, nlohmann::json::json_pointer("/paths"), part.source);
    join_section(document, parsed, nlohmann::json::json_pointer("/components/schemas"), part.source);
  }
  return document.dump(2);
}

}  // namespace

std::string_view openapi_document() {
  static const std::string document = join_parts();
  return document;
}

}  // namespace allot::api
