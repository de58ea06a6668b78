# fnf/version.h from project(VERSION): generated into the build tree, added to the fnf target's
# include path and installed with the other public headers.
set(FNF_GENERATED_INCLUDE_DIR ${CMAKE_CURRENT_BINARY_DIR}/include)
configure_file(${CMAKE_CURRENT_LIST_DIR}/version.h.in
               ${FNF_GENERATED_INCLUDE_DIR}/fnf/version.h @ONLY)
target_include_directories(fnf PUBLIC $<BUILD_INTERFACE:${FNF_GENERATED_INCLUDE_DIR}>)
