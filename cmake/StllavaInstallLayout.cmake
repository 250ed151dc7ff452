# The install layout both the programs and the build tree follow (GNUInstallDirs): programs in
# bin/, the tokenizer bridge in <libdir>/stllava/, data in share/. The programs find their files
# relative to their own folder, so the build tree mirrors the layout: build/bin and build/share.
#   STLLAVA_DATA_FROM_BIN   bin -> share, relative (e.g. "../share")
#   STLLAVA_BUILD_DATADIR   the build tree's share/ (generated icons live there)
include(GNUInstallDirs)
file(RELATIVE_PATH STLLAVA_DATA_FROM_BIN "${CMAKE_INSTALL_FULL_BINDIR}" "${CMAKE_INSTALL_FULL_DATADIR}")
if(STLLAVA_DATA_FROM_BIN STREQUAL "")
  set(STLLAVA_DATA_FROM_BIN ".")
endif()
get_filename_component(STLLAVA_BUILD_DATADIR "${CMAKE_RUNTIME_OUTPUT_DIRECTORY}/${STLLAVA_DATA_FROM_BIN}" ABSOLUTE)
