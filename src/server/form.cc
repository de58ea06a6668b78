#include "server/form.h"

#include "common/strings.h"
#include "expr/functions/utf8.h"

namespace fnf::server {
namespace {

using internal::StrCat;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes one key or value; false on a bad escape.
bool Decode(std::string_view in, std::string* out) {
  out->clear();
  out->reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '+') {
      out->push_back(' ');
    } else if (c == '%') {
      if (i + 2 >= in.size()) return false;
      int hi = HexValue(in[i + 1]), lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out->push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out->push_back(c);
    }
  }
  return true;
}

}  // namespace

Status ParseForm(std::string_view text, std::string_view where, Pairs* out) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('&', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view part = text.substr(start, end - start);
    start = end + 1;
    if (part.empty()) continue;
    size_t eq = part.find('=');
    std::string_view raw_key = part.substr(0, eq);
    std::string_view raw_value =
        eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1);
    std::string key, value;
    if (!Decode(raw_key, &key)) {
      return Status(ErrorCode::kInvalidArgument,
                    StrCat("The ", where, " has a bad '%' escape in the name '",
                           raw_key, "'."));
    }
    if (!Decode(raw_value, &value)) {
      return Status(ErrorCode::kInvalidArgument,
                    StrCat("The ", where, " parameter '", key,
                           "' has a bad '%' escape."));
    }
    if (!internal::IsValidUtf8(key) || !internal::IsValidUtf8(value)) {
      return Status(ErrorCode::kInvalidArgument,
                    StrCat("The ", where, " parameter '",
                           internal::IsValidUtf8(key) ? key : "?",
                           "' is not valid UTF-8."));
    }
    out->emplace_back(std::move(key), std::move(value));
  }
  return Status();
}

std::string PercentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() * 3 / 2);
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
        (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
        c == '~') {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

}  // namespace fnf::server
