#include "cli/flow_name.h"

#include <exception>
#include <filesystem>
#include <string>

#include <rapidjson/document.h>
#include <yaml-cpp/yaml.h>

#include "cli/json_text.h"

namespace fnf::cli {
namespace {

constexpr size_t kMaxFlowNameLength = 128;

bool IsNameChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '-';
}

bool IsUtf8Continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::optional<std::string> NameFromJson(std::string_view text) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
  if (doc.HasParseError() || !doc.IsObject()) return std::nullopt;
  auto name = doc.FindMember("Name");
  if (name != doc.MemberEnd() && name->value.IsString())
    return std::string(name->value.GetString());
  auto type = doc.FindMember("type");
  auto legacy_name = doc.FindMember("name");
  if (type != doc.MemberEnd() && type->value.IsString() &&
      std::string_view(type->value.GetString()) == "flow" &&
      legacy_name != doc.MemberEnd() && legacy_name->value.IsString()) {
    return std::string(legacy_name->value.GetString());
  }
  return std::nullopt;
}

std::optional<std::string> NameFromYaml(std::string_view text) {
  // yaml-cpp reports bad YAML only by throwing; validation reports it properly
  // later. Load reads the first document only (LoadAll loops on a stray ',')
  // and does not expand aliases.
  try {
    const YAML::Node root = YAML::Load(std::string(text));
    if (!root.IsMap()) return std::nullopt;
    const YAML::Node name = root["Name"];
    if (name && name.IsScalar()) return name.Scalar();
    const YAML::Node type = root["type"];
    const YAML::Node legacy_name = root["name"];
    if (type && type.IsScalar() && type.Scalar() == "flow" && legacy_name &&
        legacy_name.IsScalar()) {
      return legacy_name.Scalar();
    }
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

}  // namespace

std::string SanitizeFlowName(std::string_view raw) {
  std::string name;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (IsNameChar(raw[i])) {
      name += raw[i];
      continue;
    }
    name += '_';
    while (i + 1 < raw.size() && IsUtf8Continuation(raw[i + 1])) ++i;
  }
  if (!name.empty() && ((name[0] >= '0' && name[0] <= '9') || name[0] == '-')) {
    name.insert(name.begin(), '_');
  }
  if (name.size() > kMaxFlowNameLength) name.resize(kMaxFlowNameLength);
  return name;
}

std::string FlowNameFromPath(std::string_view path) {
  std::string stem = std::filesystem::path(path).filename().stem().string();
  std::string name = SanitizeFlowName(stem);
  return name.empty() ? "flow" : name;
}

std::optional<std::string> DefinitionName(std::string_view definition) {
  std::string_view text = TrimJsonSpace(definition);
  // JSON is parsed as JSON, as the engine does (docs/behaviour.md): JSON is not
  // always YAML.
  if (!text.empty() && text.front() == '{') return NameFromJson(text);
  return NameFromYaml(definition);
}

std::string DeriveFlowName(std::string_view definition, std::string_view path) {
  if (std::optional<std::string> name = DefinitionName(definition))
    return *name;
  return FlowNameFromPath(path);
}

}  // namespace fnf::cli
