#include "fault_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>

namespace allot::api::test {

FaultDatabase::~FaultDatabase() {
  std::error_code ignored;
  if (!folder.empty() && std::getenv("ALLOT_TEST_KEEP") == nullptr) std::filesystem::remove_all(folder, ignored);
}

std::string postgres_unavailable() {
  const char* url = std::getenv("ALLOT_TEST_POSTGRES_URL");
  if (url != nullptr && *url != '\0') return {};
  return "ALLOT_TEST_POSTGRES_URL is not set: the PostgreSQL case needs it (scripts/test sets it)";
}

std::unique_ptr<FaultDatabase> FaultDatabase::make(Backend backend, const std::string& name) {
  auto made = std::make_unique<FaultDatabase>();
  made->backend = backend;
  std::random_device random;
  const std::string unique = name + "_" + std::to_string(::getpid()) + "_" + std::to_string(random() % 1'000'000);
  made->folder = (std::filesystem::temp_directory_path() / ("allot-" + unique)).string();
  std::filesystem::create_directories(made->folder);
  if (backend == Backend::kSqlite) {
    made->database = made->folder + "/allot.sqlite";
  } else {
    made->database = std::getenv("ALLOT_TEST_POSTGRES_URL");
    made->schema = unique;
  }
  return made;
}

std::unique_ptr<ServerProcess> FaultDatabase::start_server(bool demo) const {
  ServerSettings settings;
  settings.database = database;
  settings.demo = demo;
  if (!schema.empty()) settings.env["ALLOT_POSTGRES_SCHEMA"] = schema;
  return ServerProcess::start(settings);
}

int FaultDatabase::run_db_command(const std::string& command, const std::string& args, std::string& output) const {
  std::string line;
  if (!schema.empty()) line += "ALLOT_POSTGRES_SCHEMA='" + schema + "' ";
  line += std::string("'") + ALLOT_BINARY + "' db " + command + " " + args + " --database '" + database + "' 2>&1";
  FILE* pipe = ::popen(line.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + line);
  output.clear();
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) output += buffer.data();
  const int status = ::pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

ClientResponse call_as(const ServerProcess& server, const SignedInUser& user, const std::string& method,
                       const std::string& target, const nlohmann::json& body) {
  if (body.is_null()) return server.request(method, target, {}, user.bearer_headers());
  return server.request(method, target, body.dump(), json_headers(user.bearer_headers()));
}

std::int64_t add_test_budget(const ServerProcess& server, const SignedInUser& finance, const std::string& code) {
  const ClientResponse fund = call_as(server, finance, "POST", "/api/v1/budget-funds",
                                      {{"code", code + "-fund"},
                                       {"name", "Fund for " + code},
                                       {"kind", "council_core"},
                                       {"owner_agency", "demo-council"}});
  if (fund.status != 201) throw std::runtime_error("add fund: " + std::to_string(fund.status) + " " + fund.body);
  const nlohmann::json budget_body = {
      {"code", code},
      {"name", "Budget " + code},
      {"financial_year", 2026},
      {"kind", "pooled"},
      {"host_agency", "demo-council"},
      {"risk_share", "equal_shares"},
      {"contributions",
       {{{"fund_id", fund.json()["id"]}, {"partner_agency", "demo-council"}, {"funding_source", "council"},
         {"amount_pence", 100'000'000}}}},
      {"lines", {{{"code", "care"}, {"name", "Care"}, {"kind", "programme"}, {"client_group", code}, {"amount_pence", 100'000'000}}}}};
  const ClientResponse budget = call_as(server, finance, "POST", "/api/v1/budgets", budget_body);
  if (budget.status != 201) throw std::runtime_error("add budget: " + std::to_string(budget.status) + " " + budget.body);
  return budget.json()["id"].get<std::int64_t>();
}

nlohmann::json test_person_body(const std::string& given_name) {
  return {{"given_name", given_name},
          {"family_name", "Test"},
          {"date_of_birth", "1950-01-01"},
          {"address", "12 Osmaston Road, Derby"},
          {"postcode", "DE1 2AB"},
          {"latitude", 52.9101},
          {"longitude", -1.4712},
          {"primary_support_reason", "physical_support_personal_care_support"},
          {"client_group", "older_people"},
          {"has_unpaid_carer", false},
          {"accommodation_status", "owner_occupier_or_shared_ownership"},
          {"locality", "South"},
          {"team", "South adults team"}};
}

std::int64_t add_test_person(const ServerProcess& server, const SignedInUser& assessor, const std::string& given_name,
                             int* status) {
  const ClientResponse response = call_as(server, assessor, "POST", "/api/v1/people", test_person_body(given_name));
  if (status != nullptr) *status = response.status;
  if (response.status != 201) return 0;
  return response.json()["id"].get<std::int64_t>();
}

std::multimap<std::string, nlohmann::json> payments_by_reference(const ServerProcess& server,
                                                                 const SignedInUser& finance, std::int64_t budget) {
  const ClientResponse response =
      call_as(server, finance, "GET", "/api/v1/budgets/" + std::to_string(budget) + "/payments");
  if (response.status != 200) throw std::runtime_error("payments: " + std::to_string(response.status) + " " + response.body);
  std::multimap<std::string, nlohmann::json> out;
  const nlohmann::json body = response.json();  // kept: a range-for over a temporary's member would dangle
  for (const auto& payment : body["payments"]) out.emplace(payment["reference"].get<std::string>(), payment);
  return out;
}

}  // namespace allot::api::test
