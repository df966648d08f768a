# Writes OUTPUT: a C++ file holding INPUT (the OpenAPI document) as a string.
file(READ "${INPUT}" content)
file(WRITE "${OUTPUT}" "// Generated from src/allot/api/openapi.json; do not edit.\n#include <string_view>\nnamespace allot::api {\nstd::string_view openapi_document() {\n  static constexpr char kDocument[] = R\"allot_openapi(${content})allot_openapi\";\n  return {kDocument, sizeof(kDocument) - 1};\n}\n}  // namespace allot::api\n")
