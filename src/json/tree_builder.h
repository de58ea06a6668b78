// Builds a Json tree from RapidJSON's SAX events. Shared by data parsing
// (ParseJson) and the definition loader, which also wants to know where each
// value starts.
#ifndef FNF_JSON_TREE_BUILDER_H_
#define FNF_JSON_TREE_BUILDER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/reader.h>

#include "json/json.h"
#include "json/number.h"

namespace fnf::internal {

// The flags every JSON parse in the engine uses: iterative (no recursion, any
// depth is safe; JsonTreeBuilder enforces kMaxJsonDepth), numbers handed over
// as text (JsonTreeBuilder::RawNumber converts them exactly), UTF-8 checked.
inline constexpr unsigned kJsonParseFlags =
    rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag |
    rapidjson::kParseValidateEncodingFlag;

// RapidJSON refuses a zero written with an exponent above 308 ("0e309") as
// too big even with numbers as text. Returns `text` with every such literal
// replaced by a zero of the same length ("0.0" and spaces, so every offset
// stays where it was), or nullopt when there is none.
std::optional<std::string> RewriteZeroExponents(std::string_view text);

class JsonTreeBuilder
    : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, JsonTreeBuilder> {
 public:
  // Told of every value as it is read, in pre-order (a container before its
  // members).
  class Observer {
   public:
    virtual ~Observer() = default;
    virtual void OnValue(bool is_string, bool is_container) = 0;
  };

  // `reject_duplicate_keys`: a repeated key stops the parse (duplicate() names
  // it); otherwise the last one wins. `observer` may be null.
  explicit JsonTreeBuilder(bool reject_duplicate_keys,
                           Observer* observer = nullptr)
      : reject_duplicates_(reject_duplicate_keys), observer_(observer) {}

  bool Null() { return Scalar(Json()); }
  bool Bool(bool b) { return Scalar(Json(b)); }
  bool Int(int i) { return Scalar(Json(static_cast<int64_t>(i))); }
  bool Uint(unsigned u) { return Scalar(Json(static_cast<int64_t>(u))); }
  bool Int64(int64_t i) { return Scalar(Json(i)); }
  bool Uint64(uint64_t u) {
    return Scalar(u <= static_cast<uint64_t>(INT64_MAX)
                      ? Json(static_cast<int64_t>(u))
                      : Json(static_cast<double>(u)));
  }
  bool Double(double d) { return Scalar(Json(d)); }
  // Numbers arrive as text (kParseNumbersAsStringsFlag) and are converted
  // exactly here: RapidJSON 1.1's own full-precision conversion has undefined
  // behaviour on a zero significand with an exponent.
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
    std::optional<Json> v = JsonNumberFromText(std::string_view(s, n));
    if (!v) {
      error_ = "Number too big to be stored in double";  // as RapidJSON says
      return false;
    }
    return Scalar(std::move(*v));
  }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    return Scalar(Json(std::string(s, n)), /*is_string=*/true);
  }
  bool StartObject() { return Open(Json::MakeObject()); }
  bool StartArray() { return Open(Json::MakeArray()); }
  bool EndObject(rapidjson::SizeType) { return Close(); }
  bool EndArray(rapidjson::SizeType) { return Close(); }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    key_.assign(s, n);
    if (reject_duplicates_ && stack_.back().value.Find(key_) != nullptr) {
      duplicate_ = key_;
      return false;
    }
    return true;
  }

  Json TakeRoot() { return std::move(root_); }
  // The repeated key that stopped the parse, or "".
  const std::string& duplicate() const { return duplicate_; }
  // Why the builder stopped the parse (too deep, a number out of range), or
  // "" (then RapidJSON's error or duplicate() says why).
  const std::string& error() const { return error_; }

 private:
  struct Frame {
    Json value;
    std::string key;  // the key this container is stored under in its parent
  };

  bool Scalar(Json v, bool is_string = false) {
    if (observer_) observer_->OnValue(is_string, false);
    return Put(std::move(v));
  }
  bool Open(Json v) {
    if (stack_.size() >= static_cast<size_t>(kMaxJsonDepth)) {
      error_ = kJsonTooDeep;
      return false;
    }
    if (observer_) observer_->OnValue(false, true);
    stack_.push_back(Frame{std::move(v), std::move(key_)});
    return true;
  }
  bool Close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    key_ = std::move(f.key);
    return Put(std::move(f.value));
  }
  bool Put(Json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return true;
    }
    Json& top = stack_.back().value;
    if (top.is_array()) {
      top.as_array().push_back(std::move(v));
    } else if (reject_duplicates_) {
      top.Append(std::move(key_), std::move(v));  // Key() made sure it is new
    } else {
      top.Set(std::move(key_), std::move(v));  // the last duplicate wins
    }
    key_.clear();
    return true;
  }

  const bool reject_duplicates_;
  Observer* const observer_;
  std::vector<Frame> stack_;
  std::string key_;
  std::string duplicate_;
  std::string error_;
  Json root_;
};

}  // namespace fnf::internal

#endif  // FNF_JSON_TREE_BUILDER_H_
