// Decoding of queries and form bodies: the corner cases the SDKs produce.
#include "server/form.h"

#include "server/params.h"
#include "tests/testing/catch.h"

namespace fnf::server {
namespace {

Pairs Parse(std::string_view text) {
  Pairs out;
  Status s = ParseForm(text, "body", &out);
  REQUIRE(s.ok());
  return out;
}

TEST_CASE("Form decoding: '+' is a space, %2B a plus") {
  Pairs p = Parse("Input=a+b%2Bc%20d");
  REQUIRE(p.size() == 1);
  CHECK(p[0].second == "a b+c d");
}

TEST_CASE("Form decoding: %2A and a raw '*' decode to the same value") {
  // pop-core escapes *!'() and openapi-core (Node's querystring) does not; the
  // signature is computed over the decoded values, so both verify.
  Pairs escaped = Parse("Input=%2A%21%27%28%29");
  Pairs raw = Parse("Input=*!'()");
  CHECK(escaped == raw);
  CHECK(escaped[0].second == "*!'()");
}

TEST_CASE(
    "Form decoding: empty values, keys without '=', empty parts and UTF-8") {
  Pairs p = Parse("Name=&Flag&&Text=%E4%B8%AD%E6%96%87&Eq=a%3Db=c");
  REQUIRE(p.size() == 4);
  CHECK(p[0] == std::pair<std::string, std::string>("Name", ""));
  CHECK(p[1] == std::pair<std::string, std::string>("Flag", ""));
  CHECK(p[2].second == "\xE4\xB8\xAD\xE6\x96\x87");
  CHECK(p[3].second == "a=b=c");
}

TEST_CASE("Form decoding: bad escapes and invalid UTF-8 are InvalidArgument") {
  Pairs out;
  Status s = ParseForm("FlowName=f%2", "query", &out);
  CHECK(s.code() == "InvalidArgument");
  CHECK(s.message() == "The query parameter 'FlowName' has a bad '%' escape.");
  s = ParseForm("Input=%zz", "body", &out);
  CHECK(s.message() == "The body parameter 'Input' has a bad '%' escape.");
  s = ParseForm("Input=%FF%FE", "body", &out);
  CHECK(s.code() == "InvalidArgument");
  CHECK(s.message() == "The body parameter 'Input' is not valid UTF-8.");
}

TEST_CASE(
    "Parameters: a name repeated in one part or across query and body is "
    "refused") {
  Params params;
  Status s = Params::Merge({{"FlowName", "a"}}, {{"FlowName", "a"}}, &params);
  CHECK(s.code() == "InvalidArgument");
  CHECK(s.message() == "The parameter 'FlowName' is given more than once.");
  s = Params::Merge({{"Limit", "1"}, {"Limit", "2"}}, {}, &params);
  CHECK(s.message() == "The parameter 'Limit' is given more than once.");
  REQUIRE(Params::Merge({{"FlowName", "a"}}, {{"Input", "{}"}}, &params).ok());
  CHECK(params.Get("FlowName") == "a");
  CHECK(params.Get("Input") == "{}");
}

TEST_CASE("Parameters: typed getters answer with the API's codes") {
  Params params;
  REQUIRE(Params::Merge({{"Limit", "12"}, {"Bad", "1x"}, {"On", "TRUE"}}, {},
                        &params)
              .ok());
  std::string value;
  Status s = params.Required("FlowName", &value);
  CHECK(s.code() == "MissingRequiredParams");
  CHECK(s.http_status() == 400);
  CHECK(s.message() == "The HTTP query 'FlowName' must be specified.");
  int n = 7;
  CHECK(params.Int("Absent", &n).ok());
  CHECK(n == 7);
  CHECK(params.Int("Limit", &n).ok());
  CHECK(n == 12);
  s = params.Int("Bad", &n);
  CHECK(s.message() == "The parameter 'Bad' must be an integer, got '1x'.");
  std::optional<bool> on;
  CHECK(params.Bool("On", &on).ok());
  CHECK(on == true);
  s = params.Bool("Limit", &on);
  CHECK(s.message() ==
        "The parameter 'Limit' must be true or false, got '12'.");
}

}  // namespace
}  // namespace fnf::server
