// The two request signatures against the test vectors computed with the SDKs'
// own signers (OpenApiUtil.getRPCSignature / getAuthorization).
#include "server/signature.h"

#include "server/crypto.h"
#include "tests/testing/catch.h"

namespace fnf::server {
namespace {

const Pairs kRpcVector = {
    {"AccessKeyId", "testAK"},
    {"Action", "StartExecution"},
    {"ExecutionName", "e1"},
    {"FlowName", "f1"},
    {"Format", "JSON"},
    {"Input", R"x({"msg":"a b+c*d~e!'()"})x"},
    {"SignatureMethod", "HMAC-SHA1"},
    {"SignatureNonce", "0123456789abcdef"},
    {"SignatureVersion", "1.0"},
    {"Timestamp", "2026-12-01T00:00:00Z"},
    {"Version", "2019-03-15"},
};

TEST_CASE(
    "RPC HMAC-SHA1: canonical query, string to sign and signature of the "
    "vector") {
  CHECK(RpcCanonicalQuery(kRpcVector) ==
        "AccessKeyId=testAK&Action=StartExecution&ExecutionName=e1&FlowName=f1&"
        "Format=JSON&Input=%7B%22msg%22%3A%22a%20b%2Bc%2Ad~e%21%27%28%29%22%7D&"
        "SignatureMethod=HMAC-SHA1&SignatureNonce=0123456789abcdef&"
        "SignatureVersion=1.0&Timestamp=2026-12-01T00%3A00%3A00Z&Version=2019-"
        "03-15");
  CHECK(RpcStringToSign("POST", kRpcVector) ==
        "POST&%2F&AccessKeyId%3DtestAK%26Action%3DStartExecution%"
        "26ExecutionName%3De1%26FlowName%3Df1%26Format%3DJSON%26Input%3D%257B%"
        "2522msg%2522%253A%2522a%2520b%252Bc%252Ad~e%2521%2527%2528%2529%2522%"
        "257D%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%"
        "3D0123456789abcdef%26SignatureVersion%3D1.0%26Timestamp%3D2026-12-"
        "01T00%253A00%253A00Z%26Version%3D2019-03-15");
  CHECK(RpcSignature("testSecret", "POST", kRpcVector) ==
        "WXVEwvRpDiB45iPzZqid7nhu+4s=");
}

TEST_CASE(
    "RPC HMAC-SHA1: order of arrival, the Signature parameter and the method") {
  Pairs shuffled(kRpcVector.rbegin(), kRpcVector.rend());
  shuffled.emplace_back("Signature", "anything");
  CHECK(RpcSignature("testSecret", "POST", shuffled) ==
        "WXVEwvRpDiB45iPzZqid7nhu+4s=");
  CHECK(RpcSignature("testSecret", "GET", kRpcVector) !=
        "WXVEwvRpDiB45iPzZqid7nhu+4s=");
  CHECK(RpcSignature("otherSecret", "POST", kRpcVector) !=
        "WXVEwvRpDiB45iPzZqid7nhu+4s=");
}

TEST_CASE("Percent-encoding keeps only the RFC 3986 unreserved characters") {
  CHECK(PercentEncode("aZ09-_.~") == "aZ09-_.~");
  CHECK(PercentEncode(" *!'()+/=&") == "%20%2A%21%27%28%29%2B%2F%3D%26");
  CHECK(PercentEncode("\xC3\xA9") == "%C3%A9");
}

const std::vector<std::pair<std::string, std::string>> kAcs3Headers = {
    {"host", "127.0.0.1:8080"},
    {"content-type", "application/x-www-form-urlencoded"},
    {"x-acs-action", "StartExecution"},
    {"x-acs-version", "2019-03-15"},
    {"x-acs-date", "2026-12-01T00:00:00Z"},
    {"x-acs-signature-nonce", "0123456789abcdef"},
    {"x-acs-content-sha256",
     "812d52a7a7c6d148412318ab6625e41a3ae7a608e048d1fb36514410d756f6b8"},
};

TEST_CASE("ACS3-HMAC-SHA256: the POST vector") {
  const std::string body =
      "FlowName=f1&ExecutionName=e1&Input=%7B%22a%22%3A1%7D";
  CHECK(Sha256Hex(body) ==
        "812d52a7a7c6d148412318ab6625e41a3ae7a608e048d1fb36514410d756f6b8");
  Acs3Authorization auth;
  REQUIRE(ParseAcs3Authorization(
      "ACS3-HMAC-SHA256 Credential=testAK,SignedHeaders=content-type;host;"
      "x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;"
      "x-acs-version,Signature=612c0ce657b5c0f49efbeaf7196a63df175e5075149c1bc0"
      "7669fe40a8c08529",
      &auth));
  CHECK(auth.algorithm == "ACS3-HMAC-SHA256");
  CHECK(auth.credential == "testAK");
  CHECK(auth.signed_headers.size() == 7);
  std::string canonical = Acs3CanonicalRequest(
      "POST", "/", {}, kAcs3Headers, auth.signed_headers, Sha256Hex(body));
  CHECK(canonical ==
        "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\n"
        "host:127.0.0.1:8080\nx-acs-action:StartExecution\n"
        "x-acs-content-sha256:"
        "812d52a7a7c6d148412318ab6625e41a3ae7a608e048d1fb36514410d756f6b8\n"
        "x-acs-date:2026-12-01T00:00:00Z\n"
        "x-acs-signature-nonce:0123456789abcdef\nx-acs-version:2019-03-15\n\n"
        "content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-"
        "signature-nonce;x-acs-version\n"
        "812d52a7a7c6d148412318ab6625e41a3ae7a608e048d1fb36514410d756f6b8");
  std::string to_sign = Acs3StringToSign(canonical);
  CHECK(to_sign ==
        "ACS3-HMAC-SHA256\n"
        "248662101635221410fb15f69ee7036bf552f9323ba46ae439501a964fd1ed98");
  CHECK(Acs3Signature("testSecret", to_sign) == auth.signature);
}

TEST_CASE("ACS3-HMAC-SHA256: the GET vector (query signed, empty body)") {
  std::vector<std::pair<std::string, std::string>> headers;
  for (const auto& h : kAcs3Headers) {
    if (h.first == "content-type") continue;
    if (h.first == "x-acs-action") {
      headers.emplace_back(h.first, "DescribeExecution");
    } else if (h.first == "x-acs-content-sha256") {
      headers.emplace_back(h.first, Sha256Hex(""));
    } else {
      headers.push_back(h);
    }
  }
  CHECK(Sha256Hex("") ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  // Arrival order of the query does not matter: it is sorted.
  Pairs query = {
      {"WaitTimeSeconds", "0"}, {"FlowName", "f1"}, {"ExecutionName", "e1"}};
  std::vector<std::string> names = {
      "host",       "x-acs-action",          "x-acs-content-sha256",
      "x-acs-date", "x-acs-signature-nonce", "x-acs-version"};
  std::string canonical =
      Acs3CanonicalRequest("GET", "/", query, headers, names, Sha256Hex(""));
  CHECK(canonical.rfind(
            "GET\n/\nExecutionName=e1&FlowName=f1&WaitTimeSeconds=0\n", 0) ==
        0);
  CHECK(Acs3Signature("testSecret", Acs3StringToSign(canonical)) ==
        "91757382a60fc9845965d79818aa8cdfa830b27be8f30d83741779bc4f929b83");
}

TEST_CASE("ACS3 Authorization headers that do not have the shape are refused") {
  Acs3Authorization auth;
  CHECK_FALSE(ParseAcs3Authorization("", &auth));
  CHECK_FALSE(ParseAcs3Authorization("ACS3-HMAC-SHA256", &auth));
  CHECK_FALSE(ParseAcs3Authorization(
      "ACS3-HMAC-SHA256 Credential=ak,SignedHeaders=host", &auth));
  CHECK_FALSE(ParseAcs3Authorization(
      "ACS3-HMAC-SHA256 Credential=ak,SignedHeaders,Signature=x", &auth));
  REQUIRE(ParseAcs3Authorization(
      "ACS3-HMAC-SM3 Credential=ak,SignedHeaders=host,Signature=ab", &auth));
  CHECK(auth.algorithm == "ACS3-HMAC-SM3");
}

TEST_CASE("Signature comparison") {
  CHECK(ConstantTimeEquals("abc", "abc"));
  CHECK_FALSE(ConstantTimeEquals("abc", "abd"));
  CHECK_FALSE(ConstantTimeEquals("abc", "abcd"));
}

}  // namespace
}  // namespace fnf::server
