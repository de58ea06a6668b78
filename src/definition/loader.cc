#include "definition/loader.h"

#include <charconv>
#include <cmath>
#include <regex>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>
#include <yaml-cpp/yaml.h>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "json/tree_builder.h"

namespace fnf::internal {
namespace {

// Positions are collected in pre-order while parsing and attached to the
// finished tree by a second pre-order walk, because node addresses are not
// stable while containers grow.
void AttachPositions(const Json& node, const std::vector<Position>& positions,
                     size_t* next, SourceMap* map) {
  if (*next < positions.size()) map->Set(&node, positions[(*next)++]);
  if (node.is_array()) {
    for (const Json& v : node.as_array())
      AttachPositions(v, positions, next, map);
  } else if (node.is_object()) {
    for (const Json::Member& m : node.as_object())
      AttachPositions(m.second, positions, next, map);
  }
}

// ---- JSON ----

// Records where each value starts. RapidJSON reports events after consuming the
// token, so the position is found by walking back from the stream's offset.
class PositionRecorder : public JsonTreeBuilder::Observer {
 public:
  PositionRecorder(std::string_view text, const rapidjson::MemoryStream* stream)
      : text_(text), stream_(stream) {}

  void OnValue(bool is_string, bool is_container) override {
    const size_t end = stream_->Tell();
    Record(is_container ? end - 1 : StartOfToken(end, is_string));
  }

  size_t StartOfToken(size_t end, bool is_string) const {
    if (end == 0) return 0;
    size_t i = end - 1;
    if (is_string) {
      while (i > 0) {
        --i;
        if (text_[i] == '"' && (i == 0 || text_[i - 1] != '\\')) return i;
      }
      return i;
    }
    while (i > 0 &&
           (absl::ascii_isalnum(static_cast<unsigned char>(text_[i - 1])) ||
            text_[i - 1] == '.' || text_[i - 1] == '-' ||
            text_[i - 1] == '+')) {
      --i;
    }
    return i;
  }

  std::vector<Position> positions;

 private:
  void Record(size_t offset) {
    auto [line, col] = LineColumn(text_, offset);
    positions.push_back(Position{line, col});
  }

  std::string_view text_;
  const rapidjson::MemoryStream* stream_;
};

std::unique_ptr<LoadedDocument> LoadJson(std::string_view text,
                                         Diagnostics* diags) {
  rapidjson::MemoryStream ms(text.data(), text.size());
  PositionRecorder recorder(text, &ms);
  JsonTreeBuilder builder(/*reject_duplicate_keys=*/true, &recorder);
  rapidjson::Reader reader;
  rapidjson::ParseResult pr =
      reader.Parse<rapidjson::kParseFullPrecisionFlag |
                   rapidjson::kParseValidateEncodingFlag>(ms, builder);
  if (!pr) {
    const std::string& duplicate = builder.duplicate();
    // A duplicate stops the parse right after its key: point at the key.
    size_t offset = duplicate.empty() ? pr.Offset()
                                      : recorder.StartOfToken(ms.Tell(), true);
    auto [line, col] = LineColumn(text, offset);
    std::string msg = duplicate.empty()
                          ? std::string("invalid JSON: ") +
                                rapidjson::GetParseError_En(pr.Code())
                          : "duplicate key \"" + duplicate + "\"";
    if (!msg.empty() && msg.back() == '.') msg.pop_back();
    diags->AddAt(Position{line, col}, "", std::move(msg));
    return nullptr;
  }
  auto doc = std::make_unique<LoadedDocument>();
  doc->root = builder.TakeRoot();
  size_t next = 0;
  AttachPositions(doc->root, recorder.positions, &next, &doc->sources);
  return doc;
}

// ---- YAML ----

Position PositionOf(const YAML::Mark& mark) {
  if (mark.line < 0) return Position{};
  return Position{mark.line + 1, mark.column + 1};
}

// YAML 1.2 core schema resolution of a plain (untagged) scalar.
Json ResolvePlainScalar(const std::string& s) {
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL")
    return Json();
  if (s == "true" || s == "True" || s == "TRUE") return Json(true);
  if (s == "false" || s == "False" || s == "FALSE") return Json(false);
  static const std::regex kInt("[-+]?[0-9]+");
  static const std::regex kOct("0o[0-7]+");
  static const std::regex kHex("0x[0-9a-fA-F]+");
  static const std::regex kFloat(
      "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  if (std::regex_match(s, kInt)) {
    int64_t v;
    if (absl::SimpleAtoi(s, &v)) return Json(v);
    double d;
    if (absl::SimpleAtod(s, &d)) return Json(d);
  }
  if (std::regex_match(s, kOct)) {
    int64_t v = 0;
    auto r = std::from_chars(s.data() + 2, s.data() + s.size(), v, 8);
    if (r.ec == std::errc()) return Json(v);
  }
  if (std::regex_match(s, kHex)) {
    int64_t v = 0;
    auto r = std::from_chars(s.data() + 2, s.data() + s.size(), v, 16);
    if (r.ec == std::errc()) return Json(v);
  }
  if (std::regex_match(s, kFloat)) {
    double d;
    if (absl::SimpleAtod(s, &d)) return Json(d);
  }
  if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf" ||
      s == "-.inf" || s == ".nan" || s == ".NaN" || s == ".NAN") {
    return Json(s);  // JSON has no infinities or NaN: keep the text
  }
  return Json(s);
}

class YamlConverter {
 public:
  explicit YamlConverter(Diagnostics* diags) : diags_(diags) {}

  Json Convert(const YAML::Node& node, int depth) {
    positions.push_back(PositionOf(node.Mark()));
    if (depth > 200) {
      diags_->AddAt(PositionOf(node.Mark()), "", "document nested too deeply");
      return Json();
    }
    switch (node.Type()) {
      case YAML::NodeType::Null:
        return Json();
      case YAML::NodeType::Scalar:
        if (node.Tag() == "?") return ResolvePlainScalar(node.Scalar());
        if (node.Tag() == "tag:yaml.org,2002:int" || node.Tag() == "!!int") {
          return ResolvePlainScalar(node.Scalar());
        }
        return Json(
            node.Scalar());  // quoted ("!") or explicitly tagged as a string
      case YAML::NodeType::Sequence: {
        Json::Array arr;
        arr.reserve(node.size());
        for (const YAML::Node& child : node)
          arr.push_back(Convert(child, depth + 1));
        return Json(std::move(arr));
      }
      case YAML::NodeType::Map: {
        Json obj = Json::MakeObject();
        for (const auto& kv : node) {
          if (!kv.first.IsScalar()) {
            diags_->AddAt(PositionOf(kv.first.Mark()), "",
                          "mapping keys must be scalars");
            continue;
          }
          const std::string& key = kv.first.Scalar();
          if (obj.Find(key) != nullptr) {
            diags_->AddAt(PositionOf(kv.first.Mark()), "",
                          "duplicate key \"" + key + "\"");
            continue;
          }
          obj.Append(key, Convert(kv.second, depth + 1));
        }
        return obj;
      }
      case YAML::NodeType::Undefined:
        return Json();
    }
    return Json();
  }

  std::vector<Position> positions;

 private:
  Diagnostics* diags_;
};

std::unique_ptr<LoadedDocument> LoadYaml(std::string_view text,
                                         Diagnostics* diags) {
  std::vector<YAML::Node> docs;
  try {
    docs = YAML::LoadAll(std::string(text));
  } catch (const YAML::Exception& e) {
    diags->AddAt(PositionOf(e.mark), "", "invalid YAML: " + e.msg);
    return nullptr;
  }
  if (docs.size() > 1) {
    diags->AddAt(
        Position{}, "",
        "expected one YAML document, found " + std::to_string(docs.size()));
    return nullptr;
  }
  auto doc = std::make_unique<LoadedDocument>();
  if (docs.empty()) return doc;  // empty text: a null root
  size_t before = diags->list().size();
  YamlConverter conv(diags);
  try {
    doc->root = conv.Convert(docs[0], 0);
  } catch (const YAML::Exception& e) {
    diags->AddAt(PositionOf(e.mark), "", "invalid YAML: " + e.msg);
    return nullptr;
  }
  if (diags->list().size() != before) return nullptr;
  size_t next = 0;
  AttachPositions(doc->root, conv.positions, &next, &doc->sources);
  return doc;
}

}  // namespace

std::unique_ptr<LoadedDocument> LoadDocument(std::string_view text,
                                             Diagnostics* diags) {
  size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' ||
                             text[i] == '\n' || text[i] == '\r')) {
    ++i;
  }
  if (i < text.size() && (text[i] == '{' || text[i] == '[')) {
    // JSON is parsed as JSON (DECISIONS.md 1); YAML flow style such as `{Type:
    // Pass}` also starts with a brace, so a text that is not JSON gets a second
    // chance as YAML and, when that fails too, the JSON error is the one
    // reported.
    Diagnostics json_diags(nullptr);
    if (auto doc = LoadJson(text, &json_diags)) return doc;
    bool duplicate =
        json_diags.list().front().message.rfind("duplicate key", 0) == 0;
    if (!duplicate) {
      Diagnostics yaml_diags(nullptr);
      if (auto doc = LoadYaml(text, &yaml_diags)) return doc;
    }
    for (const Diagnostic& d : json_diags.list()) {
      diags->AddAt(Position{d.line, d.column}, d.path, d.message);
    }
    return nullptr;
  }
  return LoadYaml(text, diags);
}

}  // namespace fnf::internal
