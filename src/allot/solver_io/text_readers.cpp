// Readers for the benchmark text formats: Solomon, VRPLIB (.vrp) and Mankowska.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "allot/base/json_reader.h"
#include "allot/solver_io/readers.h"

namespace allot::solver_io {
namespace {

using solver::Carer;
using solver::Problem;
using solver::TimeWindow;
using solver::Visit;


struct Token {
  std::string text;
  int line = 0;
};

std::vector<Token> tokenize(const std::string& text) {
  std::vector<Token> tokens;
  int line = 1;
  std::string current;
  for (char letter : text) {
    if (letter == '\n' || letter == ' ' || letter == '\t' || letter == '\r' || letter == ':') {
      if (!current.empty()) tokens.push_back({current, line});
      current.clear();
      if (letter == '\n') ++line;
    } else {
      current += letter;
    }
  }
  if (!current.empty()) tokens.push_back({current, line});
  return tokens;
}

// Times, distances, demands and coordinates: far beyond any instance, small
// enough that sums of thousands of them stay exact to the minute.
constexpr double kLargest = 1e15;
// Nodes, vehicles and services: the largest published instances have about 1,000.
constexpr int kMostNodes = 100'000;

std::string bound_text(double bound) {
  std::ostringstream out;
  out << bound;
  return out.str();
}

// Reads numbers from a token stream, recording an issue for each bad one.
class NumberReader {
 public:
  NumberReader(const std::vector<Token>& tokens, std::string source, Issues& issues)
      : tokens_(tokens), source_(std::move(source)), issues_(issues) {}
  bool at_end() const { return position_ >= tokens_.size(); }
  const Token* peek() const { return at_end() ? nullptr : &tokens_[position_]; }
  void skip() { ++position_; }
  std::size_t position() const { return position_; }
  void seek(std::size_t position) { position_ = position; }
  // The next number, named `field` in messages ("C101.txt:10: DUE DATE"). A
  // number outside [min, max] (1e400, inf, nan included) is an issue, never
  // passed on: bounds keep every sum of times and distances finite.
  double number(const std::string& field, double min = -kLargest, double max = kLargest) {
    if (at_end()) {
      if (!ended_) issues_.push_back({ErrorCode::kMalformed, source_, "file ends early; expected " + field});
      ended_ = true;
      return 0;
    }
    const Token& token = tokens_[position_++];
    double value = 0;
    const char* first = token.text.data();
    const char* last = first + token.text.size();
    const auto [end, error] = std::from_chars(first, last, value);
    const bool numeric = end == last && (error == std::errc() || error == std::errc::result_out_of_range);
    if (!numeric) {
      issues_.push_back({ErrorCode::kMalformed, where(token) + ": " + field,
                         "expected a number; found \"" + token.text + "\""});
      return 0;
    }
    if (error == std::errc::result_out_of_range || !std::isfinite(value) || value < min || value > max) {
      issues_.push_back({ErrorCode::kInvalidValue, where(token) + ": " + field,
                         "expected a number from " + bound_text(min) + " to " + bound_text(max) + "; found " + token.text});
      return 0;
    }
    return value;
  }
  // A whole number in [min, max], such as a count of nodes or vehicles.
  int whole(const std::string& field, int min, int max) {
    const std::size_t at = position_;
    const double value = number(field, min, max);
    if (value != std::floor(value) && at < tokens_.size()) {
      issues_.push_back({ErrorCode::kInvalidValue, where(tokens_[at]) + ": " + field,
                         "expected a whole number; found " + tokens_[at].text});
      return 0;
    }
    return static_cast<int>(value);
  }
  std::size_t remaining() const { return tokens_.size() - std::min(position_, tokens_.size()); }
  std::string where(const Token& token) const { return source_ + ":" + std::to_string(token.line); }
  std::string where_now() const { return at_end() ? source_ : where(tokens_[position_]); }
  bool find(const std::string& keyword) {
    for (std::size_t pos = position_; pos < tokens_.size(); ++pos)
      if (tokens_[pos].text == keyword) {
        position_ = pos + 1;
        return true;
      }
    return false;
  }

 private:
  const std::vector<Token>& tokens_;
  std::string source_;
  Issues& issues_;
  std::size_t position_ = 0;
  bool ended_ = false;
};

std::string base_name(const std::string& source) {
  std::string name = source.substr(source.find_last_of('/') + 1);
  return name.substr(0, name.find_last_of('.'));
}

struct Node {
  double x = 0, y = 0, demand = 0, ready = 0, due = 0, service = 0;
  int line = 0;
};

Result<Problem> vrptw_problem(const std::string& name, const std::vector<Node>& nodes, int vehicles,
                              double capacity, const ReadOptions& options, const std::string& source) {
  Issues issues;
  if (nodes.size() < 2) issues.push_back({ErrorCode::kInvalidValue, source, "needs a depot and at least one customer"});
  if (vehicles <= 0) issues.push_back({ErrorCode::kInvalidValue, source, "vehicle number must be positive"});
  for (std::size_t node_idx = 0; node_idx < nodes.size(); ++node_idx) {
    const Node& node = nodes[node_idx];
    const std::string at = source + ":" + std::to_string(node.line);
    if (node.ready > node.due) issues.push_back({ErrorCode::kInvalidValue, at, "ready time after due date"});
    if (node.demand < 0 || node.service < 0) issues.push_back({ErrorCode::kInvalidValue, at, "negative demand or service time"});
  }
  if (!issues.empty()) return fail(std::move(issues));
  Problem problem;
  problem.name = name;
  problem.travel.kind = solver::TravelModel::Kind::kEuclidean;
  problem.travel.truncate_to_tenth = options.truncate_to_tenth;
  problem.travel.location_count = static_cast<int>(nodes.size());
  for (const Node& node : nodes) {
    problem.travel.x.push_back(node.x);
    problem.travel.y.push_back(node.y);
  }
  for (std::size_t node_idx = 1; node_idx < nodes.size(); ++node_idx) {
    Visit visit;
    visit.id = std::to_string(node_idx);
    visit.location = static_cast<int>(node_idx);
    visit.duration = nodes[node_idx].service;
    visit.windows = {TimeWindow{nodes[node_idx].ready, nodes[node_idx].due}};
    visit.demand = nodes[node_idx].demand;
    problem.visits.push_back(std::move(visit));
  }
  for (int vehicle_idx = 0; vehicle_idx < vehicles; ++vehicle_idx) {
    Carer carer;
    carer.id = "v" + std::to_string(vehicle_idx + 1);
    carer.shift = {nodes[0].ready, nodes[0].due};
    carer.capacity = capacity;
    problem.carers.push_back(std::move(carer));
  }
  return problem;
}

}  // namespace

Result<Problem> read_solomon(const std::string& text, const std::string& source, const ReadOptions& options) {
  Issues issues;
  const auto tokens = tokenize(text);
  NumberReader reader(tokens, source, issues);
  if (tokens.empty()) return fail(ErrorCode::kMalformed, source, "empty file");
  const std::string name = tokens[0].text;
  if (!reader.find("CAPACITY")) return fail(ErrorCode::kMalformed, source, "no VEHICLE NUMBER CAPACITY header");
  const int vehicles = reader.whole("VEHICLE NUMBER", 0, kMostNodes);
  const double capacity = reader.number("CAPACITY");
  if (!reader.find("SERVICE")) return fail(ErrorCode::kMalformed, source, "no CUSTOMER table header");
  reader.find("TIME");
  std::vector<Node> nodes;
  while (!reader.at_end()) {
    const int line = reader.peek()->line;
    const double number = reader.whole("CUST NO.", 0, kMostNodes);
    Node node;
    node.line = line;
    node.x = reader.number("XCOORD.");
    node.y = reader.number("YCOORD.");
    node.demand = reader.number("DEMAND");
    node.ready = reader.number("READY TIME");
    node.due = reader.number("DUE DATE");
    node.service = reader.number("SERVICE TIME");
    if (static_cast<int>(number) != static_cast<int>(nodes.size()))
      issues.push_back({ErrorCode::kInvalidValue, source + ":" + std::to_string(line),
                        "customers must be numbered 0, 1, 2...; found " + std::to_string(number)});
    nodes.push_back(node);
  }
  if (!issues.empty()) return fail(std::move(issues));
  return vrptw_problem(name, nodes, vehicles, capacity, options, source);
}

Result<Problem> read_vrplib(const std::string& text, const std::string& source, const ReadOptions& options) {
  Issues issues;
  const auto tokens = tokenize(text);
  NumberReader reader(tokens, source, issues);
  std::string name = base_name(source);
  int dimension = 0;
  int vehicles = 0;
  double capacity = solver::kUnbounded;
  double service_time = 0;
  std::vector<Node> nodes;
  std::vector<char> has_service;
  while (!reader.at_end()) {
    const Token token = *reader.peek();
    reader.skip();
    const std::string& key = token.text;
    if (key == "NAME" && !reader.at_end()) {
      name = reader.peek()->text;
      reader.skip();
    } else if (key == "DIMENSION") {
      dimension = reader.whole("DIMENSION", 0, kMostNodes);
      nodes.assign(std::max(0, dimension), Node{});
    } else if (key == "VEHICLES") {
      vehicles = reader.whole("VEHICLES", 0, kMostNodes);
    } else if (key == "CAPACITY") {
      capacity = reader.number("CAPACITY");
    } else if (key == "SERVICE_TIME") {
      service_time = reader.number("SERVICE_TIME");
    } else if (key == "EDGE_WEIGHT_TYPE") {
      if (!reader.at_end() && reader.peek()->text != "EUC_2D")
        issues.push_back({ErrorCode::kInvalidValue, reader.where_now(), "only EUC_2D is supported; found " + reader.peek()->text});
      reader.skip();
    } else if (key == "NODE_COORD_SECTION" || key == "DEMAND_SECTION" || key == "TIME_WINDOW_SECTION" ||
               key == "SERVICE_TIME_SECTION") {
      for (int row = 0; row < dimension; ++row) {
        const int line = reader.peek() ? reader.peek()->line : 0;
        const int id = reader.whole(key + " node", 0, kMostNodes);
        if (id < 1 || id > dimension) {
          issues.push_back({ErrorCode::kInvalidValue, source + ":" + std::to_string(line), "node id out of range"});
          break;
        }
        Node& node = nodes[id - 1];
        node.line = line;
        if (key == "NODE_COORD_SECTION") {
          node.x = reader.number(key + " x");
          node.y = reader.number(key + " y");
        } else if (key == "DEMAND_SECTION") {
          node.demand = reader.number(key);
        } else if (key == "TIME_WINDOW_SECTION") {
          node.ready = reader.number(key + " ready");
          node.due = reader.number(key + " due");
        } else {
          node.service = reader.number(key);
          has_service.resize(dimension, 0);
          has_service[id - 1] = 1;
        }
      }
    } else if (key == "DEPOT_SECTION") {
      const int depot = reader.whole("DEPOT_SECTION", -1, kMostNodes);
      if (depot != 1) issues.push_back({ErrorCode::kInvalidValue, source, "the depot must be node 1"});
      reader.number("DEPOT_SECTION end");  // -1
    } else if (key == "EOF" || key == "TYPE" || key == "COMMENT") {
      if (key != "EOF" && !reader.at_end()) reader.skip();
    }
  }
  if (dimension <= 1 && issues.empty()) issues.push_back({ErrorCode::kMissingField, source, "DIMENSION missing or below 2"});
  if (vehicles <= 0) vehicles = std::max(1, dimension - 1);
  if (!issues.empty()) return fail(std::move(issues));
  for (int node_idx = 1; node_idx < dimension; ++node_idx)
    if (has_service.empty() || !has_service[node_idx]) nodes[node_idx].service = service_time;
  return vrptw_problem(name, nodes, vehicles, capacity, options, source);
}

Result<Problem> read_mankowska(const std::string& text, const std::string& source, const ReadOptions& options) {
  Issues issues;
  const auto tokens = tokenize(text);
  NumberReader reader(tokens, source, issues);
  const auto section = [&](const char* keyword) {
    if (!reader.find(keyword)) {
      issues.push_back({ErrorCode::kMissingField, source, std::string("section ") + keyword + " missing"});
      return false;
    }
    return true;
  };
  const auto read_matrix = [&](const char* keyword, std::size_t rows, std::size_t columns) {
    std::vector<double> values;
    if (!section(keyword)) return values;
    if (rows * columns > reader.remaining()) {
      issues.push_back({ErrorCode::kMalformed, source + ": " + keyword,
                        "file ends early; expected " + std::to_string(rows * columns) + " numbers"});
      return values;
    }
    values.reserve(rows * columns);
    for (std::size_t entry = 0; entry < rows * columns; ++entry) values.push_back(reader.number(keyword));
    return values;
  };
  if (!section("nbNodes")) return fail(std::move(issues));
  const int nodes = reader.whole("nbNodes", 0, kMostNodes);
  section("nbVehi");
  const int carers = reader.whole("nbVehi", 0, kMostNodes);
  section("nbServi");
  const int services = reader.whole("nbServi", 0, 1'000);
  if (!issues.empty()) return fail(std::move(issues));
  if (nodes < 3 || carers < 1 || services < 1)
    return fail(ErrorCode::kInvalidValue, source, "nbNodes must be at least 3 and nbVehi, nbServi at least 1");
  const auto n = static_cast<std::size_t>(nodes);
  const auto v = static_cast<std::size_t>(carers);
  const auto s = static_cast<std::size_t>(services);
  const auto required = read_matrix("r", n, s);
  const auto abilities = read_matrix("a", v, s);
  const auto distances = read_matrix("d", n, n);
  const auto durations = read_matrix("p", v * n, s);
  const auto min_gap = read_matrix("mind", n, 1);
  const auto max_gap = read_matrix("maxd", n, 1);
  const auto earliest = read_matrix("e", n, 1);
  const auto latest = read_matrix("l", n, 1);
  if (!issues.empty()) return fail(std::move(issues));

  Problem problem;
  problem.name = base_name(source);
  const int patients = nodes - 2;  // node 0 and node n+1 are the office
  problem.travel.kind = solver::TravelModel::Kind::kMatrix;
  problem.travel.location_count = patients + 1;
  for (int from = 0; from <= patients; ++from)
    for (int to = 0; to <= patients; ++to) {
      const double value = distances[static_cast<std::size_t>(from) * n + to];
      problem.travel.distance_matrix.push_back(value);
      problem.travel.duration_matrix.push_back(value);
    }
  for (int patient = 1; patient <= patients; ++patient) {
    std::vector<int> needs;
    for (int service = 0; service < services; ++service)
      if (required[patient * s + service] > 0) needs.push_back(service);
    if (needs.empty() || needs.size() > 2) {
      issues.push_back({ErrorCode::kInvalidValue, source + ": r[" + std::to_string(patient) + "]",
                        "a patient needs one or two services; found " + std::to_string(needs.size())});
      continue;
    }
    std::vector<int> made;
    for (int service : needs) {
      Visit visit;
      visit.id = std::to_string(patient) + (needs.size() > 1 ? "/s" + std::to_string(service + 1) : "");
      visit.location = patient;
      // durations are given per carer; they agree for qualified carers, zero for the others
      for (std::size_t carer = 0; carer < v; ++carer)
        visit.duration = std::max(visit.duration, durations[(carer * n + patient) * s + service]);
      visit.windows = {TimeWindow{earliest[patient], latest[patient]}};
      visit.skills = {service};
      made.push_back(static_cast<int>(problem.visits.size()));
      problem.visits.push_back(std::move(visit));
    }
    if (made.size() == 2)
      problem.precedences.push_back(
          {made[0], made[1], min_gap[patient], max_gap[patient], !options.one_carer_for_both_services});
  }
  for (std::size_t carer_idx = 0; carer_idx < v; ++carer_idx) {
    Carer carer;
    carer.id = std::to_string(carer_idx + 1);
    carer.shift = {earliest[0], solver::kUnbounded};
    for (int service = 0; service < services; ++service)
      if (abilities[carer_idx * s + service] > 0) carer.skills.push_back(service);
    problem.carers.push_back(std::move(carer));
  }
  problem.objective.distance_weight = 1.0 / 3;
  problem.objective.allow_lateness = true;
  problem.objective.lateness_weight = 1.0 / 3;
  problem.objective.max_lateness_weight = 1.0 / 3;
  if (!issues.empty()) return fail(std::move(issues));
  return problem;
}

Result<Problem> read_problem_file(const std::string& path, const ReadOptions& options) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return fail(ErrorCode::kNotFound, path, "cannot open the file");
  std::stringstream buffer;
  buffer << file.rdbuf();
  const std::string text = buffer.str();
  const std::string extension = path.substr(path.find_last_of('.') + 1);
  if (extension == "json") {
    auto parsed = parse_json(text, path);
    if (!parsed) {
      Issues issues = parsed.error();
      for (Issue& issue : issues)
        if (issue.code != ErrorCode::kMalformed) issue.path = path + ": " + issue.path;
      return fail(std::move(issues));
    }
    const nlohmann::json& document = *parsed;
    if (document.is_object() && document.contains("patients")) {
      auto problem = read_iolab(document, path);
      // the iolab links are a patient's two services (see ReadOptions)
      if (problem)
        for (solver::Precedence& link : problem->precedences)
          link.different_carers = !options.one_carer_for_both_services;
      return problem;
    }
    auto problem = problem_from_json(document);
    if (!problem) {
      Issues issues = problem.error();
      for (Issue& issue : issues) issue.path = path + ": " + issue.path;
      return fail(std::move(issues));
    }
    return problem;
  }
  if (extension == "vrp") return read_vrplib(text, path, options);
  if (text.find("nbNodes") != std::string::npos) return read_mankowska(text, path, options);
  return read_solomon(text, path, options);
}

}  // namespace allot::solver_io
