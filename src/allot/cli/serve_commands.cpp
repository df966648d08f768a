// allot serve: the one server process (JSON API, sign-in, the browser pages). This
// is where storage is wired in: the api module knows only app's interfaces.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "allot/api/api.h"
#include "allot/api/shared/config.h"
#include "allot/api/shared/forwarded.h"
#include "allot/api/shared/log.h"
#include "allot/api/shared/server.h"
#include "allot/app/identity/auth_service.h"
#include "allot/app/shared/clock.h"
#include "allot/app/demo/demo_data.h"
#include "allot/app/ras/rulebook_service.h"
#include "allot/cli/commands.h"
#include "allot/cli/files.h"
#include "allot/storage/open_store.h"

namespace allot::cli {
namespace {

struct ServeFlags {
  std::string config_file;
  std::map<std::string, std::string> values;  // config key -> flag text, only for flags given
  bool demo = false;
};

// The example rulebooks for --demo: every *.json in the folder, in name order.
Result<std::vector<app::DemoRulebookFile>> read_demo_rulebooks(const std::string& folder) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) {
    return fail(ErrorCode::kNotFound, folder, "not a folder; --demo needs the example rulebooks (rulebooks_dir)");
  }
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<app::DemoRulebookFile> files;
  Issues issues;
  for (const auto& path : paths) {
    Result<std::string> text = read_text_file(path.string());
    if (!text) {
      issues.insert(issues.end(), text.error().begin(), text.error().end());
      continue;
    }
    files.push_back({path.string(), std::move(*text)});
  }
  if (!issues.empty()) return fail(std::move(issues));
  return files;
}

void print_demo_report(const app::DemoDataReport& report) {
  if (!report.loaded) {
    std::cout << "Demo data not loaded: the database already holds data (its users keep their passwords).\n";
    return;
  }
  std::cout << "Demo data loaded: " << report.rulebooks.size() << " rulebook(s), " << report.people << " people, "
            << report.carers << " carers, " << report.panel_meetings << " Resource Allocation Group meetings.\n";
  std::cout << "Demo users (every one has the password " << report.password << "):\n";
  for (const app::DemoAccount& account : report.accounts) {
    std::cout << fmt::format("  {:<16} role {:<16} agency {}\n", account.username, account.role, account.agency);
  }
}

int serve(const ServeFlags& flags) {
  api::ConfigSources sources;
  if (!flags.config_file.empty()) {
    Result<std::string> text = read_text_file(flags.config_file);
    if (!text) {
      print_issues("allot: cannot read the config file", text.error());
      return kExitInvalidInput;
    }
    sources.file_text = std::move(*text);
    sources.file_name = flags.config_file;
  }
  sources.flags = flags.values;
  if (flags.demo) sources.flags["demo"] = "true";
  Result<api::ResolvedConfig> resolved = api::resolve_config(sources);
  if (!resolved) {
    print_issues("allot: bad settings; the server did not start", resolved.error());
    return kExitInvalidInput;
  }
  const api::ServerConfig& config = resolved->config;
  for (const std::string& line : api::describe_config(*resolved)) api::log_line(line);

  storage::StoreOptions store_options;
  store_options.postgres_schema = config.postgres_schema;
  store_options.max_connections = static_cast<std::size_t>(config.worker_threads + config.job_threads + 2);
  Result<std::unique_ptr<storage::AdminStore>> store = storage::open_store(config.database, store_options);
  if (!store) {
    print_issues("allot: cannot open the database " + api::redact_database(config.database), store.error());
    return kExitInternal;
  }
  api::log_line(fmt::format("database {} ({}, schema version {})", api::redact_database(config.database),
                            (*store)->backend_name(), (*store)->schema_version()));
  // A server started at a fixed instant writes the same dates every day
  // (the API's worked examples and the browser tests rely on it).
  app::SystemClock system_clock;
  std::optional<app::StartedClock> started_clock;
  if (!config.clock_start.empty()) {
    std::optional<app::Timestamp> start = app::parse_timestamp(config.clock_start);
    if (!start) {
      print_issues("allot: the clock_start setting is not a time",
                   {Issue{ErrorCode::kInvalidValue, "clock_start",
                          fmt::format("expected a UTC time like 2026-11-22T09:00:00.000Z; found \"{}\"",
                                      config.clock_start)}});
      return kExitInvalidInput;
    }
    started_clock.emplace(*start);
    api::log_line(fmt::format("WARNING: the clock starts at {} (clock_start), not the real time", config.clock_start));
  }
  const app::Clock& clock = started_clock ? static_cast<const app::Clock&>(*started_clock) : system_clock;

  if (config.demo) {
    Result<std::vector<app::DemoRulebookFile>> rulebooks = read_demo_rulebooks(config.rulebooks_dir);
    if (!rulebooks) {
      print_issues("allot: cannot read the demo rulebooks", rulebooks.error());
      return kExitInvalidInput;
    }
    app::DemoDataInput input;
    input.rulebooks = std::move(*rulebooks);
    input.password = config.demo_password;
    // Demo accounts are for trying Allot out; the smallest hashing cost keeps start-up quick.
    input.password_cost = app::PasswordCost::kMinimum;
    Result<app::DemoDataReport> report = app::load_demo_data(**store, clock, input);
    if (!report) {
      print_issues("allot: cannot load the demo data", report.error());
      return kExitInvalidInput;
    }
    print_demo_report(*report);
  }

  app::AuthService auth(**store, clock);
  app::RulebookService rulebooks(**store, clock);
  api::ApiOptions api_options;
  api_options.web_root = config.web_root;
  api_options.max_body_bytes = config.max_body_bytes;
  api_options.max_upload_bytes = config.max_upload_bytes;
  api_options.job_threads = config.job_threads;
  api_options.secure_cookies = config.secure_cookies;
  api_options.test_routes = config.test_routes;
  api::Api api({**store, clock, auth, rulebooks}, api_options);
  if (config.test_routes) api::log_line("WARNING: test routes are enabled (/api/v1/test/*); never do this in production");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(std::filesystem::path(config.web_root) / "index.html", ec)) {
    api::log_line(fmt::format("no {}/index.html: the API works but the pages are not built (cd web && npm run build)",
                              config.web_root));
  }

  api::ServerOptions server_options;
  server_options.host = config.host;
  server_options.port = config.port;
  server_options.io_threads = config.io_threads;
  server_options.worker_threads = config.worker_threads;
  server_options.read_timeout_seconds = config.read_timeout_seconds;
  server_options.write_timeout_seconds = config.write_timeout_seconds;
  server_options.shutdown_grace_seconds = config.shutdown_grace_seconds;
  server_options.max_header_bytes = config.max_header_bytes;
  server_options.max_connections = config.max_connections;
  server_options.max_concurrent_uploads = config.max_concurrent_uploads;
  server_options.min_upload_bytes_per_second = config.min_upload_bytes_per_second;
  server_options.trusted_proxies = api::parse_address_list(config.trusted_proxies);
  api::HttpServer server(server_options,
                         {[&api](const api::HttpRequest& request) { return api.handle(request); },
                          [&api](api::Method method, std::string_view path) { return api.body_limit(method, path); },
                          [&api](const api::HttpRequest& head) { return api.admit(head); }});
  std::string error;
  if (!server.listen(error)) {
    std::cerr << "allot: " << error << "\n";
    return kExitInternal;
  }
  const std::string shown_host =
      config.host == "0.0.0.0" || config.host == "127.0.0.1" ? std::string("localhost") : config.host;
  std::cout << "Allot is listening on http://" << shown_host << ":" << server.port() << "/ (Ctrl-C stops it)"
            << std::endl;
  api::log_line(fmt::format("listening on {}:{}", config.host, server.port()));
  // Expired sessions are refused anyway; this only keeps the table small.
  std::mutex cleanup_mutex;
  std::condition_variable cleanup_wake;
  bool stopped = false;
  std::thread cleanup([&] {
    std::unique_lock lock(cleanup_mutex);
    while (!cleanup_wake.wait_for(lock, std::chrono::minutes(10), [&] { return stopped; })) {
      Result<std::int64_t> removed = auth.remove_expired_sessions();
      if (!removed) api::log_line("removing expired sessions failed: " + format_issues(removed.error()));
    }
  });
  server.run();
  {
    std::lock_guard lock(cleanup_mutex);
    stopped = true;
  }
  cleanup_wake.notify_all();
  cleanup.join();
  api.stop_jobs();
  api::log_line("stopped");
  return kExitOk;
}

}  // namespace

void add_serve_commands(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand("serve", "Run the server: the JSON API, sign-in and the browser pages");
  auto flags = std::make_shared<ServeFlags>();
  command->add_option("--config", flags->config_file, "Settings file (JSON object of setting: value)");
  command->add_flag("--demo", flags->demo, "Load demo data (example rulebooks, agencies, users) into an empty database");
  const std::map<std::string, std::string> descriptions = {
      {"port", "Port to listen on (default 8080; 0 picks a free one)"},
      {"host", "Address to listen on: 127.0.0.1 (default) or 0.0.0.0"},
      {"database", "SQLite file (default allot.sqlite, created if missing) or postgresql:// URL"},
      {"web_root", "Folder of the built pages (default web/dist)"},
      {"trusted_proxies", "Reverse proxies (comma-separated addresses, e.g. 127.0.0.1) whose X-Forwarded-For names the client"},
      {"clock_start", "Start the clock at this UTC time (2026-11-22T09:00:00.000Z) and run on from it, for tests and demonstrations"},
  };
  // Every setting can be given as a flag (`--max-body-bytes 2048`); secrets and
  // switches only through the file or environment.
  for (const std::string& key : api::config_keys()) {
    if (key == "demo" || key == "demo_password" || key == "secure_cookies" || key == "test_routes") continue;
    std::string name = "--" + key;
    std::replace(name.begin(), name.end(), '_', '-');
    const auto described = descriptions.find(key);
    command->add_option_function<std::string>(
        name, [flags, key](const std::string& value) { flags->values[key] = value; },
        described == descriptions.end() ? "Setting " + key + " (see docs/api.md)" : described->second);
  }
  command->callback([flags, &exit_code] { exit_code = serve(*flags); });
}

}  // namespace allot::cli
