# Shared-library versioning, install rules, the CMake package, the pkg-config file and the
# Debian packages (CPack) of fnf. Included once, from the end of the top-level CMakeLists.txt.

# fnf/version.h (FnfVersion.cmake) for everything that links fnf in this build.
target_include_directories(fnf PUBLIC $<BUILD_INTERFACE:${FNF_GENERATED_INCLUDE_DIR}>)

# While the major version is 0 a minor release may break the ABI (the 0.x rule in CHANGELOG.md),
# so the soname carries MAJOR.MINOR: libfnf.so.0.2.
set(FNF_SOVERSION ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR})
set_target_properties(fnf PROPERTIES VERSION ${PROJECT_VERSION} SOVERSION ${FNF_SOVERSION})

if(NOT FNF_INSTALL)
  return()
endif()

include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# Components, one Debian package each: runtime (libfnf.so.*), dev (headers, libfnf.a or the .so
# link, CMake and pkg-config files) and tool (bin/fnf). Install rules added elsewhere without a
# COMPONENT land in dev.
set(CMAKE_INSTALL_DEFAULT_COMPONENT_NAME dev)
install(TARGETS fnf EXPORT fnfTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT dev
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
if(TARGET fnf_server)  # fnf::server, the HTTP face (fnf/server.h)
  install(TARGETS fnf_server EXPORT fnfTargets
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
          LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT dev)
endif()
install(TARGETS fnf_tool RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tool)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/fnf ${FNF_GENERATED_INCLUDE_DIR}/fnf
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)

set(FNF_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/fnf)
install(EXPORT fnfTargets NAMESPACE fnf:: DESTINATION ${FNF_CMAKE_DIR} COMPONENT dev)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/fnfConfig.cmake.in
  ${PROJECT_BINARY_DIR}/fnfConfig.cmake INSTALL_DESTINATION ${FNF_CMAKE_DIR})
# 0.x: a minor release may break the API, so 0.2 satisfies find_package(fnf 0.2) but not 0.1.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/fnfConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/fnfConfig.cmake ${PROJECT_BINARY_DIR}/fnfConfigVersion.cmake
        DESTINATION ${FNF_CMAKE_DIR} COMPONENT dev)

# --- pkg-config -------------------------------------------------------------------------------
# fnf.pc lists what libfnf links privately, found by walking the link graph of the fnf target
# (and of the project's own static libraries it links) once every target exists, so that a
# dependency added anywhere in src/ shows up without editing this file. Each imported target is
# mapped to the pkg-config module Debian ships for it.

# The pkg-config module (or, prefixed "-l"/"-", a linker flag) for an imported target; "" if
# unknown.
function(_fnf_pc_module target out)
  set(module "")
  if(target MATCHES "^absl::(.+)$")
    set(module "absl_${CMAKE_MATCH_1}")
  elseif(target MATCHES "^PkgConfig::(.+)$")
    if(DEFINED ${CMAKE_MATCH_1}_MODULE_NAME)
      set(module "${${CMAKE_MATCH_1}_MODULE_NAME}")
    else()
      string(TOLOWER "${CMAKE_MATCH_1}" module)
    endif()
  elseif(target MATCHES "^(yaml-cpp|yaml-cpp::yaml-cpp)$")
    set(module yaml-cpp)
  elseif(target STREQUAL "OpenSSL::Crypto")
    set(module libcrypto)
  elseif(target STREQUAL "OpenSSL::SSL")
    set(module libssl)
  elseif(target STREQUAL "SQLite::SQLite3")
    set(module sqlite3)
  elseif(target STREQUAL "PostgreSQL::PostgreSQL")
    # A linker flag, not the libpq module: `pkg-config --static libpq` asks for libpq's own
    # private archives (-lpgcommon -lpgport ...), which Debian does not ship; libfnf only needs
    # libpq itself.
    set(module "-lpq")
  elseif(target STREQUAL "ZLIB::ZLIB")
    set(module zlib)
  elseif(target STREQUAL "Threads::Threads")
    set(module "-pthread")
  endif()
  set(${out} "${module}" PARENT_SCOPE)
endfunction()

# Appends to the lists named by `req_var` (pkg-config modules) and `libs_var` (linker flags)
# what `target` needs at link time.
function(_fnf_pc_walk target req_var libs_var seen_var)
  if("${target}" IN_LIST ${seen_var})
    return()
  endif()
  list(APPEND ${seen_var} "${target}")
  set(${seen_var} "${${seen_var}}" PARENT_SCOPE)
  get_target_property(deps ${target} LINK_LIBRARIES)
  get_target_property(iface ${target} INTERFACE_LINK_LIBRARIES)
  # Object libraries compiled into the target as $<TARGET_OBJECTS:...> bring their dependencies.
  get_target_property(sources ${target} SOURCES)
  set(objects "")
  foreach(source IN LISTS sources)
    if(source MATCHES "^\\$<TARGET_OBJECTS:([^>]+)>$")
      list(APPEND objects "${CMAKE_MATCH_1}")
    endif()
  endforeach()
  foreach(dep IN LISTS deps iface objects)
    if(dep MATCHES "^\\$<LINK_ONLY:(.+)>$")
      set(dep "${CMAKE_MATCH_1}")
    endif()
    if(dep STREQUAL "" OR dep MATCHES "NOTFOUND$" OR dep MATCHES "^\\$<" OR dep STREQUAL "fnf")
      continue()  # build-only ($<BUILD_INTERFACE:...>) or nothing
    endif()
    if(NOT TARGET ${dep})
      if(dep MATCHES "^-")
        list(APPEND ${libs_var} "${dep}")
      else()
        list(APPEND ${libs_var} "-l${dep}")
      endif()
      continue()
    endif()
    get_target_property(imported ${dep} IMPORTED)
    get_target_property(type ${dep} TYPE)
    if(imported)
      _fnf_pc_module(${dep} module)
      if(module STREQUAL "")
        message(WARNING "fnf.pc: no pkg-config module is known for '${dep}'; "
                        "add it to _fnf_pc_module in cmake/FnfPackaging.cmake")
      elseif(module MATCHES "^-")
        list(APPEND ${libs_var} "${module}")
      else()
        list(APPEND ${req_var} "${module}")
      endif()
      continue()
    endif()
    # One of the project's own libraries. A static one is installed beside libfnf (the export
    # set needs it too); an object or interface library contributes only its dependencies.
    if(type STREQUAL "STATIC_LIBRARY")
      get_target_property(name ${dep} OUTPUT_NAME)
      if(NOT name)
        set(name ${dep})
      endif()
      list(APPEND ${libs_var} "-l${name}")
    endif()
    _fnf_pc_walk(${dep} ${req_var} ${libs_var} ${seen_var})
  endforeach()
  set(${req_var} "${${req_var}}" PARENT_SCOPE)
  set(${libs_var} "${${libs_var}}" PARENT_SCOPE)
  set(${seen_var} "${${seen_var}}" PARENT_SCOPE)
endfunction()

function(_fnf_write_pkgconfig)
  set(requires "")
  set(libs "")
  set(visited "")
  _fnf_pc_walk(fnf requires libs visited)  # the names differ from the walker's parameters
  list(FILTER requires EXCLUDE REGEX "^$")
  list(FILTER libs EXCLUDE REGEX "^$")
  list(REMOVE_DUPLICATES requires)
  list(REMOVE_DUPLICATES libs)
  list(REMOVE_ITEM libs "-pthread")
  # Relocatable: the prefix is found from the .pc file's own place (pkg-config's ${pcfiledir}),
  # so the file works from a DESTDIR, a dpkg -x root or a moved prefix.
  set(pcdir ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
    set(FNF_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  else()
    file(RELATIVE_PATH up /fnf-prefix/${pcdir} /fnf-prefix)
    string(REGEX REPLACE "/$" "" up "${up}")
    set(FNF_PC_PREFIX "\${pcfiledir}/${up}")
  endif()
  foreach(kind LIBDIR INCLUDEDIR)
    if(IS_ABSOLUTE "${CMAKE_INSTALL_${kind}}")
      set(FNF_PC_${kind} "${CMAKE_INSTALL_${kind}}")
    else()
      set(FNF_PC_${kind} "\${prefix}/${CMAKE_INSTALL_${kind}}")
    endif()
  endforeach()
  list(JOIN requires ", " requires)
  list(JOIN libs " " libs)
  # A shared libfnf carries its dependencies: hosts need them only with `pkg-config --static`.
  # A static libfnf always needs them.
  get_target_property(type fnf TYPE)
  set(FNF_PC_LIBS " -pthread")
  if(type STREQUAL "SHARED_LIBRARY")
    set(FNF_PC_REQUIRES "")
    set(FNF_PC_REQUIRES_PRIVATE " ${requires}")
    set(FNF_PC_LIBS_PRIVATE " ${libs}")
  else()
    set(FNF_PC_REQUIRES " ${requires}")
    set(FNF_PC_REQUIRES_PRIVATE "")
    string(APPEND FNF_PC_LIBS " ${libs}")
    set(FNF_PC_LIBS_PRIVATE "")
  endif()
  string(STRIP "${FNF_PC_LIBS}" FNF_PC_LIBS)
  set(FNF_PC_LIBS " ${FNF_PC_LIBS}")
  configure_file(${PROJECT_SOURCE_DIR}/cmake/fnf.pc.in ${PROJECT_BINARY_DIR}/fnf.pc @ONLY)
endfunction()

cmake_language(DEFER DIRECTORY ${PROJECT_SOURCE_DIR} CALL _fnf_write_pkgconfig)
install(FILES ${PROJECT_BINARY_DIR}/fnf.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
        COMPONENT dev)

# --- Debian packages: cpack -G DEB ------------------------------------------------------------
# A shared build gives libfnf<soversion> (the library), libfnf-dev and fnf (the tool); a static
# build gives libfnf-dev (with libfnf.a) and fnf.
get_target_property(_fnf_type fnf TYPE)
set(CPACK_PACKAGE_NAME fnf)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "fnf")
set(CPACK_PACKAGE_CONTACT "fnf maintainers <fnf-maintainers@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Embeddable engine for Alibaba Cloud Serverless Workflow / CloudFlow flows")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME libfnf${FNF_SOVERSION})
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION "fnf engine library (shared)")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libfnf-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_COMPONENT_DEV_DESCRIPTION
    "fnf engine library: headers, CMake package and pkg-config file")
# find_package(fnf) and pkg-config --static look for libfnf's own dependencies.
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
    "libabsl-dev, libyaml-cpp-dev, libssl-dev, libre2-dev, libsqlite3-dev, libpq-dev, pkg-config")

set(CPACK_DEBIAN_TOOL_PACKAGE_NAME fnf)
set(CPACK_DEBIAN_TOOL_PACKAGE_SECTION utils)
set(CPACK_COMPONENT_TOOL_DESCRIPTION "fnf command-line tool: run and validate flows")

if(TARGET fnf_server)
  string(APPEND CPACK_DEBIAN_DEV_PACKAGE_DEPENDS ", libcpp-httplib-dev")
endif()
if(_fnf_type STREQUAL "SHARED_LIBRARY")
  set(CPACK_COMPONENTS_ALL runtime dev tool)
  set(CPACK_COMPONENT_DEV_DEPENDS runtime)
  set(CPACK_COMPONENT_TOOL_DEPENDS runtime)
  # dpkg-shlibdeps cannot know libfnf's package: that dependency is the one above.
  set(CPACK_DEBIAN_TOOL_PACKAGE_SHLIBDEPS OFF)
  set(CPACK_DEBIAN_DEV_PACKAGE_SHLIBDEPS OFF)
  if(TARGET fnf_console)  # the tool's console lays diagrams out with Graphviz
    set(CPACK_DEBIAN_TOOL_PACKAGE_DEPENDS "libgvc6, libcgraph6")
  endif()
else()
  set(CPACK_COMPONENTS_ALL dev tool)
endif()
include(CPack)
