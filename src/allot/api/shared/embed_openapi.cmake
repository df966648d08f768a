# Writes OUTPUT: a C++ file holding each OpenAPI part named in PARTS (paths
# separated by "|") as a string, in order; openapi.cpp joins them into one
# document.
string(REPLACE "|" ";" part_files "${PARTS}")
set(body "")
foreach(part_file IN LISTS part_files)
  file(READ "${part_file}" content)
  file(RELATIVE_PATH name "${SOURCE_ROOT}" "${part_file}")
  string(APPEND body "      {\"${name}\", R\"allot_openapi(${content})allot_openapi\"},\n")
endforeach()
file(WRITE "${OUTPUT}" "// Generated from each capability's openapi.json; do not edit.
#include \"allot/api/shared/openapi.h\"
namespace allot::api {
std::span<const OpenApiPart> openapi_parts() {
  static constexpr OpenApiPart kParts[] = {
${body}  };
  return kParts;
}
}  // namespace allot::api
")
