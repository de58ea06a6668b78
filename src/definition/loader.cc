#include "definition/loader.h"

#include <optional>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include "absl/strings/ascii.h"
#include "common/strings.h"
#include "definition/yaml_loader.h"
#include "functions/utf8.h"
#include "json/tree_builder.h"

namespace fnf::internal {
namespace {

// ---- JSON ----

// Records where each value starts. RapidJSON reports events after consuming the
// token, so the position is found by walking back from the stream's offset.
class PositionRecorder : public JsonTreeBuilder::Observer {
 public:
  PositionRecorder(std::string_view text, const rapidjson::MemoryStream* stream)
      : text_(text), stream_(stream) {}

  void OnValue(bool is_string, bool is_container) override {
    const size_t end = stream_->Tell();
    // The iterative parser reports a container before it takes its bracket.
    Record(is_container ? end : StartOfToken(end, is_string));
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

std::unique_ptr<LoadedDocument> LoadJsonOnce(std::string_view text,
                                             Diagnostics* diags,
                                             rapidjson::ParseErrorCode* code) {
  rapidjson::MemoryStream ms(text.data(), text.size());
  PositionRecorder recorder(text, &ms);
  JsonTreeBuilder builder(/*reject_duplicate_keys=*/true, &recorder);
  rapidjson::Reader reader;
  rapidjson::ParseResult pr = reader.Parse<kJsonParseFlags>(ms, builder);
  *code = pr.Code();
  if (!pr) {
    const std::string& duplicate = builder.duplicate();
    // A duplicate stops the parse right after its key: point at the key.
    size_t offset = duplicate.empty() ? pr.Offset()
                                      : recorder.StartOfToken(ms.Tell(), true);
    auto [line, col] = LineColumn(text, offset);
    std::string msg = !duplicate.empty() ? "duplicate key \"" + duplicate + "\""
                      : !builder.error().empty()
                          ? "invalid JSON: " + builder.error()
                          : std::string("invalid JSON: ") +
                                rapidjson::GetParseError_En(pr.Code());
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

std::unique_ptr<LoadedDocument> LoadJson(std::string_view text,
                                         Diagnostics* diags) {
  rapidjson::ParseErrorCode code;
  Diagnostics first(nullptr);
  if (auto doc = LoadJsonOnce(text, &first, &code)) return doc;
  if (code == rapidjson::kParseErrorNumberTooBig) {
    if (std::optional<std::string> zeroed = RewriteZeroExponents(text)) {
      return LoadJsonOnce(*zeroed, diags, &code);
    }
  }
  for (const Diagnostic& d : first.list()) {
    diags->AddAt(Position{d.line, d.column}, d.path, d.message);
  }
  return nullptr;
}

}  // namespace

// Positions are collected in pre-order while parsing and attached to the
// finished tree by a second pre-order walk, because node addresses are not
// stable while containers grow.
void AttachPositions(const Json& root, const std::vector<Position>& positions,
                     size_t* next, SourceMap* map) {
  std::vector<const Json*> pending{&root};  // pre-order: children reversed
  while (!pending.empty() && *next < positions.size()) {
    const Json* node = pending.back();
    pending.pop_back();
    map->Set(node, positions[(*next)++]);
    if (node->is_array()) {
      const Json::Array& a = node->as_array();
      for (auto it = a.rbegin(); it != a.rend(); ++it) pending.push_back(&*it);
    } else if (node->is_object()) {
      const Json::Object& o = node->as_object();
      for (auto it = o.rbegin(); it != o.rend(); ++it)
        pending.push_back(&it->second);
    }
  }
}

std::unique_ptr<LoadedDocument> LoadDocument(std::string_view text,
                                             Diagnostics* diags) {
  // Names, errors and every other string end up in JSON text (history,
  // outputs): the whole document must be UTF-8, comments included.
  if (size_t bad = InvalidUtf8Offset(text); bad != std::string_view::npos) {
    auto [line, column] = LineColumn(text, bad);
    diags->AddAt(Position{line, column}, "",
                 StrCat("invalid UTF-8 (byte ", bad + 1, ")"));
    return nullptr;
  }
  size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' ||
                             text[i] == '\n' || text[i] == '\r')) {
    ++i;
  }
  if (i < text.size() && (text[i] == '{' || text[i] == '[')) {
    // JSON is parsed as JSON (docs/behaviour.md); YAML flow style such as
    // `{Type: Pass}` also starts with a brace, so a text that is not JSON gets
    // a second chance as YAML and, when that fails too, the JSON error is the
    // one reported.
    Diagnostics json_diags(nullptr);
    if (auto doc = LoadJson(text, &json_diags)) return doc;
    bool duplicate =
        json_diags.list().front().message.rfind("duplicate key", 0) == 0;
    if (!duplicate) {
      Diagnostics yaml_diags(nullptr);
      if (auto doc = LoadYamlDocument(text, &yaml_diags)) return doc;
    }
    for (const Diagnostic& d : json_diags.list()) {
      diags->AddAt(Position{d.line, d.column}, d.path, d.message);
    }
    return nullptr;
  }
  return LoadYamlDocument(text, diags);
}

}  // namespace fnf::internal
