// Hostile inputs shared by the limits tests of the library and the tool.
#ifndef FNF_TESTS_TESTING_HOSTILE_INPUT_H_
#define FNF_TESTS_TESTING_HOSTILE_INPUT_H_

#include <string>

namespace fnf::testing {

// The YAML "billion laughs": 414 bytes, nine anchors of nine aliases each,
// 9^9 strings when aliases are followed blindly.
inline std::string AliasBomb() {
  std::string text = "a: &a [\"lol\"";
  for (int i = 1; i < 9; ++i) text += ", \"lol\"";
  text += "]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    const std::string alias = std::string("*") + static_cast<char>(c - 1);
    text += std::string(1, c) + ": &" + c + " [" + alias;
    for (int i = 1; i < 9; ++i) text += ", " + alias;
    text += "]\n";
  }
  return text;
}

// An object nested `depth` levels: {"a":{"a":...1...}}.
inline std::string DeepObject(int depth) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += R"({"a":)";
  return text + "1" + std::string(depth, '}');
}

}  // namespace fnf::testing

#endif  // FNF_TESTS_TESTING_HOSTILE_INPUT_H_
