# fnf/version.h from project(VERSION), generated into the build tree and installed with the
# other public headers. Every target of the project sees it (the include directory is set for
# the whole tree, so per-folder libraries need nothing); FnfPackaging.cmake adds it to fnf's
# usage requirements for code that links fnf.
set(FNF_GENERATED_INCLUDE_DIR ${CMAKE_CURRENT_BINARY_DIR}/include)
configure_file(${CMAKE_CURRENT_LIST_DIR}/version.h.in
               ${FNF_GENERATED_INCLUDE_DIR}/fnf/version.h @ONLY)
include_directories(${FNF_GENERATED_INCLUDE_DIR})
