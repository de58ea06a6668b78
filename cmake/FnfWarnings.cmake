# fnf_warnings: the project's warning flags, applied privately (never forced on consumers).
# gcc 12's -Wextra warns about every member a C++20 designated initializer leaves out
# ({.name = "f"}), which is how the public request structs are meant to be filled in.
add_library(fnf_warnings INTERFACE)
target_compile_options(fnf_warnings INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor>
  $<$<CXX_COMPILER_ID:GNU>:-Wno-missing-field-initializers>
  $<$<AND:$<CXX_COMPILER_ID:GNU,Clang>,$<BOOL:${FNF_WERROR}>>:-Werror>)
