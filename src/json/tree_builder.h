// Builds a Json tree from RapidJSON's SAX events. Shared by data parsing
// (ParseJson) and the definition loader, which also wants to know where each
// value starts.
#ifndef FNF_JSON_TREE_BUILDER_H_
#define FNF_JSON_TREE_BUILDER_H_

#include <cstdint>
#include <string>
#include <vector>

#include <rapidjson/reader.h>

#include "json/json.h"

namespace fnf::internal {

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
  Json root_;
};

}  // namespace fnf::internal

#endif  // FNF_JSON_TREE_BUILDER_H_
