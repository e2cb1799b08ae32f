# Finds SimGrid (Debian package libsimgrid-dev, 3.32) with pkg-config and wraps it as
# the imported target SimGrid::SimGrid.
find_package(PkgConfig REQUIRED)
pkg_check_modules(SIMGRID_PC REQUIRED IMPORTED_TARGET simgrid>=3.32)
if(NOT TARGET SimGrid::SimGrid)
  add_library(SimGrid::SimGrid INTERFACE IMPORTED)
  target_link_libraries(SimGrid::SimGrid INTERFACE PkgConfig::SIMGRID_PC)
endif()
set(LINKSIM_SIMGRID_VERSION ${SIMGRID_PC_VERSION})
