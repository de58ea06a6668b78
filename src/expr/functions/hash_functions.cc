// hash(input, algorithm): lowercase hex digest through OpenSSL's EVP interface.
#include <openssl/evp.h>

#include "common/strings.h"
#include "expr/functions/arguments.h"
#include "expr/functions/families.h"

namespace fnf::internal {
namespace {

const EVP_MD* DigestByName(std::string_view name) {
  if (name == "MD5") return EVP_md5();
  if (name == "SHA-1") return EVP_sha1();
  if (name == "SHA-256") return EVP_sha256();
  if (name == "SHA-512") return EVP_sha512();
  return nullptr;
}

bool Hash(std::span<Value> args, const CallEnv&, Value* out,
          std::string* error) {
  const std::string* input = StringArg(args, 0, "input", error);
  if (input == nullptr) return false;
  const std::string* algorithm = StringArg(args, 1, "algorithm", error);
  if (algorithm == nullptr) return false;
  const EVP_MD* md = DigestByName(*algorithm);
  if (md == nullptr) {
    *error = StrCat(
        "argument 2 (algorithm) must be one of MD5, SHA-1, SHA-256, SHA-512, "
        "got '",
        *algorithm, "'");
    return false;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(input->data(), input->size(), digest, &size, md, nullptr) !=
      1) {
    *error = StrCat("the ", *algorithm, " digest failed");
    return false;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(2 * size, '\0');
  for (unsigned int i = 0; i < size; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  out->SetOwned(Json(std::move(hex)));
  return true;
}

// A constant algorithm name is checked when the flow is created.
bool PrepareHash(std::span<const Json* const> constant_args,
                 std::shared_ptr<const void>*, int* bad_arg,
                 std::string* error) {
  const Json* algorithm = constant_args[1];
  if (algorithm == nullptr) return true;
  if (algorithm->is_string() && DigestByName(algorithm->as_string()) != nullptr)
    return true;
  *bad_arg = 1;
  *error = algorithm->is_string()
               ? StrCat(
                     "hash algorithm must be one of MD5, SHA-1, SHA-256, "
                     "SHA-512, got '",
                     algorithm->as_string(), "'")
               : StrCat("hash algorithm must be a string, got ",
                        algorithm->type_name());
  return false;
}

}  // namespace

void RegisterHashFunctions(FunctionTable* table) {
  table->push_back({.name = "hash",
                    .min_args = 2,
                    .max_args = 2,
                    .impl = Hash,
                    .prepare = PrepareHash});
}

}  // namespace fnf::internal
