# Writes OUTPUT: a C++ file whose function FUNCTION (in namespace allot::app)
# returns the text of INPUT, so data shipped with Allot needs no file at run time.
file(READ "${INPUT}" content)
file(WRITE "${OUTPUT}" "// Generated from ${SOURCE_NAME}; do not edit.\n#include <string_view>\nnamespace allot::app {\nstd::string_view ${FUNCTION}() {\n  static constexpr char kText[] = R\"allot_text(${content})allot_text\";\n  return {kText, sizeof(kText) - 1};\n}\n}  // namespace allot::app\n")
