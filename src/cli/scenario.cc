#include "cli/scenario.h"

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/file_io.h"
#include "common/diagnostics.h"
#include "definition/loader.h"
#include "expr/suggest.h"
#include "json/json.h"

namespace fnf::cli {
namespace {

using internal::Json;

constexpr std::string_view kFileKeys[] = {"Flow", "Scenarios"};
constexpr std::string_view kScenarioKeys[] = {"Name", "Input", "Mocks",
                                              "Expect"};
constexpr std::string_view kExpectKeys[] = {"Status", "Output", "Error",
                                            "Cause"};
constexpr std::string_view kStatuses[] = {"Succeeded", "Failed", "TimedOut",
                                          "Stopped"};

// Reads one document, remembering where each node came from.
class Reader {
 public:
  Reader(const internal::LoadedDocument& doc, std::string* error)
      : doc_(doc), error_(error) {}

  bool Fail(const Json& node, const std::string& path,
            const std::string& message) {
    internal::Position at = doc_.sources.Get(&node);
    *error_ = std::to_string(at.line) + ":" + std::to_string(at.column) + ": " +
              (path.empty() ? "" : path + ": ") + message;
    return false;
  }

  int Line(const Json& node) const { return doc_.sources.Get(&node).line; }

  // Every key of `object` is one of `known`.
  bool CheckKeys(const Json& object, const std::string& path,
                 std::span<const std::string_view> known) {
    for (const Json::Member& member : object.as_object()) {
      bool found = false;
      for (std::string_view k : known) found = found || member.first == k;
      if (!found) {
        return Fail(member.second, path,
                    "unknown field '" + member.first + "'" +
                        internal::DidYouMean(member.first, known));
      }
    }
    return true;
  }

  bool Object(const Json& node, const std::string& path) {
    return node.is_object() ||
           Fail(node, path,
                "expected an object, got " + std::string(node.type_name()));
  }

  bool String(const Json& node, const std::string& path) {
    return node.is_string() ||
           Fail(node, path,
                "expected a string, got " + std::string(node.type_name()));
  }

  bool Answer(const Json& node, const std::string& path, MockAnswer* answer) {
    if (!Object(node, path)) return false;
    const Json* output = node.Find("Output");
    const Json* error = node.Find("Error");
    const Json* cause = node.Find("Cause");
    const Json* never = node.Find("NeverAnswers");
    const Json* after = node.Find("After");
    if (never != nullptr) {
      if (!never->is_bool() || !never->as_bool() ||
          node.as_object().size() != 1) {
        return Fail(node, path, "NeverAnswers stands alone, as true");
      }
      answer->kind = MockAnswer::Kind::kNever;
      return true;
    }
    if (after != nullptr) {
      if (!after->is_number() || after->as_number() < 0) {
        return Fail(*after, path + ".After",
                    "expected the seconds to wait, a number >= 0");
      }
      answer->after_seconds = after->as_number();
      if (output == nullptr && error == nullptr) {
        return Fail(node, path, "After needs an Output or an Error");
      }
    }
    if (error != nullptr) {
      if (!String(*error, path + ".Error")) return false;
      if (cause != nullptr && !String(*cause, path + ".Cause")) return false;
      answer->kind = MockAnswer::Kind::kError;
      answer->error = error->as_string();
      answer->cause = cause != nullptr ? cause->as_string() : "";
      return true;
    }
    if (output != nullptr) {
      if (!Object(*output, path + ".Output")) return false;
      answer->output = output->Serialize();
      return true;
    }
    answer->output = node.Serialize();  // the output itself
    return true;
  }

  bool Mocks(const Json& node, const std::string& path, Scenario* scenario) {
    if (!Object(node, path)) return false;
    for (const Json::Member& state : node.as_object()) {
      std::string state_path = path + "." + state.first;
      std::vector<const Json*> answers;
      if (state.second.is_array()) {
        for (const Json& a : state.second.as_array()) answers.push_back(&a);
      } else {
        answers.push_back(&state.second);
      }
      if (answers.empty()) return Fail(state.second, state_path, "no answers");
      std::vector<MockAnswer>& list = scenario->mocks[state.first];
      for (size_t i = 0; i < answers.size(); ++i) {
        MockAnswer answer;
        std::string answer_path =
            state.second.is_array() ? state_path + "[" + std::to_string(i) + "]"
                                    : state_path;
        if (!Answer(*answers[i], answer_path, &answer)) return false;
        list.push_back(std::move(answer));
      }
    }
    return true;
  }

  bool Expect(const Json& node, const std::string& path, Scenario* scenario) {
    if (!Object(node, path) || !CheckKeys(node, path, kExpectKeys)) {
      return false;
    }
    if (const Json* status = node.Find("Status")) {
      if (!String(*status, path + ".Status")) return false;
      bool known = false;
      for (std::string_view s : kStatuses)
        known = known || status->as_string() == s;
      if (!known) {
        return Fail(*status, path + ".Status",
                    "unknown status '" + status->as_string() +
                        "': Succeeded, Failed, TimedOut or Stopped" +
                        internal::DidYouMean(status->as_string(), kStatuses));
      }
      scenario->expect_status = status->as_string();
    }
    if (const Json* output = node.Find("Output")) {
      scenario->expect_output = output->Serialize();
    }
    if (const Json* error = node.Find("Error")) {
      if (!String(*error, path + ".Error")) return false;
      scenario->expect_error = error->as_string();
    }
    if (const Json* cause = node.Find("Cause")) {
      if (!String(*cause, path + ".Cause")) return false;
      scenario->expect_cause = cause->as_string();
    }
    return true;
  }

  bool ScenarioAt(const Json& node, const std::string& path,
                  Scenario* scenario) {
    if (!Object(node, path) || !CheckKeys(node, path, kScenarioKeys)) {
      return false;
    }
    scenario->line = Line(node);
    const Json* name = node.Find("Name");
    if (name == nullptr) return Fail(node, path, "a scenario needs a Name");
    if (!String(*name, path + ".Name")) return false;
    scenario->name = name->as_string();
    if (const Json* input = node.Find("Input")) {
      if (!Object(*input, path + ".Input")) return false;
      scenario->input = input->Serialize();
    }
    if (const Json* mocks = node.Find("Mocks")) {
      if (!Mocks(*mocks, path + ".Mocks", scenario)) return false;
    }
    if (const Json* expect = node.Find("Expect")) {
      if (!Expect(*expect, path + ".Expect", scenario)) return false;
    }
    return true;
  }

 private:
  const internal::LoadedDocument& doc_;
  std::string* error_;
};

}  // namespace

bool LoadScenarioFile(const std::string& path, ScenarioFile* file,
                      std::string* error) {
  std::string text;
  if (!ReadWholeFile(path, &text, error)) {
    *error = "cannot read: " + *error;
    return false;
  }
  internal::Diagnostics diags(nullptr);
  std::unique_ptr<internal::LoadedDocument> doc =
      internal::LoadDocument(text, &diags);
  if (!doc) {
    const Diagnostic& d = diags.list().front();
    *error = std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
             d.message;
    return false;
  }
  Reader reader(*doc, error);
  const Json& root = doc->root;
  if (!reader.Object(root, "") || !reader.CheckKeys(root, "", kFileKeys)) {
    return false;
  }
  const Json* flow = root.Find("Flow");
  if (flow == nullptr) {
    return reader.Fail(root, "", "missing Flow: the flow file to test");
  }
  if (!reader.String(*flow, "Flow")) return false;
  std::filesystem::path flow_path(flow->as_string());
  if (flow_path.is_relative()) {
    flow_path = std::filesystem::path(path).parent_path() / flow_path;
  }
  file->flow_file = flow_path.lexically_normal().string();
  std::string read_error;
  if (!ReadWholeFile(file->flow_file, &file->definition, &read_error)) {
    return reader.Fail(*flow, "Flow",
                       "cannot read '" + file->flow_file + "': " + read_error);
  }
  const Json* scenarios = root.Find("Scenarios");
  if (scenarios == nullptr || !scenarios->is_array() ||
      scenarios->as_array().empty()) {
    return reader.Fail(scenarios ? *scenarios : root, "Scenarios",
                       "expected a list of scenarios");
  }
  for (size_t i = 0; i < scenarios->as_array().size(); ++i) {
    Scenario scenario;
    if (!reader.ScenarioAt(scenarios->as_array()[i],
                           "Scenarios[" + std::to_string(i) + "]", &scenario)) {
      return false;
    }
    file->scenarios.push_back(std::move(scenario));
  }
  return true;
}

}  // namespace fnf::cli
