#include "allot/base/issue.h"

namespace allot {

const char* error_code_name(ErrorCode code) { return kErrorCodes.name(code); }

std::string format_issues(const Issues& issues) {
  std::string out;
  for (const Issue& issue : issues) {
    out += issue.path.empty() ? issue.message : issue.path + ": " + issue.message;
    out += '\n';
  }
  return out;
}

}  // namespace allot
