#include "cli/json_text.h"

#include <cstdio>
#include <ctime>
#include <string>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>

namespace fnf::cli {
namespace {

JsonProblem ProblemAt(std::string_view text, size_t offset,
                      std::string message) {
  JsonProblem problem;
  problem.message = std::move(message);
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++problem.line;
      problem.column = 1;
    } else {
      ++problem.column;
    }
  }
  return problem;
}

// Only checks: counts nesting (the library refuses JSON nested more than 512
// levels, and so does the tool before handing text on) and keeps numbers as
// text, so no number conversion runs at all.
class DepthChecker
    : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, DepthChecker> {
 public:
  bool Default() { return true; }
  bool StartObject() { return Open(); }
  bool StartArray() { return Open(); }
  bool EndObject(rapidjson::SizeType) { return Close(); }
  bool EndArray(rapidjson::SizeType) { return Close(); }
  bool too_deep() const { return too_deep_; }

 private:
  bool Open() {
    if (depth_ >= kMaxJsonDepth) {
      too_deep_ = true;
      return false;
    }
    ++depth_;
    return true;
  }
  bool Close() {
    --depth_;
    return true;
  }
  int depth_ = 0;
  bool too_deep_ = false;
};

}  // namespace

std::string_view TrimJsonSpace(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(kSpace);
  return text.substr(begin, end - begin + 1);
}

std::optional<JsonProblem> FindJsonProblem(std::string_view text,
                                           bool require_object) {
  DepthChecker checker;
  rapidjson::Reader reader;
  rapidjson::MemoryStream ms(text.data(), text.size());
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag |
                              rapidjson::kParseNumbersAsStringsFlag |
                              rapidjson::kParseValidateEncodingFlag;
  rapidjson::ParseResult result = reader.Parse<kFlags>(ms, checker);
  // RapidJSON calls a zero with a large exponent ("0e999") too big; the
  // library reads it as zero and refuses numbers that really are too big, so
  // the tool leaves numbers to it.
  if (!result && result.Code() != rapidjson::kParseErrorNumberTooBig) {
    return ProblemAt(
        text, result.Offset(),
        checker.too_deep()
            ? "nested more than " + std::to_string(kMaxJsonDepth) + " levels"
            : rapidjson::GetParseError_En(result.Code()));
  }
  size_t start = text.find_first_not_of(" \t\r\n");
  if (require_object &&
      (start == std::string_view::npos || text[start] != '{')) {
    return ProblemAt(text, start, "not a JSON object");
  }
  return std::nullopt;
}

// Writes what a Reader parsed through a PrettyWriter, numbers as their text
// (PrettyWriter::RawNumber would quote them).
class PrettyHandler
    : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, PrettyHandler> {
 public:
  explicit PrettyHandler(rapidjson::PrettyWriter<rapidjson::StringBuffer>& w)
      : writer_(w) {}
  bool Null() { return writer_.Null(); }
  bool Bool(bool b) { return writer_.Bool(b); }
  bool RawNumber(const char* text, rapidjson::SizeType length, bool) {
    return writer_.RawValue(text, length, rapidjson::kNumberType);
  }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    return writer_.String(text, length);
  }
  bool StartObject() { return writer_.StartObject(); }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    return writer_.Key(text, length);
  }
  bool EndObject(rapidjson::SizeType members) {
    return writer_.EndObject(members);
  }
  bool StartArray() { return writer_.StartArray(); }
  bool EndArray(rapidjson::SizeType elements) {
    return writer_.EndArray(elements);
  }

 private:
  rapidjson::PrettyWriter<rapidjson::StringBuffer>& writer_;
};

std::string PrettyJson(std::string_view text, std::string_view indent) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 2);
  PrettyHandler handler(writer);
  rapidjson::Reader reader;
  std::string copy(text);
  rapidjson::StringStream stream(copy.c_str());
  // Numbers as their text, so 1.50 and 1e3 print as written.
  // Iterative: an execution's output may nest deeper than any stack.
  if (!reader.Parse<rapidjson::kParseIterativeFlag |
                    rapidjson::kParseNumbersAsStringsFlag |
                    rapidjson::kParseStopWhenDoneFlag>(stream, handler)) {
    return std::string(text);
  }
  std::string pretty;
  for (const char* c = buffer.GetString(); *c != '\0'; ++c) {
    pretty += *c;
    if (*c == '\n') pretty += indent;
  }
  return pretty;
}

std::optional<int64_t> TimestampMillis(std::string_view stamp) {
  std::tm tm{};
  int millis = 0;
  std::string text(stamp);
  if (std::sscanf(text.c_str(), "%d-%d-%dT%d:%d:%d.%dZ", &tm.tm_year,
                  &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec,
                  &millis) != 7) {
    return std::nullopt;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<int64_t>(::timegm(&tm)) * 1000 + millis;
}

std::string FormatSeconds(int64_t millis) {
  char text[32];
  std::snprintf(text, sizeof text, "%lld.%03llds",
                static_cast<long long>(millis / 1000),
                static_cast<long long>(millis % 1000));
  return text;
}

}  // namespace fnf::cli
