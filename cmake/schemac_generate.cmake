# schemac_generate(TARGET <target> SCHEMA <schema.dsl> OUT_DIR <dir> [TEMPLATES <dir>] [SCHEMAC <path>])
#
# Regenerates the C++ headers for SCHEMA into OUT_DIR whenever the schema, a template or the schemac binary
# changed, and only then, and makes TARGET depend on them: OUT_DIR on its include path and schemac::runtime
# (the runtime's headers, libpq, C++20) linked. schemac writes only the files whose content changed, so an
# unchanged schema recompiles nothing even when the command runs; when a header did change, TARGET's sources
# recompile in that same build.
#
# The program: SCHEMAC if given, else the `schemac` target of this build (schemac's own tree), else the
# installed one of find_package(schemac) (schemac::schemac), else `schemac` in PATH. A relative SCHEMA is read
# from the current source directory, a relative OUT_DIR is in the current binary directory.

# Captured here: inside the function CMAKE_CURRENT_LIST_DIR is the caller's.
set(_SCHEMAC_GENERATE_RUN "${CMAKE_CURRENT_LIST_DIR}/schemac_generate_run.cmake")

function(schemac_generate)
  cmake_parse_arguments(G "" "TARGET;SCHEMA;OUT_DIR;TEMPLATES;SCHEMAC" "" ${ARGN})
  if(NOT G_TARGET OR NOT G_SCHEMA OR NOT G_OUT_DIR)
    message(FATAL_ERROR "schemac_generate needs TARGET, SCHEMA and OUT_DIR")
  endif()
  get_filename_component(schema "${G_SCHEMA}" ABSOLUTE)
  get_filename_component(schema_dir "${schema}" DIRECTORY)
  get_filename_component(out "${G_OUT_DIR}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  _schemac_program(schemac schemac_dep)
  set(run -DSCHEMAC=${schemac} -DSCHEMA=${schema} -DOUT=${out})
  set(template_deps "")
  if(G_TEMPLATES)
    get_filename_component(templates "${G_TEMPLATES}" ABSOLUTE)
    list(APPEND run -DTEMPLATES=${templates})
    file(GLOB template_deps CONFIGURE_DEPENDS "${templates}/*.mustache")
  endif()
  # Two files come out. The stamp is touched on every run, so the command runs again only when a dependency is
  # newer. The marker is touched only when a header was written, and TARGET's sources depend on it: Ninja
  # re-stats it (a byproduct), so an unchanged one recompiles nothing. The headers cannot play the marker's part
  # themselves: a compiler launcher such as ccache with base_dir rewrites the paths in its dependency files, and
  # Ninja would not see them as the same files. The working directory is the schema's, so the command line each
  # header's DO-NOT-EDIT line shows (paths relative to it) is the same on every machine.
  set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${G_TARGET}_schemac_generate.stamp")
  set(marker "${CMAKE_CURRENT_BINARY_DIR}/${G_TARGET}_schemac_generate.changed")
  add_custom_command(
    OUTPUT "${stamp}"
    BYPRODUCTS "${marker}"
    COMMAND ${CMAKE_COMMAND} ${run} -DMARKER=${marker} -P "${_SCHEMAC_GENERATE_RUN}"
    COMMAND ${CMAKE_COMMAND} -E touch "${stamp}"
    DEPENDS "${schema}" ${template_deps} ${schemac_dep} "${_SCHEMAC_GENERATE_RUN}"
    WORKING_DIRECTORY "${schema_dir}"
    COMMENT "schemac generate ${G_SCHEMA}"
    VERBATIM)
  add_custom_target(${G_TARGET}_schemac_generate DEPENDS "${stamp}")
  add_dependencies(${G_TARGET} ${G_TARGET}_schemac_generate)
  target_include_directories(${G_TARGET} PRIVATE "${out}")
  target_link_libraries(${G_TARGET} PRIVATE schemac::runtime)
  # At the end of the directory, so sources added to TARGET after this call depend on the marker too.
  cmake_language(EVAL CODE "cmake_language(DEFER CALL _schemac_object_depends [[${G_TARGET}]] [[${marker}]])")
endfunction()

# The command to run (<cmd>) and what the custom command depends on for it (<dep>: a rebuilt or reinstalled
# schemac reruns it).
function(_schemac_program cmd dep)
  if(G_SCHEMAC)
    set(c "${G_SCHEMAC}")
    set(d "${G_SCHEMAC}")
  elseif(TARGET schemac)
    set(c "$<TARGET_FILE:schemac>")
    set(d schemac)
  elseif(TARGET schemac::schemac)
    set(c "$<TARGET_FILE:schemac::schemac>")
    set(d "$<TARGET_FILE:schemac::schemac>")
  else()
    find_program(SCHEMAC_PROGRAM schemac REQUIRED)
    set(c "${SCHEMAC_PROGRAM}")
    set(d "${SCHEMAC_PROGRAM}")
  endif()
  set(${cmd} "${c}" PARENT_SCOPE)
  set(${dep} "${d}" PARENT_SCOPE)
endfunction()

# Every C and C++ source of <target> recompiles when <marker> is touched.
function(_schemac_object_depends target marker)
  get_target_property(sources ${target} SOURCES)
  list(FILTER sources INCLUDE REGEX "\\.(c|cc|cpp|cxx|c\\+\\+)$")
  if(sources)
    set_property(SOURCE ${sources} TARGET_DIRECTORY ${target} APPEND PROPERTY OBJECT_DEPENDS "${marker}")
  endif()
endfunction()
