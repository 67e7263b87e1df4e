# cmake -DSCHEMAC=schemac -DSCHEMA=schema.dsl -DOUT=dir [-DTEMPLATES=dir] -DMARKER=file -P schemac_generate_run.cmake
#
# The build step of schemac_generate(): `schemac generate`, and MARKER touched when it wrote a header (or
# MARKER does not exist yet), so that what includes the headers recompiles then and only then. `generate --check`
# tells which case it is (exit 0: every file is current) before anything is written.
set(args "${SCHEMA}" --out "${OUT}")
if(TEMPLATES)
  list(APPEND args --templates "${TEMPLATES}")
endif()
execute_process(COMMAND "${SCHEMAC}" generate ${args} --check RESULT_VARIABLE current OUTPUT_QUIET ERROR_QUIET)
if(current EQUAL 0 AND EXISTS "${MARKER}")
  return()
endif()
# Stale, missing or refused: the real run writes what changed, or reports the errors in the schema.
execute_process(COMMAND "${SCHEMAC}" generate ${args} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "schemac generate ${SCHEMA} failed (exit ${status})")
endif()
file(TOUCH "${MARKER}")
