// Reads the fields of one object of a loaded definition, reporting missing,
// mistyped and unknown fields with their location. Shared by both dialects'
// parsers.
#ifndef FNF_DEFINITION_OBJECT_READER_H_
#define FNF_DEFINITION_OBJECT_READER_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.h"
#include "json/json.h"

namespace fnf::internal {

class ObjectReader {
 public:
  // `node` should be an object; if not, a problem is reported and every getter
  // returns nothing.
  ObjectReader(const Json& node, std::string path, Diagnostics* diags);

  bool ok() const { return node_.is_object(); }
  const Json& node() const { return node_; }
  const std::string& path() const { return path_; }
  std::string PathOf(std::string_view key) const;
  Diagnostics* diags() const { return diags_; }

  const Json* Get(std::string_view key) const { return node_.Find(key); }
  bool Has(std::string_view key) const { return Get(key) != nullptr; }
  // Typed getters: nullopt when absent (a problem if `required`) or of the
  // wrong type (always a problem).
  std::optional<std::string> String(std::string_view key,
                                    bool required = false) const;
  std::optional<bool> Bool(std::string_view key) const;
  std::optional<int64_t> Int(std::string_view key, bool required = false) const;
  std::optional<double> Number(std::string_view key,
                               bool required = false) const;
  // An array; a problem when present and not an array, or absent and
  // `required`.
  const Json::Array* Array(std::string_view key, bool required = false) const;
  // An object; a problem when present and not an object.
  const Json* Object(std::string_view key, bool required = false) const;

  // Reports every key not in `allowed`.
  void CheckKnown(std::initializer_list<std::string_view> allowed) const;
  void CheckKnown(const std::vector<std::string_view>& allowed) const;

  void Error(std::string_view key,
             std::string message) const;      // at the key's value
  void ErrorHere(std::string message) const;  // at this object

 private:
  // The value of `key`; reports it missing when `required`.
  const Json* Find(std::string_view key, bool required) const;

  const Json& node_;
  std::string path_;
  Diagnostics* diags_;
};

}  // namespace fnf::internal

#endif  // FNF_DEFINITION_OBJECT_READER_H_
