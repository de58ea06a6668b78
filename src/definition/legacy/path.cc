#include "definition/legacy/path.h"

#include <cctype>
#include <utility>
#include <vector>

#include "common/strings.h"

namespace fnf::internal::legacy {
namespace {

struct RootName {
  std::string_view name;  // after '$'
  PathRoot root;
  uint32_t mask;
};

constexpr RootName kRootNames[] = {
    {"", PathRoot::kInput, kPathDollar},
    {"input", PathRoot::kInput, kPathInput},
    {"local", PathRoot::kLocal, kPathLocal},
    {"context", PathRoot::kContext, kPathContext},
};

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// The members of `$context`: group -> its fields.
struct ContextGroup {
  std::string_view name;
  std::vector<std::string_view> fields;
};

const std::vector<ContextGroup>& ContextGroups() {
  static const auto* const kGroups = new std::vector<ContextGroup>{
      {"task", {"token"}},
      {"execution", {"name"}},
      {"flow", {"name"}},
      {"step", {"name", "eventId"}},
  };
  return *kGroups;
}

std::string JoinNames(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

class PathParser {
 public:
  PathParser(std::string_view text, uint32_t roots)
      : text_(text), roots_(roots) {}

  std::variant<Path, PathError> Run() {
    Path path;
    path.text = std::string(text_);
    if (!ParseRoot(&path)) return error_;
    while (pos_ < text_.size()) {
      if (!ParseSegment(&path)) return error_;
    }
    if (path.root == PathRoot::kContext && !CheckContext(path)) return error_;
    return path;
  }

 private:
  bool Fail(size_t offset, std::string message) {
    error_ = PathError{offset, std::move(message)};
    return false;
  }

  bool ParseRoot(Path* path) {
    if (text_.empty() || text_[0] != '$') {
      return Fail(0, "a path starts with '$'");
    }
    size_t end = 1;
    while (end < text_.size() && IsNameChar(text_[end])) ++end;
    std::string_view name = text_.substr(1, end - 1);
    for (const RootName& r : kRootNames) {
      if (r.name != name) continue;
      if ((roots_ & r.mask) == 0) return Fail(0, NotAllowed(r.mask));
      path->root = r.root;
      pos_ = end;
      return true;
    }
    return Fail(
        0, StrCat("unknown root '$", name, "' (expected ", Expected(), ")"));
  }

  std::string Expected() const {
    std::string out;
    auto add = [&](uint32_t mask, std::string_view text) {
      if ((roots_ & mask) == 0) return;
      if (!out.empty()) out += ", ";
      out += text;
    };
    add(kPathDollar, "$");
    add(kPathInput, "$input");
    add(kPathLocal, "$local");
    add(kPathContext, "$context");
    return out;
  }

  std::string NotAllowed(uint32_t mask) const {
    switch (mask) {
      case kPathDollar:
        return StrCat("'$' is not a root here; use ", Expected());
      case kPathLocal:
        return StrCat("$local is not available here; use ", Expected());
      default:
        return StrCat(mask == kPathInput ? "$input" : "$context",
                      " is not available here; use ", Expected());
    }
  }

  bool ParseSegment(Path* path) {
    const char c = text_[pos_];
    if (c == '.') return ParseDotted(path);
    if (c == '[') return ParseBracket(path);
    return Fail(pos_,
                StrCat("expected '.' or '[' at '", text_.substr(pos_), "'"));
  }

  bool ParseDotted(Path* path) {
    const size_t start = ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '*') {
      ++pos_;
      return AddWildcard(path, start);
    }
    while (pos_ < text_.size() && text_[pos_] != '.' && text_[pos_] != '[') {
      const char c = text_[pos_];
      if (c == ']' || std::isspace(static_cast<unsigned char>(c))) {
        return Fail(pos_, StrCat("unexpected '", text_.substr(pos_, 1),
                                 "' in a key; write [\"key\"] for keys with "
                                 "spaces or brackets"));
      }
      ++pos_;
    }
    if (pos_ == start) return Fail(start, "expected a key after '.'");
    path->segments.push_back(
        PathSegment{PathSegment::Kind::kKey,
                    std::string(text_.substr(start, pos_ - start)), 0, start});
    return true;
  }

  bool ParseBracket(Path* path) {
    const size_t open = pos_++;
    if (pos_ >= text_.size()) return Fail(open, "unclosed '['");
    const char c = text_[pos_];
    if (c == '*') {
      ++pos_;
      if (!Expect(']')) return false;
      return AddWildcard(path, open);
    }
    if (c == '"' || c == '\'') return ParseQuotedKey(path, c);
    return ParseIndex(path, open);
  }

  bool ParseQuotedKey(Path* path, char quote) {
    const size_t open = pos_++;
    std::string key;
    while (pos_ < text_.size() && text_[pos_] != quote) {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
      key += text_[pos_++];
    }
    if (pos_ >= text_.size()) return Fail(open, "unclosed quoted key");
    ++pos_;
    if (!Expect(']')) return false;
    path->segments.push_back(
        PathSegment{PathSegment::Kind::kKey, std::move(key), 0, open - 1});
    return true;
  }

  bool ParseIndex(Path* path, size_t open) {
    const bool negative = text_[pos_] == '-';
    if (negative) ++pos_;
    const size_t digits = pos_;
    int64_t value = 0;
    while (pos_ < text_.size() &&
           std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
      if (value > 1'000'000'000) return Fail(digits, "index is too large");
      value = value * 10 + (text_[pos_++] - '0');
    }
    if (pos_ == digits) {
      return Fail(open + 1, "expected an index, '*' or a quoted key after '['");
    }
    if (!Expect(']')) return false;
    path->segments.push_back(PathSegment{PathSegment::Kind::kIndex, "",
                                         negative ? -value : value, open});
    return true;
  }

  bool Expect(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return Fail(pos_, StrCat("expected '", std::string(1, c), "'"));
  }

  bool AddWildcard(Path* path, size_t offset) {
    path->segments.push_back(
        PathSegment{PathSegment::Kind::kWildcard, "", 0, offset});
    path->has_wildcard = true;
    return true;
  }

  // `$context` has a fixed shape; anything else is a typo worth reporting now,
  // naming the member and pointing at it.
  bool CheckContext(const Path& path) {
    const std::vector<PathSegment>& s = path.segments;
    for (const PathSegment& seg : s) {
      if (seg.kind != PathSegment::Kind::kKey) {
        return Fail(seg.offset, "$context has only named members");
      }
    }
    if (s.empty()) return true;
    std::vector<std::string_view> groups;
    for (const ContextGroup& g : ContextGroups()) {
      groups.push_back(g.name);
      if (s[0].key != g.name) continue;
      if (s.size() == 1) return true;
      bool known = false;
      for (std::string_view f : g.fields) known = known || s[1].key == f;
      if (!known) {
        return Fail(s[1].offset,
                    StrCat("$context.", g.name, " has no member '", s[1].key,
                           "' (it has ", JoinNames(g.fields), ")"));
      }
      if (s.size() == 2) return true;
      return Fail(s[2].offset, StrCat("$context.", g.name, ".", s[1].key,
                                      " has no members"));
    }
    return Fail(s[0].offset, StrCat("$context has no member '", s[0].key,
                                    "' (it has ", JoinNames(groups), ")"));
  }

  std::string_view text_;
  uint32_t roots_;
  size_t pos_ = 0;
  PathError error_;
};

bool StartsWithRoot(std::string_view text, std::string_view root) {
  return text.size() >= root.size() + 1 && text[0] == '$' &&
         text.substr(1, root.size()) == root;
}

}  // namespace

bool IsPathText(std::string_view text, uint32_t roots) {
  if (text.empty() || text[0] != '$') return false;
  // A root that is not available here is still a path, so that CompilePath
  // reports it instead of the text silently becoming a literal.
  return (roots & kPathDollar) != 0 || StartsWithRoot(text, "input") ||
         StartsWithRoot(text, "local") || StartsWithRoot(text, "context");
}

std::variant<Path, PathError> CompilePath(std::string_view text,
                                          uint32_t roots) {
  return PathParser(text, roots).Run();
}

}  // namespace fnf::internal::legacy
