# Finds every dependency once; later CMakeLists only test the STLLAVA_* switches.
find_package(Torch REQUIRED)
# Torch's config adds flags to CMAKE_CXX_FLAGS on some versions; keep them, but never let its
# exported definitions leak warnings into our own code.
set(STLLAVA_HAVE_CUDA OFF)
if(TORCH_CUDA_LIBRARIES OR CUDA_FOUND OR TARGET torch_cuda)
  set(STLLAVA_HAVE_CUDA ON)
endif()

# The one precompiled header for torch targets (see stllava_use_torch()).
if(STLLAVA_USE_PCH)
  add_library(stllava_torch_pch OBJECT ${CMAKE_SOURCE_DIR}/cmake/torch_pch.cpp)
  target_link_libraries(stllava_torch_pch PUBLIC ${TORCH_LIBRARIES})
  target_precompile_headers(stllava_torch_pch PRIVATE <torch/torch.h>)
  stllava_set_warnings(stllava_torch_pch)
endif()

# torch.distributed (c10d + Gloo): needs Gloo's headers next to torch's.
set(STLLAVA_HAVE_DISTRIBUTED OFF)
if(STLLAVA_WITH_DISTRIBUTED)
  find_path(STLLAVA_GLOO_INCLUDE gloo/config.h)
  if(EXISTS "${TORCH_INSTALL_PREFIX}/include/torch/csrc/distributed/c10d/ProcessGroupGloo.hpp" OR
     EXISTS "/usr/include/torch/csrc/distributed/c10d/ProcessGroupGloo.hpp")
    if(STLLAVA_GLOO_INCLUDE OR EXISTS "${TORCH_INSTALL_PREFIX}/include/gloo/config.h")
      set(STLLAVA_HAVE_DISTRIBUTED ON)
    endif()
  endif()
endif()

find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 CONFIG QUIET)
if(NOT CLI11_FOUND)
  find_path(STLLAVA_CLI11_INCLUDE CLI/CLI.hpp REQUIRED)
  add_library(CLI11::CLI11 INTERFACE IMPORTED)
  target_include_directories(CLI11::CLI11 INTERFACE ${STLLAVA_CLI11_INCLUDE})
endif()

# sentencepiece: linked only into the isolated bridge library (never next to torch).
find_path(STLLAVA_SPM_INCLUDE sentencepiece_processor.h REQUIRED)
find_library(STLLAVA_SPM_LIBRARY sentencepiece REQUIRED)
find_library(STLLAVA_SPM_TRAIN_LIBRARY sentencepiece_train REQUIRED)

find_package(Threads REQUIRED)

if(STLLAVA_WITH_QT)
  find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Network Concurrent Sql Test)
  qt_standard_project_setup()
  set(CMAKE_AUTOMOC ON)
  add_compile_definitions(QT_NO_CONTEXTLESS_CONNECT QT_NO_KEYWORDS)
endif()

if(STLLAVA_WITH_DICOM)
  find_package(DCMTK REQUIRED)
  # JPEG 2000 transfer syntaxes, which DCMTK's free edition cannot decode (Debian: libopenjp2-7-dev).
  # Found by header and library: its CMake config ships without a version file.
  find_path(STLLAVA_OPENJPEG_INCLUDE openjpeg.h PATH_SUFFIXES openjpeg-2.5 openjpeg-2.4 openjpeg-2.3 REQUIRED)
  find_library(STLLAVA_OPENJPEG_LIBRARY openjp2 REQUIRED)
  add_library(stllava::openjp2 UNKNOWN IMPORTED)
  set_target_properties(stllava::openjp2 PROPERTIES IMPORTED_LOCATION "${STLLAVA_OPENJPEG_LIBRARY}"
                        INTERFACE_INCLUDE_DIRECTORIES "${STLLAVA_OPENJPEG_INCLUDE}")
endif()

# PNG and JPEG in every build through small C libraries (Debian: libpng-dev, libjpeg62-turbo-dev):
# the desktop build needs them; a headless build without them has no core/imaging (with a warning).
set(STLLAVA_HAVE_RASTER_LIBS OFF)
if(STLLAVA_WITH_DICOM OR STLLAVA_WITH_OPENCV)
  find_package(PNG REQUIRED)
  find_package(JPEG REQUIRED)
else()
  find_package(PNG QUIET)
  find_package(JPEG QUIET)
  if(NOT PNG_FOUND OR NOT JPEG_FOUND)
    message(WARNING "libpng or libjpeg not found: building without core/imaging (no image input). "
                    "Install libpng-dev and libjpeg62-turbo-dev, or on the GPU machine take them in the device "
                    "kit (DEVICE_KIT_EXTRA, see README 'Building') and add the kit's usr/ to CMAKE_PREFIX_PATH.")
  endif()
endif()
if(PNG_FOUND AND JPEG_FOUND)
  set(STLLAVA_HAVE_RASTER_LIBS ON)
endif()

if(STLLAVA_WITH_OPENCV)
  find_package(OpenCV REQUIRED COMPONENTS core imgproc imgcodecs)
endif()
