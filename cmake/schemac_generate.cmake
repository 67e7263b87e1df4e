# schemac_generate(TARGET <target> SCHEMA <schema.dsl> OUT_DIR <dir> [TEMPLATES <dir>] [SCHEMAC <path>])
#
# Regenerates the C++ headers for SCHEMA into OUT_DIR whenever the schema, a template or the schemac binary
# changed, and only then, and makes TARGET depend on them (with OUT_DIR and the runtime's headers on its
# include path). schemac writes only the files whose content changed, so an unchanged schema recompiles
# nothing even when the command runs. SCHEMAC defaults to the `schemac` target of this build, else the
# program found in PATH.
function(schemac_generate)
  cmake_parse_arguments(G "" "TARGET;SCHEMA;OUT_DIR;TEMPLATES;SCHEMAC" "" ${ARGN})
  if(NOT G_TARGET OR NOT G_SCHEMA OR NOT G_OUT_DIR)
    message(FATAL_ERROR "schemac_generate needs TARGET, SCHEMA and OUT_DIR")
  endif()
  get_filename_component(schema "${G_SCHEMA}" ABSOLUTE)
  get_filename_component(out "${G_OUT_DIR}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  if(G_SCHEMAC)
    set(schemac "${G_SCHEMAC}")
    set(schemac_dep "${G_SCHEMAC}")
  elseif(TARGET schemac)
    set(schemac "$<TARGET_FILE:schemac>")
    set(schemac_dep schemac)
  else()
    find_program(SCHEMAC_PROGRAM schemac REQUIRED)
    set(schemac "${SCHEMAC_PROGRAM}")
    set(schemac_dep "${SCHEMAC_PROGRAM}")
  endif()
  set(args generate "${schema}" --out "${out}")
  set(template_deps "")
  if(G_TEMPLATES)
    get_filename_component(templates "${G_TEMPLATES}" ABSOLUTE)
    list(APPEND args --templates "${templates}")
    file(GLOB template_deps CONFIGURE_DEPENDS "${templates}/*.mustache")
  endif()
  # The stamp is the command's output: the headers themselves keep their old timestamps when unchanged, so they
  # cannot serve as outputs without making the command rerun on every build.
  set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${G_TARGET}_schemac_generate.stamp")
  add_custom_command(
    OUTPUT "${stamp}"
    COMMAND ${schemac} ${args}
    COMMAND ${CMAKE_COMMAND} -E touch "${stamp}"
    DEPENDS "${schema}" ${template_deps} ${schemac_dep}
    COMMENT "schemac generate ${G_SCHEMA}"
    VERBATIM)
  add_custom_target(${G_TARGET}_schemac_generate DEPENDS "${stamp}")
  add_dependencies(${G_TARGET} ${G_TARGET}_schemac_generate)
  target_include_directories(${G_TARGET} PRIVATE "${out}")
endfunction()
