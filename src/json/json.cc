#include "json/json.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include "json/tree_builder.h"

namespace fnf::internal {

Json::Json(const Json& other) {
  // Scalars and flat containers (the common case) copy directly: their
  // members' copies do not recurse further.
  if (!other.HasContainerChild()) {
    v_ = other.v_;
    return;
  }
  // Each destination container is sized before its children are queued, so
  // the queued pointers stay valid.
  std::vector<std::pair<const Json*, Json*>> work{{&other, this}};
  while (!work.empty()) {
    auto [from, to] = work.back();
    work.pop_back();
    if (from->is_array()) {
      const Array& src = from->as_array();
      Array& dst = to->v_.emplace<Array>(src.size());
      for (size_t i = 0; i < src.size(); ++i)
        work.emplace_back(&src[i], &dst[i]);
    } else if (from->is_object()) {
      const Object& src = from->as_object();
      Object& dst = to->v_.emplace<Object>();
      dst.reserve(src.size());
      for (const Member& m : src) {
        dst.emplace_back(m.first, Json());
        work.emplace_back(&m.second, &dst.back().second);
      }
    } else {
      to->v_ = from->v_;
    }
  }
}

Json& Json::operator=(const Json& other) {
  if (this != &other) *this = Json(other);
  return *this;
}

bool Json::HasContainerChild() const {
  auto nested = [](const Json& j) {
    return (j.is_array() && !j.as_array().empty()) ||
           (j.is_object() && !j.as_object().empty());
  };
  if (is_array()) {
    for (const Json& j : as_array())
      if (nested(j)) return true;
  } else if (is_object()) {
    for (const Member& m : as_object())
      if (nested(m.second)) return true;
  }
  return false;
}

void Json::MoveChildrenTo(std::vector<Json>* out) {
  if (is_array()) {
    for (Json& j : as_array()) out->push_back(std::move(j));
    as_array().clear();
  } else if (is_object()) {
    for (Member& m : as_object()) out->push_back(std::move(m.second));
    as_object().clear();
  }
}

Json::~Json() {
  // Flat containers (the common case) are left to the variant; nested ones are
  // taken apart level by level so no destructor recurses.
  if (!HasContainerChild()) return;
  std::vector<Json> pending;
  MoveChildrenTo(&pending);
  while (!pending.empty()) {
    Json last = std::move(pending.back());
    pending.pop_back();
    if (last.HasContainerChild()) last.MoveChildrenTo(&pending);
  }
}

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

namespace {

// Compares two values without looking into their members; `children` gets the
// member pairs still to compare.
bool ShallowEqual(const Json& a, const Json& b,
                  std::vector<std::pair<const Json*, const Json*>>* children) {
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
    case Json::Type::kArray: {
      const Json::Array& aa = a.as_array();
      const Json::Array& ba = b.as_array();
      if (aa.size() != ba.size()) return false;
      for (size_t i = 0; i < aa.size(); ++i)
        children->emplace_back(&aa[i], &ba[i]);
      return true;
    }
    case Json::Type::kObject: {
      // Key order does not matter for equality.
      const Json::Object& ao = a.as_object();
      if (ao.size() != b.as_object().size()) return false;
      for (const Json::Member& m : ao) {
        const Json* other = b.Find(m.first);
        if (other == nullptr) return false;
        children->emplace_back(&m.second, other);
      }
      return true;
    }
    default:
      return false;
  }
}

}  // namespace

bool operator==(const Json& a, const Json& b) {
  std::vector<std::pair<const Json*, const Json*>> work{{&a, &b}};
  while (!work.empty()) {
    auto [x, y] = work.back();
    work.pop_back();
    if (!ShallowEqual(*x, *y, &work)) return false;
  }
  return true;
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

void Json::AppendScalarTo(std::string* out) const {
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
    case Type::kArray:
    case Type::kObject:
      break;
  }
}

void Json::AppendTo(std::string* out) const {
  if (!is_array() && !is_object()) {
    AppendScalarTo(out);
    return;
  }
  struct Frame {
    const Json* node;
    size_t next;  // index of the next member to write
  };
  std::vector<Frame> stack{{this, 0}};
  out->push_back(is_array() ? '[' : '{');
  while (!stack.empty()) {
    Frame& top = stack.back();
    const Json& node = *top.node;
    const size_t size =
        node.is_array() ? node.as_array().size() : node.as_object().size();
    if (top.next == size) {
      out->push_back(node.is_array() ? ']' : '}');
      stack.pop_back();
      continue;
    }
    if (top.next > 0) out->push_back(',');
    const Json* child;
    if (node.is_array()) {
      child = &node.as_array()[top.next];
    } else {
      const Member& m = node.as_object()[top.next];
      AppendJsonString(m.first, out);
      out->push_back(':');
      child = &m.second;
    }
    ++top.next;
    if (child->is_array() || child->is_object()) {
      out->push_back(child->is_array() ? '[' : '{');
      stack.push_back(Frame{child, 0});  // `top` is not used after this
    } else {
      child->AppendScalarTo(out);
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

std::optional<std::string> RewriteZeroExponents(std::string_view text) {
  std::optional<std::string> out;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"') {  // skip the string, escapes included
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
      ++i;
      continue;
    }
    if (c != '-' && !digit(c)) {
      ++i;
      continue;
    }
    const size_t start = i;
    bool zero = true, exponent = false;
    if (text[i] == '-') ++i;
    for (; i < text.size() && (digit(text[i]) || text[i] == '.'); ++i) {
      if (digit(text[i]) && text[i] != '0') zero = false;
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
      exponent = true;
      for (++i; i < text.size() &&
                (digit(text[i]) || text[i] == '+' || text[i] == '-');
           ++i) {
      }
    }
    const std::string_view zero_text = text[start] == '-' ? "-0.0" : "0.0";
    if (zero && exponent && i - start >= zero_text.size()) {
      if (!out) out.emplace(text);
      out->replace(start, i - start, i - start, ' ');
      out->replace(start, zero_text.size(), zero_text);
    }
  }
  return out;
}

namespace {

JsonParseResult ParseOnce(std::string_view text, bool reject_duplicate_keys,
                          rapidjson::ParseErrorCode* code) {
  JsonParseResult result;
  JsonTreeBuilder builder(reject_duplicate_keys);
  rapidjson::Reader reader;
  rapidjson::MemoryStream ms(text.data(), text.size());
  rapidjson::ParseResult pr = reader.Parse<kJsonParseFlags>(ms, builder);
  *code = pr.Code();
  if (pr) {
    result.ok = true;
    result.value = builder.TakeRoot();
    return result;
  }
  result.offset = pr.Offset();
  if (!builder.duplicate().empty()) {
    result.error = "duplicate key \"" + builder.duplicate() + "\"";
  } else if (!builder.error().empty()) {
    result.error = builder.error();
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

}  // namespace

JsonParseResult ParseJson(std::string_view text, bool reject_duplicate_keys) {
  rapidjson::ParseErrorCode code;
  JsonParseResult result = ParseOnce(text, reject_duplicate_keys, &code);
  if (code == rapidjson::kParseErrorNumberTooBig) {
    if (std::optional<std::string> zeroed = RewriteZeroExponents(text)) {
      return ParseOnce(*zeroed, reject_duplicate_keys, &code);
    }
  }
  return result;
}

}  // namespace fnf::internal
