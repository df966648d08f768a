// The worked examples in docs/api.md are tests: each pair of ```http blocks (a
// request, then the response) is sent in order to one server, and the response
// compared with the one written down. In an expected JSON body the string
// "<variable>" matches any value (time stamps, ids, tokens) and "<capture NAME>"
// matches any value and keeps it for later requests as {{NAME}}. In requests,
// {{token:USER}} is a bearer token for demo user USER. Only the headers written
// in an expected response are compared. A GET is retried for a few seconds until
// it matches (a job finishing).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <thread>

#include "server_process.h"

namespace allot::api::test {
namespace {

struct Example {
  std::string title;
  std::string request;
  std::string response;
};

std::vector<Example> read_examples(const std::string& markdown) {
  std::vector<Example> examples;
  std::istringstream in(markdown);
  std::string line;
  std::string title;
  std::vector<std::string> blocks;
  bool in_block = false;
  std::string block;
  while (std::getline(in, line)) {
    if (!in_block && line.rfind("### ", 0) == 0) {
      title = line.substr(4);
      blocks.clear();
    } else if (!in_block && line == "```http") {
      in_block = true;
      block.clear();
    } else if (in_block && line == "```") {
      in_block = false;
      blocks.push_back(block);
      if (blocks.size() == 2) {
        examples.push_back({title, blocks[0], blocks[1]});
        blocks.clear();
      }
    } else if (in_block) {
      block += line + "\n";
    }
  }
  return examples;
}

struct Message {
  std::string first_line;
  HeaderList headers;
  std::string body;
};

Message split_message(const std::string& text) {
  Message message;
  std::istringstream in(text);
  std::getline(in, message.first_line);
  std::string line;
  while (std::getline(in, line) && !line.empty()) {
    const std::size_t colon = line.find(':');
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    message.headers.emplace_back(line.substr(0, colon), value);
  }
  std::ostringstream body;
  body << in.rdbuf();
  message.body = body.str();
  while (!message.body.empty() && (message.body.back() == '\n')) message.body.pop_back();
  return message;
}

// Compares actual with expected; records the first difference in `why`.
bool matches(const nlohmann::json& expected, const nlohmann::json& actual, const std::string& path,
             std::map<std::string, std::string>& captures, std::string& why) {
  if (expected.is_string()) {
    const std::string text = expected.get<std::string>();
    if (text == "<variable>") return true;
    if (text.rfind("<capture ", 0) == 0 && text.back() == '>') {
      captures[text.substr(9, text.size() - 10)] = actual.is_string() ? actual.get<std::string>() : actual.dump();
      return true;
    }
  }
  if (expected.is_object() && actual.is_object()) {
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key)) {
        why = path + "." + key + " is missing";
        return false;
      }
      if (!matches(value, actual[key], path + "." + key, captures, why)) return false;
    }
    for (const auto& [key, value] : actual.items()) {
      if (!expected.contains(key)) {
        why = path + "." + key + " is not in the example";
        return false;
      }
    }
    return true;
  }
  if (expected.is_array() && actual.is_array()) {
    if (expected.size() != actual.size()) {
      why = path + ": " + std::to_string(actual.size()) + " items; the example has " + std::to_string(expected.size());
      return false;
    }
    for (std::size_t item_idx = 0; item_idx < expected.size(); ++item_idx) {
      if (!matches(expected[item_idx], actual[item_idx], path + "[" + std::to_string(item_idx) + "]", captures, why)) {
        return false;
      }
    }
    return true;
  }
  if (expected != actual) {
    why = path + ": got " + actual.dump() + "; the example has " + expected.dump();
    return false;
  }
  return true;
}

std::string substitute(std::string text, const std::map<std::string, std::string>& values) {
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{{" + name + "}}";
    for (std::size_t at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size())) {
      text.replace(at, placeholder.size(), value);
    }
  }
  return text;
}

TEST(DocsExamples, EveryExampleInDocsApiMdHolds) {
  std::ifstream in(std::string(ALLOT_SOURCE_DIR) + "/docs/api.md");
  std::ostringstream markdown;
  markdown << in.rdbuf();
  const std::vector<Example> examples = read_examples(markdown.str());
  ASSERT_GE(examples.size(), 10u) << "docs/api.md should hold the worked examples";

  auto server = ServerProcess::start();
  std::map<std::string, std::string> values;
  for (const char* user : {"analyst", "assessor", "administrator", "finance_officer", "commissioner",
                           "data_protection_officer", "provider_user", "panel_member", "team_manager"}) {
    values[std::string("token:") + user] = sign_in(*server, user).token;
  }
  for (const Example& example : examples) {
    SCOPED_TRACE(example.title);
    const Message request = split_message(substitute(example.request, values));
    const Message expected = split_message(example.response);
    const std::size_t space = request.first_line.find(' ');
    const std::string method = request.first_line.substr(0, space);
    const std::string target = request.first_line.substr(space + 1);
    const int expected_status = std::stoi(expected.first_line.substr(9, 3));

    std::string why;
    for (int attempt = 0; attempt < (method == "GET" ? 500 : 1); ++attempt) {
      if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
      const ClientResponse actual = server->request(method, target, request.body, request.headers);
      why.clear();
      if (actual.status != expected_status) {
        why = "status " + std::to_string(actual.status) + "; the example has " + std::to_string(expected_status) +
              "; body " + actual.body;
        continue;
      }
      for (const auto& [name, value] : expected.headers) {
        if (actual.header(name) != value) why = name + ": got \"" + actual.header(name) + "\"; the example has \"" + value + "\"";
      }
      if (!why.empty()) continue;
      if (expected.body.empty()) {
        if (!actual.body.empty()) why = "a body came back; the example has none";
        continue;
      }
      const nlohmann::json actual_json = nlohmann::json::parse(actual.body, nullptr, false);
      const nlohmann::json expected_json = nlohmann::json::parse(expected.body, nullptr, false);
      if (expected_json.is_discarded()) {
        why = "the example's response body is not JSON";
        break;
      }
      std::map<std::string, std::string> captured;
      if (matches(expected_json, actual_json, "body", captured, why)) {
        values.insert(captured.begin(), captured.end());
        break;
      }
    }
    EXPECT_TRUE(why.empty()) << example.title << ": " << why;
  }
}

}  // namespace
}  // namespace allot::api::test
