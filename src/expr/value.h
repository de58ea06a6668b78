// The result of evaluating a sub-expression: either a borrowed node of data
// that outlives the evaluation (the context, a literal of the compiled tree) or
// an owned, freshly computed value. Borrowing lets `$Input.a.b` reach its
// target without copying the documents on the way; only the final result is
// copied, once, when the expression returns.
#ifndef FNF_EXPR_VALUE_H_
#define FNF_EXPR_VALUE_H_

#include <utility>

#include "json/json.h"

namespace fnf::internal {

// A null that every borrowed "missing" value can point at.
inline const Json& NullJson() {
  static const Json* const kNull = new Json();
  return *kNull;
}

class Value {
 public:
  Value() : ref_(&NullJson()) {}
  static Value Borrowed(const Json* node) {
    Value v;
    v.SetBorrowed(node);
    return v;
  }
  static Value Owned(Json json) {
    Value v;
    v.SetOwned(std::move(json));
    return v;
  }

  // A null `node` stands for a missing value (docs/behaviour.md) and reads as
  // null.
  void SetBorrowed(const Json* node) {
    ref_ = node != nullptr ? node : &NullJson();
    if (!owned_.is_null())
      owned_ = Json();  // frees memory early; skipped when already empty
  }
  void SetOwned(Json json) {
    owned_ = std::move(json);
    ref_ = nullptr;
  }

  const Json& get() const { return ref_ != nullptr ? *ref_ : owned_; }
  const Json& operator*() const { return get(); }
  const Json* operator->() const { return &get(); }
  bool is_owned() const { return ref_ == nullptr; }

  // The value as an independent Json: moves an owned value out, copies a
  // borrowed one.
  Json Take() {
    if (ref_ != nullptr) return *ref_;
    return std::move(owned_);
  }

  // Replaces the value by its descendant `node`. REQUIRES: `node` is get() or
  // lies inside it. An owned value keeps only that subtree; a borrowed one just
  // moves the pointer.
  void NarrowTo(const Json* node) {
    if (ref_ != nullptr || node == nullptr) {
      SetBorrowed(node);
      return;
    }
    if (node == &owned_) return;
    // The subtree is moved out before the tree that holds it is replaced.
    Json part = std::move(*const_cast<Json*>(node));
    owned_ = std::move(part);
  }

 private:
  const Json* ref_;
  Json owned_;
};

}  // namespace fnf::internal

#endif  // FNF_EXPR_VALUE_H_
