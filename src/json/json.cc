#include "json/json.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include "json/tree_builder.h"

namespace fnf::internal {

const Json* Json::Find(std::string_view key) const {
  if (!is_object()) return nullptr;
  for (const Member& m : as_object()) {
    if (m.first == key) return &m.second;
  }
  return nullptr;
}

Json* Json::Find(std::string_view key) {
  return const_cast<Json*>(static_cast<const Json*>(this)->Find(key));
}

void Json::Set(std::string key, Json value) {
  if (Json* existing = Find(key)) {
    *existing = std::move(value);
    return;
  }
  Append(std::move(key), std::move(value));
}

void Json::MergeFrom(Json other) {
  for (Member& m : other.as_object())
    Set(std::move(m.first), std::move(m.second));
}

bool operator==(const Json& a, const Json& b) {
  if (a.is_number() && b.is_number()) {
    if (a.is_int() && b.is_int()) return a.as_int() == b.as_int();
    return a.as_number() == b.as_number();
  }
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Json::Type::kNull:
      return true;
    case Json::Type::kBool:
      return a.as_bool() == b.as_bool();
    case Json::Type::kString:
      return a.as_string() == b.as_string();
    case Json::Type::kArray:
      return a.as_array() == b.as_array();
    case Json::Type::kObject: {
      // Key order does not matter for equality.
      const Json::Object& ao = a.as_object();
      const Json::Object& bo = b.as_object();
      if (ao.size() != bo.size()) return false;
      for (const Json::Member& m : ao) {
        const Json* other = b.Find(m.first);
        if (other == nullptr || !(m.second == *other)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

std::string_view Json::TypeName(Type t) {
  switch (t) {
    case Type::kNull:
      return "null";
    case Type::kBool:
      return "boolean";
    case Type::kInt:
    case Type::kDouble:
      return "number";
    case Type::kString:
      return "string";
    case Type::kArray:
      return "array";
    case Type::kObject:
      return "object";
  }
  return "unknown";
}

void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;  // start of the pending run of bytes that need no escape
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

namespace {

void AppendDouble(double d, std::string* out) {
  if (!std::isfinite(d)) {  // JSON has no NaN/Infinity
    out->append("null");
    return;
  }
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, d);
  std::string_view text(buf, r.ptr - buf);
  out->append(text);
  // Keep a float recognisable as a float when it prints as an integer ("2.0",
  // not "2").
  if (text.find_first_of(".eEn") == std::string_view::npos) out->append(".0");
}

}  // namespace

void Json::AppendTo(std::string* out) const {
  switch (type()) {
    case Type::kNull:
      out->append("null");
      break;
    case Type::kBool:
      out->append(as_bool() ? "true" : "false");
      break;
    case Type::kInt: {
      char buf[24];
      auto r = std::to_chars(buf, buf + sizeof buf, as_int());
      out->append(buf, r.ptr - buf);
      break;
    }
    case Type::kDouble:
      AppendDouble(as_double(), out);
      break;
    case Type::kString:
      AppendJsonString(as_string(), out);
      break;
    case Type::kArray: {
      out->push_back('[');
      bool first = true;
      for (const Json& v : as_array()) {
        if (!first) out->push_back(',');
        first = false;
        v.AppendTo(out);
      }
      out->push_back(']');
      break;
    }
    case Type::kObject: {
      out->push_back('{');
      bool first = true;
      for (const Member& m : as_object()) {
        if (!first) out->push_back(',');
        first = false;
        AppendJsonString(m.first, out);
        out->push_back(':');
        m.second.AppendTo(out);
      }
      out->push_back('}');
      break;
    }
  }
}

std::string Json::Serialize() const {
  std::string out;
  AppendTo(&out);
  return out;
}

std::pair<int, int> LineColumn(std::string_view text, size_t offset) {
  int line = 1, col = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

JsonParseResult ParseJson(std::string_view text, bool reject_duplicate_keys) {
  JsonParseResult result;
  JsonTreeBuilder builder(reject_duplicate_keys);
  rapidjson::Reader reader;
  rapidjson::MemoryStream ms(text.data(), text.size());
  rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> is(
      ms);
  constexpr unsigned kFlags = rapidjson::kParseFullPrecisionFlag |
                              rapidjson::kParseValidateEncodingFlag |
                              rapidjson::kParseNanAndInfFlag * 0;
  rapidjson::ParseResult pr = reader.Parse<kFlags>(is, builder);
  if (pr) {
    result.ok = true;
    result.value = builder.TakeRoot();
    return result;
  }
  result.offset = pr.Offset();
  if (!builder.duplicate().empty()) {
    result.error = "duplicate key \"" + builder.duplicate() + "\"";
  } else {
    result.error = rapidjson::GetParseError_En(pr.Code());
    if (!result.error.empty() && result.error.back() == '.')
      result.error.pop_back();
  }
  auto [line, col] = LineColumn(text, result.offset);
  result.line = line;
  result.column = col;
  return result;
}

}  // namespace fnf::internal
