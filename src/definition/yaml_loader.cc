#include "definition/yaml_loader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <exception>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "common/strings.h"
#include "json/number.h"

namespace fnf::internal {
namespace {

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
    auto r = std::from_chars(s.data() + (s[0] == '+'), s.data() + s.size(), v);
    if (r.ec == std::errc() && r.ptr == s.data() + s.size()) return Json(v);
    if (std::optional<double> d = ParseDecimal(s)) return Json(*d);
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
    // YAML allows ".5" and "5."; the shared decimal reader wants digits on
    // both sides of the point.
    std::string text = s;
    size_t dot = text.find('.');
    if (dot != std::string::npos) {
      if (dot + 1 == text.size() ||
          !std::isdigit(static_cast<unsigned char>(text[dot + 1]))) {
        text.insert(dot + 1, "0");
      }
      if (dot == 0 || !std::isdigit(static_cast<unsigned char>(text[dot - 1])))
        text.insert(dot, "0");
    }
    if (std::optional<double> d = ParseDecimal(text)) return Json(*d);
  }
  return Json(s);  // includes .inf and .nan: JSON has neither, keep the text
}

// Thrown by the builder to end the parse once it has recorded why.
struct StopParse {};

// Builds the Json tree from parse events with an explicit stack, recording
// each value's position in pre-order (the order AttachPositions walks).
class YamlBuilder : public YAML::EventHandler {
 public:
  explicit YamlBuilder(Diagnostics* diags) : diags_(diags) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (TakeKey(mark, nullptr)) return;
    Begin(mark);
    Finish(mark, Json(), anchor, nullptr);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag,
                YAML::anchor_t anchor, const std::string& value) override {
    if (TakeKey(mark, &value)) return;
    Begin(mark);
    const bool resolve =
        tag == "?" || tag == "tag:yaml.org,2002:int" || tag == "!!int";
    // Quoted ("!") or explicitly tagged scalars are strings.
    Finish(mark, resolve ? ResolvePlainScalar(value) : Json(value), anchor,
           &value);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      Fail(mark, "unknown alias");
    }
    const Anchored& a = it->second;
    if (TakeKey(mark, a.scalar_text ? &*a.scalar_text : nullptr)) return;
    Charge(a.positions.size(), mark);
    const size_t start = positions_.size();
    positions_.insert(positions_.end(), a.positions.begin(), a.positions.end());
    Put(Json(a.value), start);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&,
                       YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(mark, Json::MakeArray(), anchor);
  }
  void OnMapStart(const YAML::Mark& mark, const std::string&,
                  YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    Open(mark, Json::MakeObject(), anchor);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapEnd() override { Close(); }

  Json TakeRoot() { return std::move(root_); }
  std::vector<Position> positions_;

 private:
  struct Frame {
    Json value;
    YAML::Mark mark;
    YAML::anchor_t anchor;
    size_t first_position;   // index in positions_ of this container's own
    bool expect_key = true;  // mappings: the next event is a key
    bool bad_key = false;    // mappings: the key was not a scalar
    std::string key;
    Position key_position;
  };
  struct Anchored {
    Json value;
    std::vector<Position> positions;
    std::optional<std::string> scalar_text;  // for use as a mapping key
  };

  // Anchors keep a copy of their value and aliases copy it again: both count
  // against one budget, so neither can grow far beyond the text.
  void Charge(size_t values, const YAML::Mark& mark) {
    copied_values_ += values;
    if (copied_values_ > kMaxYamlAliasValues) {
      Fail(mark, StrCat("anchors and aliases copy more than ",
                        kMaxYamlAliasValues, " values"));
    }
  }

  [[noreturn]] void Fail(const YAML::Mark& mark, std::string message) {
    diags_->AddAt(PositionOf(mark), "", std::move(message));
    throw StopParse{};
  }

  bool InKeyPosition() const {
    return !stack_.empty() && stack_.back().value.is_object() &&
           stack_.back().expect_key;
  }

  // When the event is a mapping key, takes it (`text`: the scalar's text, or
  // nullptr for anything else) and returns true.
  bool TakeKey(const YAML::Mark& mark, const std::string* text) {
    if (!InKeyPosition()) return false;
    Frame& f = stack_.back();
    f.expect_key = false;
    f.key_position = PositionOf(mark);
    if (text == nullptr) {
      diags_->AddAt(f.key_position, "", "mapping keys must be scalars");
      f.bad_key = true;
      return true;
    }
    f.key = *text;
    f.bad_key = false;
    if (f.value.Find(f.key) != nullptr) {
      diags_->AddAt(f.key_position, "", "duplicate key \"" + f.key + "\"");
      f.bad_key = true;
    }
    return true;
  }

  void Begin(const YAML::Mark& mark) { positions_.push_back(PositionOf(mark)); }

  void Open(const YAML::Mark& mark, Json value, YAML::anchor_t anchor) {
    if (InKeyPosition()) {
      // A collection as a key: reported, then built and dropped like a value.
      TakeKey(mark, nullptr);
      key_collections_.push_back(stack_.size());
    }
    if (stack_.size() >= static_cast<size_t>(kMaxJsonDepth)) {
      Fail(mark, std::string(kJsonTooDeep));
    }
    Begin(mark);
    stack_.push_back(Frame{std::move(value), mark, anchor,
                           positions_.size() - 1, true, false});
  }

  void Close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (!key_collections_.empty() && key_collections_.back() == stack_.size()) {
      key_collections_.pop_back();
      positions_.resize(f.first_position);
      stack_.back().expect_key = false;  // its value comes next
      stack_.back().bad_key = true;
      return;
    }
    Remember(f.mark, f.anchor, f.value, f.first_position, nullptr);
    Put(std::move(f.value), f.first_position);
  }

  void Finish(const YAML::Mark& mark, Json value, YAML::anchor_t anchor,
              const std::string* text) {
    Remember(mark, anchor, value, positions_.size() - 1, text);
    Put(std::move(value), positions_.size() - 1);
  }

  void Remember(const YAML::Mark& mark, YAML::anchor_t anchor,
                const Json& value, size_t first, const std::string* text) {
    if (anchor == YAML::NullAnchor) return;
    Charge(positions_.size() - first, mark);
    Anchored& a = anchors_[anchor];
    a.value = value;
    a.positions.assign(positions_.begin() + static_cast<ptrdiff_t>(first),
                       positions_.end());
    if (text) a.scalar_text = *text;
  }

  // Stores a finished value in its parent; `first` is its first position.
  void Put(Json value, size_t first) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return;
    }
    Frame& f = stack_.back();
    if (f.value.is_array()) {
      f.value.as_array().push_back(std::move(value));
      return;
    }
    f.expect_key = true;
    if (f.bad_key) {
      positions_.resize(first);  // dropped with its key
      return;
    }
    f.value.Append(std::move(f.key), std::move(value));
  }

  Diagnostics* diags_;
  std::vector<Frame> stack_;
  std::vector<size_t> key_collections_;  // stack sizes of collection keys
  std::map<YAML::anchor_t, Anchored> anchors_;
  size_t copied_values_ = 0;
  Json root_;
};

// Notes only where the next document starts, and whether it is empty.
class DocumentProbe : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { See(m, true); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { See(m, false); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                const std::string&) override {
    See(m, false);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    See(m, false);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    See(m, false);
  }
  void OnMapEnd() override {}

  YAML::Mark mark = YAML::Mark::null_mark();
  bool empty = false;

 private:
  void See(const YAML::Mark& m, bool null) {
    if (seen_) return;
    seen_ = true;
    mark = m;
    empty = null;
  }
  bool seen_ = false;
};

// After the first document: anything more is a problem. yaml-cpp reports a
// token it cannot start a document with (a stray ',') as an endless series of
// empty documents at the same place, so two empty ones there mean "unexpected".
void CheckNoMoreDocuments(std::string_view text, YAML::Parser* parser,
                          Diagnostics* diags) {
  DocumentProbe second;
  if (!parser->HandleNextDocument(second)) return;
  DocumentProbe third;
  const bool stuck = second.empty && parser->HandleNextDocument(third) &&
                     third.empty && third.mark.pos == second.mark.pos;
  const size_t pos = static_cast<size_t>(std::max(second.mark.pos, 0));
  if (stuck && pos < text.size()) {
    diags->AddAt(
        PositionOf(second.mark), "",
        StrCat("invalid YAML: unexpected '", text.substr(pos, 1), "'"));
    return;
  }
  diags->AddAt(PositionOf(second.mark), "",
               "expected one YAML document, found a second one here");
}

}  // namespace

std::unique_ptr<LoadedDocument> LoadYamlDocument(std::string_view text,
                                                 Diagnostics* diags) {
  const size_t before = diags->list().size();
  auto doc = std::make_unique<LoadedDocument>();
  YamlBuilder builder(diags);
  try {
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    if (parser.HandleNextDocument(builder)) {
      doc->root = builder.TakeRoot();
      CheckNoMoreDocuments(text, &parser, diags);
    }
  } catch (const StopParse&) {
    return nullptr;
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp stops at 500 levels, before kMaxJsonDepth, and calls it "bad
    // file".
    diags->AddAt(PositionOf(e.mark), "",
                 "invalid YAML: nested 500 levels or more");
    return nullptr;
  } catch (const YAML::Exception& e) {
    diags->AddAt(PositionOf(e.mark), "", "invalid YAML: " + e.msg);
    return nullptr;
  } catch (const std::exception& e) {
    // yaml-cpp may throw anything (std::bad_alloc, std::length_error);
    // no exception leaves the library.
    diags->AddAt(Position{}, "", StrCat("invalid YAML: ", e.what()));
    return nullptr;
  }
  if (diags->list().size() != before) return nullptr;
  size_t next = 0;
  AttachPositions(doc->root, builder.positions_, &next, &doc->sources);
  return doc;
}

}  // namespace fnf::internal
