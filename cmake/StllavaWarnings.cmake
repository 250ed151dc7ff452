# One place for compiler warnings, applied to every project target.
function(stllava_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
  endif()
endfunction()

# A torch-heavy target: links torch and reuses the one precompiled <torch/torch.h>.
function(stllava_use_torch target)
  target_link_libraries(${target} PUBLIC ${TORCH_LIBRARIES})
  if(STLLAVA_USE_PCH AND TARGET stllava_torch_pch)
    target_precompile_headers(${target} REUSE_FROM stllava_torch_pch)
  endif()
endfunction()
