#pragma once
// One line per event on standard error, with a UTC time stamp. Never log secrets
// (passwords, tokens, database passwords).
//
// Thread-safety: safe to call from several threads; lines never interleave.

#include <string_view>

namespace allot::api {

void log_line(std::string_view line);

}  // namespace allot::api
