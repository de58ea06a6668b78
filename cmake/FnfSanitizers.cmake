# FNF_SANITIZE=address,undefined | thread: instruments everything built here.
# FNF_BUILD_FUZZERS: coverage for libFuzzer plus ASan and UBSan, everywhere.
if(FNF_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "FNF_BUILD_FUZZERS needs clang (CC=clang CXX=clang++)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
  if(NOT FNF_SANITIZE)
    set(FNF_SANITIZE address,undefined)
  endif()
endif()
if(FNF_SANITIZE)
  add_compile_options(-fsanitize=${FNF_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${FNF_SANITIZE})
  # Known undefined behaviour in third-party headers (gcc has no ignore lists).
  if(FNF_SANITIZE MATCHES "undefined" AND CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    add_compile_options(-fsanitize-ignorelist=${CMAKE_CURRENT_LIST_DIR}/sanitizer_ignorelist.txt)
  endif()
endif()
