// randomInt(min, max) in [min, max) and uuid(), both drawn from the engine's
// injectable random source so that a seeded engine replays them (DECISIONS.md
// 12). Never folded at compile time.
#include "common/strings.h"
#include "expr/functions/arguments.h"
#include "expr/functions/families.h"

namespace fnf::internal {
namespace {

Random* SourceOf(const CallEnv& env, std::string* error) {
  if (env.ctx == nullptr || env.ctx->random == nullptr) {
    *error = "no random source is available here";
    return nullptr;
  }
  return env.ctx->random;
}

bool RandomInt(std::span<Value> args, const CallEnv& env, Value* out,
               std::string* error) {
  int64_t lo, hi;
  if (!IntArg(args, 0, "min", &lo, error) ||
      !IntArg(args, 1, "max", &hi, error))
    return false;
  if (lo >= hi) {
    *error = StrCat("min must be less than max, got ", lo, " and ", hi);
    return false;
  }
  Random* random = SourceOf(env, error);
  if (random == nullptr) return false;
  out->SetOwned(Json(random->Uniform(lo, hi)));
  return true;
}

bool Uuid(std::span<Value>, const CallEnv& env, Value* out,
          std::string* error) {
  Random* random = SourceOf(env, error);
  if (random == nullptr) return false;
  out->SetOwned(Json(random->Uuid()));
  return true;
}

}  // namespace

void RegisterRandomFunctions(FunctionTable* table) {
  table->push_back({.name = "randomInt",
                    .min_args = 2,
                    .max_args = 2,
                    .pure = false,
                    .impl = RandomInt});
  table->push_back({.name = "uuid",
                    .min_args = 0,
                    .max_args = 0,
                    .pure = false,
                    .impl = Uuid});
}

}  // namespace fnf::internal
