# Debian packages, `cpack -G DEB` in a build directory (the release preset for shipping):
#   keyward-server_<version>_amd64.deb  the headless server, its systemd unit, sysusers.d and
#                                       tmpfiles.d entries, bash completion; no Widgets dependency
#   keyward_<version>_amd64.deb         the desktop console, its desktop file and icon
# Dependencies come from dpkg-shlibdeps; tests/package/deb.sh builds, lints, installs and removes them.
set(KEYWARD_DEBIAN ${PROJECT_SOURCE_DIR}/installer/debian)

install(TARGETS keyward-server RUNTIME DESTINATION bin COMPONENT server)
install(FILES ${PROJECT_SOURCE_DIR}/installer/keyward.service DESTINATION /lib/systemd/system COMPONENT server)
install(FILES ${KEYWARD_DEBIAN}/keyward.sysusers DESTINATION lib/sysusers.d RENAME keyward.conf COMPONENT server)
install(FILES ${KEYWARD_DEBIAN}/keyward.tmpfiles DESTINATION lib/tmpfiles.d RENAME keyward.conf COMPONENT server)
install(FILES ${PROJECT_SOURCE_DIR}/installer/completion/keyward-server.bash
        DESTINATION share/bash-completion/completions RENAME keyward-server COMPONENT server)

install(TARGETS keyward RUNTIME DESTINATION bin COMPONENT console)
install(FILES ${PROJECT_SOURCE_DIR}/installer/keyward.desktop DESTINATION share/applications COMPONENT console)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/keyward.svg DESTINATION share/icons/hicolor/scalable/apps
        COMPONENT console)
install(FILES ${PROJECT_SOURCE_DIR}/installer/completion/keyward-server.bash
        DESTINATION share/bash-completion/completions RENAME keyward COMPONENT console)

# Manual pages, compressed as Debian policy wants them.
foreach(page keyward-server keyward)
    file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/man)
    execute_process(COMMAND gzip -9nc ${PROJECT_SOURCE_DIR}/installer/man/${page}.1
                    OUTPUT_FILE ${CMAKE_BINARY_DIR}/man/${page}.1.gz)
endforeach()
install(FILES ${CMAKE_BINARY_DIR}/man/keyward-server.1.gz DESTINATION share/man/man1 COMPONENT server)
install(FILES ${CMAKE_BINARY_DIR}/man/keyward.1.gz DESTINATION share/man/man1 COMPONENT console)

# Each package's copyright and (native package) changelog, as Debian policy wants them.
set(KEYWARD_CHANGELOG ${CMAKE_BINARY_DIR}/debian/changelog)
string(TIMESTAMP KEYWARD_BUILD_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
foreach(package keyward-server keyward)
    file(WRITE ${CMAKE_BINARY_DIR}/debian/${package}/changelog
         "${package} (${PROJECT_VERSION}) unstable; urgency=medium\n\n"
         "  * Release ${PROJECT_VERSION}: see the README at https://keyward.invalid/.\n\n"
         " -- Keyward maintainers <maintainers@keyward.invalid>  ${KEYWARD_BUILD_DATE}\n")
    execute_process(COMMAND gzip -9nf ${CMAKE_BINARY_DIR}/debian/${package}/changelog)
endforeach()
install(FILES ${KEYWARD_DEBIAN}/copyright ${CMAKE_BINARY_DIR}/debian/keyward-server/changelog.gz
        DESTINATION share/doc/keyward-server COMPONENT server)
install(FILES ${KEYWARD_DEBIAN}/copyright ${CMAKE_BINARY_DIR}/debian/keyward/changelog.gz
        DESTINATION share/doc/keyward COMPONENT console)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME keyward)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Keyward maintainers <maintainers@keyward.invalid>")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://keyward.invalid/")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL server console)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME keyward-server)
# Debian descriptions: a summary, then lines under 80 columns (CPack indents them), "." between paragraphs.
set(CPACK_DEBIAN_SERVER_DESCRIPTION "user management service for other applications
Keyward manages the user accounts of other applications through a REST API:
registration, login with argon2id passwords, signed JWT access tokens with
rotating refresh tokens, TOTP, sessions, roles, API keys and a tamper-evident
audit trail, on SQLite or PostgreSQL.
.
This package holds the headless server keyward-server, its hardened systemd
unit and its command line for administration, backup and restore.")
# systemd on a host; in a container the standalone sysusers and tmpfiles are enough.
# Qt loads its SQL drivers as plugins, which dpkg-shlibdeps does not see: SQLite is the default,
# PostgreSQL for several nodes (and postgresql-client for its backups).
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS
    "systemd | systemd-standalone-sysusers, systemd | systemd-standalone-tmpfiles, libqt6sql6-sqlite")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "libqt6sql6-psql")
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "postgresql-client")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${KEYWARD_DEBIAN}/postinst ${KEYWARD_DEBIAN}/prerm ${KEYWARD_DEBIAN}/postrm)
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_CONSOLE_PACKAGE_NAME keyward)
set(CPACK_DEBIAN_CONSOLE_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_CONSOLE_DESCRIPTION "desktop administration console for Keyward
Keyward manages the user accounts of other applications. This package holds
its native admin console: panels for users, roles, API keys, live metrics,
logs, audit and health, with a first-run wizard; it serves the same REST API
as keyward-server while it runs.")
include(CPack)
