#include "definition/object_reader.h"

#include <cmath>

#include "common/strings.h"
#include "expr/suggest.h"

namespace fnf::internal {

ObjectReader::ObjectReader(const Json& node, std::string path,
                           Diagnostics* diags)
    : node_(node), path_(std::move(path)), diags_(diags) {
  if (!node_.is_object()) {
    diags_->Add(&node_, path_,
                StrCat("expected an object, found ", node_.type_name()));
  }
}

std::string ObjectReader::PathOf(std::string_view key) const {
  return path_.empty() ? std::string(key) : StrCat(path_, ".", key);
}

void ObjectReader::Error(std::string_view key, std::string message) const {
  const Json* v = Get(key);
  diags_->Add(v ? v : &node_, PathOf(key), std::move(message));
}

void ObjectReader::ErrorHere(std::string message) const {
  diags_->Add(&node_, path_, std::move(message));
}

const Json* ObjectReader::Find(std::string_view key, bool required) const {
  const Json* v = Get(key);
  if (v == nullptr && required && ok()) {
    ErrorHere(StrCat("missing required field '", key, "'"));
  }
  return v;
}

std::optional<std::string> ObjectReader::String(std::string_view key,
                                                bool required) const {
  const Json* v = Find(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    Error(key, StrCat("must be a string, found ", v->type_name()));
    return std::nullopt;
  }
  return v->as_string();
}

std::optional<bool> ObjectReader::Bool(std::string_view key) const {
  const Json* v = Get(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_bool()) {
    Error(key, StrCat("must be a boolean, found ", v->type_name()));
    return std::nullopt;
  }
  return v->as_bool();
}

std::optional<int64_t> ObjectReader::Int(std::string_view key,
                                         bool required) const {
  const Json* v = Find(key, required);
  if (v == nullptr) return std::nullopt;
  if (v->is_int()) return v->as_int();
  if (v->is_double() && std::floor(v->as_double()) == v->as_double() &&
      std::fabs(v->as_double()) < 9e15) {
    return static_cast<int64_t>(v->as_double());
  }
  Error(key, StrCat("must be an integer, found ",
                    v->is_double() ? "a fraction" : v->type_name()));
  return std::nullopt;
}

std::optional<double> ObjectReader::Number(std::string_view key,
                                           bool required) const {
  const Json* v = Find(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number()) {
    Error(key, StrCat("must be a number, found ", v->type_name()));
    return std::nullopt;
  }
  return v->as_number();
}

const Json::Array* ObjectReader::Array(std::string_view key,
                                       bool required) const {
  const Json* v = Find(key, required);
  if (v == nullptr) return nullptr;
  if (!v->is_array()) {
    Error(key, StrCat("must be a list, found ", v->type_name()));
    return nullptr;
  }
  return &v->as_array();
}

const Json* ObjectReader::Object(std::string_view key, bool required) const {
  const Json* v = Find(key, required);
  if (v == nullptr) return nullptr;
  if (!v->is_object()) {
    Error(key, StrCat("must be a map, found ", v->type_name()));
    return nullptr;
  }
  return v;
}

void ObjectReader::CheckKnown(
    std::initializer_list<std::string_view> allowed) const {
  CheckKnown(std::vector<std::string_view>(allowed));
}

void ObjectReader::CheckKnown(
    const std::vector<std::string_view>& allowed) const {
  if (!ok()) return;
  for (const Json::Member& m : node_.as_object()) {
    bool known = false;
    for (std::string_view a : allowed) known = known || a == m.first;
    if (!known)
      diags_->Add(
          &m.second, PathOf(m.first),
          "unknown field '" + m.first + "'" + DidYouMean(m.first, allowed));
  }
}

}  // namespace fnf::internal
