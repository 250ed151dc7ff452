# Subcommands contributed by modules; each block is guarded by the module's target.

# c: evaluation (eval score/merge, report compare)
if(TARGET stllava_evaluation)
  list(APPEND STLLAVA_CLI_SOURCES cmd_eval.cpp cmd_report.cpp)
  list(APPEND STLLAVA_CLI_LIBS stllava_evaluation)
endif()
