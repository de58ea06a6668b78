# Each top-level folder of src/ is its own OBJECT library that may use only the folders it links
# (directly or through them). fnf_layer() records what each folder may include; the
# fnf_layer_check target (a dependency of fnf) fails the build when a source includes a folder
# it does not depend on, so a new dependency cycle between folders cannot land.
#
#   fnf_layer(<folder> [DEPS <lower folders>...] [EXCLUDE <regex>...])
#   sources: src/<folder>/**/*.cc but those matching an EXCLUDE regex (subfolders with targets of
#   their own)

set(FNF_LAYER_FOLDERS "" CACHE INTERNAL "")

function(fnf_layer folder)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "DEPS;EXCLUDE")
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${folder}/*.cc)
  foreach(regex IN LISTS arg_EXCLUDE)
    list(FILTER sources EXCLUDE REGEX "${regex}")
  endforeach()
  set(target fnf_${folder})
  add_library(${target} OBJECT ${sources})
  # PROJECT_BINARY_DIR/include: generated public headers (fnf/version.h).
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/include
                             ${PROJECT_BINARY_DIR}/include ${PROJECT_SOURCE_DIR}/src)
  target_include_directories(${target} SYSTEM PRIVATE ${RAPIDJSON_INCLUDE_DIRS})
  target_link_libraries(${target} PRIVATE ${FNF_PRIVATE_DEPS} $<BUILD_INTERFACE:fnf_warnings>)
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  set(allowed ${folder})
  foreach(dep IN LISTS arg_DEPS)
    if(NOT TARGET fnf_${dep})
      message(FATAL_ERROR "fnf_layer(${folder}): declare ${dep} before the folders that use it")
    endif()
    target_link_libraries(${target} PUBLIC fnf_${dep})
    list(APPEND allowed ${FNF_LAYER_ALLOWED_${dep}})
  endforeach()
  list(REMOVE_DUPLICATES allowed)
  set(FNF_LAYER_ALLOWED_${folder} ${allowed} CACHE INTERNAL "")
  set(FNF_LAYER_FOLDERS ${FNF_LAYER_FOLDERS} ${folder} CACHE INTERNAL "")
endfunction()

# Writes the table of allowed includes and adds the check; call after the last fnf_layer().
function(fnf_layer_check)
  set(table "")
  set(all_sources "")
  foreach(folder IN LISTS FNF_LAYER_FOLDERS)
    string(APPEND table "set(ALLOWED_${folder} \"${FNF_LAYER_ALLOWED_${folder}}\")\n")
    file(GLOB_RECURSE files CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${folder}/*.cc
         ${CMAKE_CURRENT_SOURCE_DIR}/${folder}/*.h)
    list(APPEND all_sources ${files})
  endforeach()
  string(APPEND table "set(FOLDERS \"${FNF_LAYER_FOLDERS}\")\n")
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/fnf_layers.cmake "${table}")
  set(stamp ${CMAKE_CURRENT_BINARY_DIR}/fnf_layers.stamp)
  add_custom_command(
    OUTPUT ${stamp}
    COMMAND ${CMAKE_COMMAND} -DSRC=${CMAKE_CURRENT_SOURCE_DIR}
            -DTABLE=${CMAKE_CURRENT_BINARY_DIR}/fnf_layers.cmake -DSTAMP=${stamp}
            -P ${PROJECT_SOURCE_DIR}/cmake/FnfCheckLayers.cmake
    DEPENDS ${all_sources} ${PROJECT_SOURCE_DIR}/cmake/FnfCheckLayers.cmake
            ${CMAKE_CURRENT_BINARY_DIR}/fnf_layers.cmake
    COMMENT "Checking that src/ folders include only the folders below them")
  add_custom_target(fnf_layer_check DEPENDS ${stamp})
endfunction()
