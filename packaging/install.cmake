# `cmake --install` and the Debian package built from it by CPack (`.ci/setup deb`).
# Layout, under GNUInstallDirs with the prefix /usr the package uses:
#   /usr/bin/kiosk, /usr/bin/kiosk-server
#   /usr/share/kiosk-mot-cua/content/      the demo commune (factory content)
#   /usr/share/kiosk-mot-cua/fonts/        fonts.json (the font files come from Debian's font packages)
#   /etc/kiosk-mot-cua/kiosk.json          the default configuration (a conffile)
#   /lib/systemd/system/kiosk.service, kiosk-server.service
#   /usr/lib/sysusers.d/kiosk-mot-cua.conf the kiosk user
#   /usr/lib/systemd/journald.conf.d/kiosk-mot-cua.conf  journal size limits
#   /var/lib/kiosk-mot-cua                 state, made by systemd's StateDirectory= at start
# The binaries find the shared files relative to themselves (kiosk/core/shipped_files.hpp),
# so an install under another prefix works too.

# /etc and the unit directory are outside the prefix only for the system prefix /usr;
# under any other prefix they stay inside it, so a trial install never touches the system.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  pkg_get_variable(KIOSK_SYSTEMD_UNIT_DIR systemd systemdsystemunitdir)
  pkg_get_variable(KIOSK_SYSUSERS_DIR systemd sysusersdir)
  if(NOT KIOSK_SYSTEMD_UNIT_DIR)
    set(KIOSK_SYSTEMD_UNIT_DIR /lib/systemd/system)
  endif()
  if(NOT KIOSK_SYSUSERS_DIR)
    set(KIOSK_SYSUSERS_DIR /usr/lib/sysusers.d)
  endif()
else()
  set(KIOSK_SYSTEMD_UNIT_DIR ${CMAKE_INSTALL_LIBDIR}/systemd/system)
  set(KIOSK_SYSUSERS_DIR ${CMAKE_INSTALL_LIBDIR}/sysusers.d)
endif()
set(KIOSK_JOURNALD_CONF_DIR ${CMAKE_INSTALL_PREFIX}/lib/systemd/journald.conf.d)
set(KIOSK_CONFIG_DIR ${CMAKE_INSTALL_FULL_SYSCONFDIR}/kiosk-mot-cua)

# The units name the installed binaries and config directory.
configure_file(${CMAKE_SOURCE_DIR}/packaging/kiosk.service ${CMAKE_BINARY_DIR}/packaging/kiosk.service @ONLY)
configure_file(${CMAKE_SOURCE_DIR}/packaging/kiosk-server.service ${CMAKE_BINARY_DIR}/packaging/kiosk-server.service @ONLY)

install(TARGETS kiosk kiosk-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/content/ DESTINATION ${KIOSK_INSTALL_DATADIR}/content)
install(FILES ${CMAKE_SOURCE_DIR}/fonts/fonts.json DESTINATION ${KIOSK_INSTALL_DATADIR}/fonts)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/kiosk.json DESTINATION ${KIOSK_CONFIG_DIR})
install(FILES ${CMAKE_BINARY_DIR}/packaging/kiosk.service ${CMAKE_BINARY_DIR}/packaging/kiosk-server.service
        DESTINATION ${KIOSK_SYSTEMD_UNIT_DIR})
install(FILES ${CMAKE_SOURCE_DIR}/packaging/sysusers.conf DESTINATION ${KIOSK_SYSUSERS_DIR} RENAME kiosk-mot-cua.conf)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/journald.conf DESTINATION ${KIOSK_JOURNALD_CONF_DIR}
        RENAME kiosk-mot-cua.conf)

# Debian wants the changelog compressed, reproducibly (no name, no time in the gzip header).
find_program(GZIP_PROGRAM gzip REQUIRED)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/packaging/changelog.gz
  COMMAND ${GZIP_PROGRAM} -9nc ${CMAKE_SOURCE_DIR}/packaging/changelog > ${CMAKE_BINARY_DIR}/packaging/changelog.gz
  DEPENDS ${CMAKE_SOURCE_DIR}/packaging/changelog)
add_custom_target(kiosk_changelog ALL DEPENDS ${CMAKE_BINARY_DIR}/packaging/changelog.gz)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/packaging/copyright
        ${CMAKE_BINARY_DIR}/packaging/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/kiosk-mot-cua)

install(FILES ${CMAKE_SOURCE_DIR}/packaging/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/lintian/overrides
        RENAME kiosk-mot-cua)

# ---- CPack: kiosk-mot-cua_<version>_<arch>.deb ------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kiosk-mot-cua)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_PACKAGE_CONTACT "Kiosk Mot Cua maintainers <maintainers@kiosk-mot-cua.example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "touchscreen kiosk for Vietnamese commune one-stop desks")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Kiosk Mot Cua runs full screen on the console of a commune's one-stop desk
(bo phan mot cua): citizens find administrative procedures, read what to bring
and what it costs, follow online-service guides and rate the service. Votes are
delivered exactly once to the commune server.

The package holds the kiosk, the reference commune server (kiosk-server), their
systemd units, the kiosk user and the demo content.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Libraries come from dpkg-shlibdeps; what the binaries use without linking is listed here:
# systemd (units, sysusers), fonts read at run time, and what SDL's KMSDRM driver loads with
# dlopen to show a frame on the console: libgbm/libdrm, EGL and GLES2, Mesa's drivers.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "systemd, fonts-noto-core | fonts-dejavu-core, libgbm1, libdrm2, libegl1, libgles2, libgl1-mesa-dri")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cage")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${CMAKE_SOURCE_DIR}/packaging/conffiles ${CMAKE_SOURCE_DIR}/packaging/postinst
  ${CMAKE_SOURCE_DIR}/packaging/prerm ${CMAKE_SOURCE_DIR}/packaging/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_STRIP_FILES TRUE)
set(CPACK_OUTPUT_FILE_PREFIX ${CMAKE_BINARY_DIR})
include(CPack)
