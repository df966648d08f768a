#include "server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace allot::api::test {
namespace {

std::string make_temp_folder() {
  std::string pattern = (std::filesystem::temp_directory_path() / "allot-api-test.XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

}  // namespace

std::unique_ptr<ServerProcess> ServerProcess::start(const ServerSettings& settings) {
  std::unique_ptr<ServerProcess> server(new ServerProcess());
  server->folder_ = make_temp_folder();
  const std::filesystem::path folder(server->folder_);
  const std::string web_root = (folder / "web").string();
  if (settings.web_pages) {
    write_file(folder / "web" / "index.html", "<!doctype html><title>Allot</title><div id=app></div>\n");
    write_file(folder / "web" / "assets" / "app-1234.js", "console.log('allot');\n");
  }
  std::vector<std::string> args = {ALLOT_BINARY, "serve", "--port", "0", "--web-root", web_root,
                                   "--rulebooks-dir", std::string(ALLOT_SOURCE_DIR) + "/data/rulebooks",
                                   "--database",
                                   settings.database.empty() ? (folder / "allot.sqlite").string() : settings.database};
  if (settings.demo) args.push_back("--demo");
  if (!settings.clock_start.empty()) {
    args.push_back("--clock-start");
    args.push_back(settings.clock_start);
  }
  args.insert(args.end(), settings.args.begin(), settings.args.end());

  std::map<std::string, std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string text(*entry);
    const std::size_t equals = text.find('=');
    // The tests decide every ALLOT_ setting themselves.
    if (equals == std::string::npos || text.rfind("ALLOT_", 0) == 0) continue;
    env[text.substr(0, equals)] = text.substr(equals + 1);
  }
  env["ALLOT_DEMO_PASSWORD"] = kDemoPassword;
  env["ALLOT_SECURE_COOKIES"] = "true";
  for (const auto& [key, value] : settings.env) env[key] = value;
  std::vector<std::string> env_text;
  for (const auto& [key, value] : env) env_text.push_back(key + "=" + value);

  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (std::string& text : env_text) envp.push_back(text.data());
  envp.push_back(nullptr);
  const std::string log_path = (folder / "server.log").string();

  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::dup2(pipe_fds[1], STDOUT_FILENO);
    const int log_fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (log_fd >= 0) ::dup2(log_fd, STDERR_FILENO);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  server->pid_ = pid;
  server->stdout_fd_ = pipe_fds[0];

  // Read stdout until the "listening on http://host:port/" line.
  const std::regex listening(R"(listening on http://[^:]+:(\d+)/)");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  std::smatch match;
  while (!std::regex_search(server->start_output_, match, listening)) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd poll_fd{server->stdout_fd_, POLLIN, 0};
    char buffer[4096];
    ssize_t got = 0;
    if (left.count() > 0 && ::poll(&poll_fd, 1, static_cast<int>(left.count())) > 0) {
      got = ::read(server->stdout_fd_, buffer, sizeof(buffer));
    }
    if (got <= 0) {
      const std::string log = server->log();
      server->stop(SIGKILL, 5);
      throw std::runtime_error("the server did not start; output:\n" + server->start_output_ + "\nlog:\n" + log);
    }
    server->start_output_.append(buffer, static_cast<std::size_t>(got));
  }
  server->port_ = std::stoi(match[1].str());
  return server;
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop(SIGKILL, 10);
  if (stdout_fd_ >= 0) ::close(stdout_fd_);
  std::error_code ec;
  if (!folder_.empty() && std::getenv("ALLOT_TEST_KEEP") == nullptr) std::filesystem::remove_all(folder_, ec);
}

std::string ServerProcess::log() const {
  std::ifstream in(std::filesystem::path(folder_) / "server.log");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int ServerProcess::stop(int signal, int wait_seconds) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, signal);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wait_seconds);
  while (true) {
    int status = 0;
    const pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      pid_ = -1;
      if (WIFEXITED(status)) return WEXITSTATUS(status);
      if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
      return -1;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      pid_ = -1;
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

HeaderList SignedInUser::cookie_headers(bool with_csrf) const {
  HeaderList headers = {{"Cookie", cookie}};
  if (with_csrf) headers.emplace_back("X-CSRF-Token", csrf_token);
  return headers;
}

HeaderList SignedInUser::bearer_headers() const { return {{"Authorization", "Bearer " + token}}; }

HeaderList json_headers(HeaderList more) {
  more.emplace_back("Content-Type", "application/json");
  return more;
}

SignedInUser sign_in(const ServerProcess& server, const std::string& username) {
  const nlohmann::json body = {{"username", username}, {"password", kDemoPassword}};
  const ClientResponse response = server.request("POST", "/api/v1/session", body.dump(), json_headers());
  if (response.status != 200) {
    throw std::runtime_error("sign-in as " + username + " failed: " + std::to_string(response.status) + " " +
                             response.body);
  }
  const nlohmann::json json = response.json();
  SignedInUser user;
  const std::string set_cookie = response.header("set-cookie");
  user.cookie = set_cookie.substr(0, set_cookie.find(';'));
  user.csrf_token = json.at("csrf_token").get<std::string>();
  user.token = json.at("token").get<std::string>();
  return user;
}

}  // namespace allot::api::test
