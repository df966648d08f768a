#include "allot/api/shared/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "allot/api/shared/router.h"

namespace allot::api {
namespace {

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

HttpResponse not_found_page() {
  HttpResponse response;
  response.status = 404;
  response.set_header("Content-Type", "text/plain; charset=utf-8");
  response.body = "Not found\n";
  return response;
}

}  // namespace

std::string content_type_for(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  const std::string_view extension = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
  if (extension == "html") return "text/html; charset=utf-8";
  if (extension == "js" || extension == "mjs") return "text/javascript; charset=utf-8";
  if (extension == "css") return "text/css; charset=utf-8";
  if (extension == "json" || extension == "map") return "application/json; charset=utf-8";
  if (extension == "webmanifest") return "application/manifest+json";
  if (extension == "svg") return "image/svg+xml";
  if (extension == "png") return "image/png";
  if (extension == "jpg" || extension == "jpeg") return "image/jpeg";
  if (extension == "ico") return "image/x-icon";
  if (extension == "woff2") return "font/woff2";
  if (extension == "woff") return "font/woff";
  if (extension == "txt") return "text/plain; charset=utf-8";
  if (extension == "csv") return "text/csv; charset=utf-8";
  return "application/octet-stream";
}

HttpResponse serve_static(const std::string& web_root, const HttpRequest& request) {
  const std::vector<std::string_view> segments = split_path(request.path);
  std::filesystem::path relative;
  for (const std::string_view segment : segments) {
    // No way out of web_root, and no hidden files.
    if (segment == ".." || segment == "." || (!segment.empty() && segment.front() == '.') ||
        segment.find('\\') != std::string_view::npos) {
      return not_found_page();
    }
    if (!segment.empty()) relative /= std::string(segment);
  }
  const std::filesystem::path root(web_root);
  const std::string_view last = segments.empty() ? std::string_view{} : segments.back();
  std::optional<std::string> body;
  std::string served = relative.string();
  if (!relative.empty()) body = read_file(root / relative);
  if (!body && last.find('.') == std::string_view::npos) {
    body = read_file(root / "index.html");
    served = "index.html";
  }
  if (!body) return not_found_page();
  HttpResponse response;
  response.set_header("Content-Type", content_type_for(served));
  // Vite names assets by content hash: they never change under the same name.
  if (served.rfind("assets/", 0) == 0) {
    response.set_header("Cache-Control", "public, max-age=31536000, immutable");
  } else {
    response.set_header("Cache-Control", "no-cache");
  }
  response.body = std::move(*body);
  return response;
}

}  // namespace allot::api
