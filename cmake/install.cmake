# `cmake --install build --prefix P` and then, in another project, `find_package(schemac)` with P on
# CMAKE_PREFIX_PATH: the schemac program (schemac::schemac), the runtime library with its headers
# (schemac::runtime), schemac_generate() using that program, and the templates for `generate --templates`
# users to start from (the program carries its own copy; it never reads these).
include(CMakePackageConfigHelpers)

set(SCHEMAC_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/schemac)

install(TARGETS schemac EXPORT schemacTargets RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS schemac_runtime EXPORT schemacTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY runtime/include/schemac DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")
install(DIRECTORY templates/ DESTINATION ${CMAKE_INSTALL_DATADIR}/schemac/templates
        FILES_MATCHING PATTERN "*.mustache")

# A runtime built with the sanitizers references their runtime libraries: a program linking the installed
# archive must link them too, or it fails with undefined __asan_* / __ubsan_* symbols.
if(SCHEMAC_SANITIZE OR SCHEMAC_FUZZ)
  target_link_options(schemac_runtime INTERFACE $<INSTALL_INTERFACE:-fsanitize=address,undefined>)
endif()

install(EXPORT schemacTargets NAMESPACE schemac:: DESTINATION ${SCHEMAC_INSTALL_CMAKEDIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/schemacConfig.cmake.in
                              ${CMAKE_CURRENT_BINARY_DIR}/schemacConfig.cmake
                              INSTALL_DESTINATION ${SCHEMAC_INSTALL_CMAKEDIR} PATH_VARS CMAKE_INSTALL_DATADIR)
# Before 1.0 a minor version may change the generated code or the runtime's API: only the same minor matches.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/schemacConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/schemacConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/schemacConfigVersion.cmake
              ${CMAKE_CURRENT_LIST_DIR}/schemac_generate.cmake ${CMAKE_CURRENT_LIST_DIR}/schemac_generate_run.cmake
        DESTINATION ${SCHEMAC_INSTALL_CMAKEDIR})
