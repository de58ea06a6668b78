#include "expr/lexer.h"

#include <charconv>
#include <system_error>

#include "common/strings.h"

namespace fnf::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
// Bytes above 0x7F are letters so that keys in any script can follow a '.'.
bool IsIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool IsIdentChar(char c) { return IsIdentStart(c) || IsDigit(c); }

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  LexResult Run() {
    LexResult result;
    while (true) {
      SkipSpace();
      Token token;
      token.offset = pos_;
      if (pos_ >= text_.size()) {
        result.tokens.push_back(std::move(token));
        return result;
      }
      if (!Next(&token)) {
        result.error = std::move(error_);
        return result;
      }
      token.length = pos_ - token.offset;
      result.tokens.push_back(std::move(token));
    }
  }

 private:
  void SkipSpace() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' ||
            text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool Fail(size_t offset, std::string message) {
    error_ = ExprCompileError{offset, std::move(message)};
    return false;
  }

  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }

  bool Next(Token* token) {
    char c = text_[pos_];
    if (IsDigit(c)) return Number(token);
    if (IsIdentStart(c)) {
      token->kind = TokenKind::kIdent;
      token->text = Word();
      return true;
    }
    switch (c) {
      case '$':
        ++pos_;
        token->kind = TokenKind::kVariable;
        token->text = Word();
        return true;
      case '"':
      case '\'':
        return QuotedString(token);
      case '`':
        return RawString(token);
      case '(':
        return Single(token, TokenKind::kLParen);
      case ')':
        return Single(token, TokenKind::kRParen);
      case '[':
        return Single(token, TokenKind::kLBracket);
      case ']':
        return Single(token, TokenKind::kRBracket);
      case '{':
        return Single(token, TokenKind::kLBrace);
      case '}':
        return Single(token, TokenKind::kRBrace);
      case ',':
        return Single(token, TokenKind::kComma);
      case ':':
        return Single(token, TokenKind::kColon);
      case '.':
        return Single(token, TokenKind::kDot);
      case '+':
        return Single(token, TokenKind::kPlus);
      case '-':
        return Single(token, TokenKind::kMinus);
      case '*':
        return Single(token, TokenKind::kStar);
      case '/':
        return Single(token, TokenKind::kSlash);
      case '%':
        return Single(token, TokenKind::kPercent);
      case '|':
        if (Peek(1) == '|') return Double(token, TokenKind::kOr);
        return Fail(pos_, "unexpected '|'; use '||' for a logical or");
      case '&':
        if (Peek(1) == '&') return Double(token, TokenKind::kAnd);
        return Fail(pos_, "unexpected '&'; use '&&' for a logical and");
      case '=':
        if (Peek(1) == '=') return Double(token, TokenKind::kEq);
        return Fail(pos_, "unexpected '='; use '==' to compare");
      case '!':
        if (Peek(1) == '=') return Double(token, TokenKind::kNe);
        return Single(token, TokenKind::kNot);
      case '<':
        if (Peek(1) == '=') return Double(token, TokenKind::kLe);
        return Single(token, TokenKind::kLt);
      case '>':
        if (Peek(1) == '=') return Double(token, TokenKind::kGe);
        return Single(token, TokenKind::kGt);
      default:
        return Fail(pos_, StrCat("unexpected character '",
                                 std::string_view(&c, 1), "'"));
    }
  }

  bool Single(Token* token, TokenKind kind) {
    token->kind = kind;
    pos_ += 1;
    return true;
  }
  bool Double(Token* token, TokenKind kind) {
    token->kind = kind;
    pos_ += 2;
    return true;
  }

  std::string Word() {
    size_t start = pos_;
    while (pos_ < text_.size() && IsIdentChar(text_[pos_])) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }

  bool Number(Token* token) {
    size_t start = pos_;
    bool is_float = false;
    while (IsDigit(Peek())) ++pos_;
    // "1.5" is a number; in "1.x" the dot is member access, which a number does
    // not have, so only a digit after the dot continues the literal.
    if (Peek() == '.' && IsDigit(Peek(1))) {
      is_float = true;
      ++pos_;
      while (IsDigit(Peek())) ++pos_;
    }
    if (Peek() == 'e' || Peek() == 'E') {
      is_float = true;
      ++pos_;
      if (Peek() == '+' || Peek() == '-') ++pos_;
      if (!IsDigit(Peek()))
        return Fail(start, "malformed number: missing exponent digits");
      while (IsDigit(Peek())) ++pos_;
    }
    if (IsIdentChar(Peek())) {
      size_t end = pos_;
      while (end < text_.size() && IsIdentChar(text_[end])) ++end;
      return Fail(start, StrCat("malformed number '",
                                text_.substr(start, end - start), "'"));
    }
    const char* first = text_.data() + start;
    const char* last = text_.data() + pos_;
    if (is_float) {
      token->kind = TokenKind::kFloat;
      auto [ptr, ec] = std::from_chars(first, last, token->float_value);
      if (ec != std::errc() || ptr != last) {
        return Fail(start, StrCat("number '", text_.substr(start, pos_ - start),
                                  "' is out of range"));
      }
      return true;
    }
    token->kind = TokenKind::kInt;
    auto [ptr, ec] = std::from_chars(first, last, token->int_value);
    // Magnitudes up to 2^63 fit: the parser accepts 2^63 only after a unary
    // minus.
    if (ec != std::errc() || ptr != last ||
        token->int_value > (uint64_t{1} << 63)) {
      return Fail(start, StrCat("integer '", text_.substr(start, pos_ - start),
                                "' does not fit in 64 bits"));
    }
    return true;
  }

  bool Hex4(size_t at, uint32_t* out) {
    if (at + 4 > text_.size()) return false;
    uint32_t v = 0;
    for (size_t i = at; i < at + 4; ++i) {
      char h = text_[i];
      v <<= 4;
      if (h >= '0' && h <= '9') {
        v |= static_cast<uint32_t>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        v |= static_cast<uint32_t>(h - 'a' + 10);
      } else if (h >= 'A' && h <= 'F') {
        v |= static_cast<uint32_t>(h - 'A' + 10);
      } else {
        return false;
      }
    }
    *out = v;
    return true;
  }

  // JSON escapes, plus \' so that either quote can be escaped in either kind of
  // string.
  bool QuotedString(Token* token) {
    size_t start = pos_;
    char quote = text_[pos_++];
    token->kind = TokenKind::kString;
    std::string& out = token->text;
    while (true) {
      if (pos_ >= text_.size()) return Fail(start, "unterminated string");
      char c = text_[pos_];
      if (c == quote) {
        ++pos_;
        return true;
      }
      if (c != '\\') {
        out.push_back(c);
        ++pos_;
        continue;
      }
      size_t escape = pos_;
      char e = Peek(1);
      pos_ += 2;
      switch (e) {
        case '"':
        case '\'':
        case '\\':
        case '/':
          out.push_back(e);
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u': {
          uint32_t cp;
          if (!Hex4(pos_, &cp))
            return Fail(escape, "\\u must be followed by 4 hex digits");
          pos_ += 4;
          if (cp >= 0xDC00 && cp <= 0xDFFF)
            return Fail(escape, "unpaired UTF-16 surrogate");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low;
            if (Peek() != '\\' || Peek(1) != 'u' || !Hex4(pos_ + 2, &low) ||
                low < 0xDC00 || low > 0xDFFF) {
              return Fail(escape, "unpaired UTF-16 surrogate");
            }
            pos_ += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          AppendUtf8(cp, &out);
          break;
        }
        default:
          if (escape + 1 >= text_.size())
            return Fail(start, "unterminated string");
          return Fail(escape, StrCat("unknown escape '\\",
                                     std::string_view(&e, 1), "'"));
      }
    }
  }

  // Back-quoted strings are raw: no escapes, so regular expressions need no
  // doubling.
  bool RawString(Token* token) {
    size_t start = pos_++;
    size_t end = text_.find('`', pos_);
    if (end == std::string_view::npos)
      return Fail(start, "unterminated string");
    token->kind = TokenKind::kString;
    token->text = std::string(text_.substr(pos_, end - pos_));
    pos_ = end + 1;
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
  ExprCompileError error_;
};

}  // namespace

LexResult Lex(std::string_view text) { return Lexer(text).Run(); }

}  // namespace fnf::internal
