// The definition behind the public, opaque fnf::Store: the base every store
// implementation derives from, so that EngineOptions::store can hold any of
// them and the engine can ask which one it got.
#ifndef FNF_STORE_STORE_HANDLE_H_
#define FNF_STORE_STORE_HANDLE_H_

#include "fnf/store.h"

namespace fnf {

class Store {
 public:
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  virtual ~Store() = default;
};

}  // namespace fnf

#endif  // FNF_STORE_STORE_HANDLE_H_
