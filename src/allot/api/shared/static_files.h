#pragma once
// Serving the built pages (web/dist). Paths that name no file and look like a
// page (no dot in the last segment) get index.html, so client-side routes work.

#include <string>

#include "allot/api/shared/http.h"

namespace allot::api {

// GET or HEAD of `request.path` from `web_root`. Never leaves web_root.
HttpResponse serve_static(const std::string& web_root, const HttpRequest& request);

// "text/html; charset=utf-8" for "index.html", by extension.
std::string content_type_for(std::string_view path);

}  // namespace allot::api
