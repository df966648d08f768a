# Writes OUTPUT: a C++ file whose embedded_migration_files() (shared/migrations.h)
# returns every ROOT/<capability>/migrations/NNNN_words.sql, ordered by file name,
# so the program needs no SQL file at run time. Fails the build if a file name is
# not NNNN_words.sql or two files share a number.
cmake_policy(VERSION 3.25)
file(GLOB files RELATIVE "${ROOT}" "${ROOT}/*/migrations/*.sql")
set(keyed "")
foreach(file IN LISTS files)
  get_filename_component(name "${file}" NAME)
  list(APPEND keyed "${name}|${file}")
endforeach()
list(SORT keyed)

set(numbers "")
set(entries "")
foreach(entry IN LISTS keyed)
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 name)
  list(GET parts 1 file)
  if(NOT name MATCHES "^([0-9]+)_[a-z0-9_]+\\.sql$")
    message(FATAL_ERROR "src/allot/storage/${file}: a migration file is named NNNN_words.sql "
                        "(a number, then lower-case words joined by _)")
  endif()
  math(EXPR number "${CMAKE_MATCH_1}")
  if(number IN_LIST numbers)
    message(FATAL_ERROR "src/allot/storage/${file}: another migration already has number ${number}; "
                        "numbers are global across capabilities, take the next free one")
  endif()
  list(APPEND numbers ${number})
  file(READ "${ROOT}/${file}" content)
  string(APPEND entries "    {\"${file}\", R\"allot_sql(${content})allot_sql\"},\n")
endforeach()

file(WRITE "${OUTPUT}" "// Generated from src/allot/storage/*/migrations/*.sql by embed_migrations.cmake; do not edit.
#include \"allot/storage/shared/migrations.h\"

namespace allot::storage {

const std::vector<MigrationFile>& embedded_migration_files() {
  static const std::vector<MigrationFile> files = {
${entries}  };
  return files;
}

}  // namespace allot::storage
")
