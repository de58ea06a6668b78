#include "expr/indexing.h"

#include <cmath>

#include "common/strings.h"

namespace fnf::internal {

bool LookupDynamic(const Json& container, const Json& key, const Json** result,
                   std::string* error) {
  switch (key.type()) {
    case Json::Type::kString:
      *result = LookupMember(container, key.as_string());
      return true;
    case Json::Type::kInt:
      *result = LookupElement(container, key.as_int());
      return true;
    case Json::Type::kDouble: {
      double d = key.as_double();
      // Integral doubles only; the range check keeps the conversion defined.
      if (std::trunc(d) == d && d >= -9.2e18 && d <= 9.2e18) {
        *result = LookupElement(container, static_cast<int64_t>(d));
        return true;
      }
      *error =
          StrCat("an array index must be an integer, got ", key.Serialize());
      return false;
    }
    default:
      *error = StrCat("an index must be a string or an integer, got ",
                      key.type_name());
      return false;
  }
}

}  // namespace fnf::internal
