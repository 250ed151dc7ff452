# Fuzz targets for every parser of outside input (tests/fuzz/fuzz_<name>.cpp, one entry function
# LLVMFuzzerTestOneInput each), built two ways from the same sources:
#   -DSTLLAVA_FUZZ=ON (clang): fuzz_<name>, a libFuzzer program; everything instrumented for
#       coverage + ASan + UBSan (top-level CMakeLists.txt). tests/fuzz/run_fuzzers.sh runs them.
#   normal build: fuzz_replay_<name> (fuzz_replay_main.cpp) runs the entry function over the
#       committed corpus tests/fuzz/corpus/<name> (seeds and past findings) as the ctest test
#       fuzz_replay_<name>, so no finding comes back unnoticed, without clang.
# Torch-free parsers are compiled from their sources here, so the fuzz build needs no libtorch
# modules beyond safetensors.
function(stllava_add_fuzz_target name)
  cmake_parse_arguments(F "" "" "SOURCES;LIBS" ${ARGN})
  set(dir ${CMAKE_CURRENT_SOURCE_DIR}/fuzz)
  if(STLLAVA_FUZZ)
    set(exe fuzz_${name})
    add_executable(${exe} ${dir}/fuzz_${name}.cpp ${F_SOURCES})
    target_link_options(${exe} PRIVATE -fsanitize=fuzzer)
  else()
    set(exe fuzz_replay_${name})
    add_executable(${exe} ${dir}/fuzz_${name}.cpp ${dir}/fuzz_replay_main.cpp ${F_SOURCES})
    add_test(NAME ${exe} COMMAND ${exe} ${dir}/corpus/${name})
    set_tests_properties(${exe} PROPERTIES LABELS unit TIMEOUT 300
      ENVIRONMENT "QT_QPA_PLATFORM=offscreen;OMP_NUM_THREADS=1")
  endif()
  target_include_directories(${exe} PRIVATE ${PROJECT_SOURCE_DIR}/core ${dir})
  target_link_libraries(${exe} PRIVATE ${F_LIBS})
  stllava_set_warnings(${exe})
endfunction()

if(TARGET stllava_safetensors)
  stllava_add_fuzz_target(safetensors LIBS stllava_safetensors)
endif()
if(TARGET stllava_imaging AND STLLAVA_WITH_DICOM)
  stllava_add_fuzz_target(dicom LIBS stllava_imaging)
endif()
if(TARGET stllava_evaluation)
  stllava_add_fuzz_target(benchmark LIBS stllava_evaluation)
endif()
if(TARGET stllava_prompt)
  stllava_add_fuzz_target(dataset SOURCES ${PROJECT_SOURCE_DIR}/core/training/dataset.cpp
    LIBS stllava_prompt stllava_common nlohmann_json::nlohmann_json)
endif()
if(TARGET stllava_selftrain)
  stllava_add_fuzz_target(judge_reply LIBS stllava_selftrain)
endif()
if(TARGET stllava_review)
  stllava_add_fuzz_target(pair_import LIBS stllava_review Qt6::Core)
endif()
if(TARGET stllava_imaging AND TARGET stllava_prompt AND (TARGET stllava_server OR STLLAVA_FUZZ))
  stllava_add_fuzz_target(server_request
    SOURCES ${PROJECT_SOURCE_DIR}/core/server/openai_protocol.cpp ${PROJECT_SOURCE_DIR}/core/server/auth.cpp
            ${PROJECT_SOURCE_DIR}/core/pipeline/request.cpp
    LIBS stllava_imaging stllava_prompt stllava_common nlohmann_json::nlohmann_json)
endif()
