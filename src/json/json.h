// The engine's JSON value: an owned tree whose objects keep their key order
// (docs/behaviour.md). Values move cheaply; the interpreter moves data between
// states rather than copying it.
#ifndef FNF_JSON_JSON_H_
#define FNF_JSON_JSON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace fnf::internal {

class Json {
 public:
  enum class Type : uint8_t {
    kNull,
    kBool,
    kInt,
    kDouble,
    kString,
    kArray,
    kObject
  };
  using Array = std::vector<Json>;
  using Member = std::pair<std::string, Json>;
  using Object = std::vector<Member>;  // insertion order; keys unique

  Json() = default;
  Json(std::nullptr_t) {}                           // NOLINT
  Json(bool b) : v_(b) {}                           // NOLINT
  Json(int i) : v_(static_cast<int64_t>(i)) {}      // NOLINT
  Json(int64_t i) : v_(i) {}                        // NOLINT
  Json(double d) : v_(d) {}                         // NOLINT
  Json(std::string s) : v_(std::move(s)) {}         // NOLINT
  Json(std::string_view s) : v_(std::string(s)) {}  // NOLINT
  Json(const char* s) : v_(std::string(s)) {}       // NOLINT
  Json(Array a) : v_(std::move(a)) {}               // NOLINT
  Json(Object o) : v_(std::move(o)) {}              // NOLINT
  // Copying, destroying, comparing and serializing walk the tree with an
  // explicit stack, so a value of any depth is safe on any thread's stack.
  Json(const Json& other);
  Json(Json&&) noexcept = default;
  Json& operator=(const Json& other);
  Json& operator=(Json&&) noexcept = default;
  ~Json();

  static Json MakeObject() { return Json(Object{}); }
  static Json MakeArray() { return Json(Array{}); }

  Type type() const { return static_cast<Type>(v_.index()); }
  bool is_null() const { return type() == Type::kNull; }
  bool is_bool() const { return type() == Type::kBool; }
  bool is_int() const { return type() == Type::kInt; }
  bool is_double() const { return type() == Type::kDouble; }
  bool is_number() const { return is_int() || is_double(); }
  bool is_string() const { return type() == Type::kString; }
  bool is_array() const { return type() == Type::kArray; }
  bool is_object() const { return type() == Type::kObject; }

  // REQUIRES: the matching type.
  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_double() const { return std::get<double>(v_); }
  // Either number type as a double.
  double as_number() const {
    return is_int() ? static_cast<double>(as_int()) : as_double();
  }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  std::string& as_string() { return std::get<std::string>(v_); }
  const Array& as_array() const { return std::get<Array>(v_); }
  Array& as_array() { return std::get<Array>(v_); }
  const Object& as_object() const { return std::get<Object>(v_); }
  Object& as_object() { return std::get<Object>(v_); }

  // Object member lookup; nullptr when absent or not an object.
  const Json* Find(std::string_view key) const;
  Json* Find(std::string_view key);
  // Sets `key` (replacing in place, keeping its position) or appends it.
  // REQUIRES: is_object().
  void Set(std::string key, Json value);
  // Appends without checking for an existing key. REQUIRES: is_object() and key
  // not present.
  void Append(std::string key, Json value) {
    as_object().emplace_back(std::move(key), std::move(value));
  }
  // Shallow merge: keys of `other` replace ours in place, new keys are
  // appended. REQUIRES: both objects.
  void MergeFrom(Json other);

  // Deep equality; numbers compare by value (1 == 1.0).
  friend bool operator==(const Json& a, const Json& b);
  friend bool operator!=(const Json& a, const Json& b) { return !(a == b); }

  // Compact JSON text.
  std::string Serialize() const;
  void AppendTo(std::string* out) const;

  // Type name as used in error messages: "null", "boolean", "number", "string",
  // "array", "object".
  static std::string_view TypeName(Type t);
  std::string_view type_name() const { return TypeName(type()); }

 private:
  bool HasContainerChild() const;
  void MoveChildrenTo(std::vector<Json>* out);
  void AppendScalarTo(std::string* out) const;

  std::variant<std::monostate, bool, int64_t, double, std::string, Array,
               Object>
      v_;
};

// How deeply arrays and objects may nest in any JSON the engine accepts
// (inputs, task outputs, definitions, mocks, stringToJson): deeper text is
// refused while it is parsed, with kJsonTooDeep as the error.
inline constexpr int kMaxJsonDepth = 512;
inline constexpr std::string_view kJsonTooDeep = "nested more than 512 levels";

// Result of parsing JSON text.
struct JsonParseResult {
  bool ok = false;
  Json value;
  std::string error;         // what went wrong
  size_t offset = 0;         // byte offset of the error
  int line = 0, column = 0;  // 1-based position of the error
};

// Parses JSON text (RFC 8259). Duplicate keys: the last one wins unless
// `reject_duplicate_keys`, which makes them an error. Thread-safe.
JsonParseResult ParseJson(std::string_view text,
                          bool reject_duplicate_keys = false);

// Appends `s` as a JSON string literal (with quotes and escapes).
void AppendJsonString(std::string_view s, std::string* out);

// 1-based line and column of byte `offset` in `text` (columns count bytes).
std::pair<int, int> LineColumn(std::string_view text, size_t offset);

}  // namespace fnf::internal

#endif  // FNF_JSON_JSON_H_
