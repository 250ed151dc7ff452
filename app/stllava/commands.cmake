# Subcommands contributed by modules; each block is guarded by the module's target.

# c: evaluation (eval score/merge, report compare)
if(TARGET stllava_evaluation)
  list(APPEND STLLAVA_CLI_SOURCES cmd_eval.cpp cmd_report.cpp)
  list(APPEND STLLAVA_CLI_LIBS stllava_evaluation)
endif()

# The session layer (core/pipeline): chat, model info|merge, eval run; shared CLI helpers for models.
if(TARGET stllava_pipeline)
  list(APPEND STLLAVA_CLI_SOURCES cmd_chat.cpp cmd_model.cpp cmd_eval_run.cpp)
  list(APPEND STLLAVA_CLI_LIBS stllava_pipeline)
  set_property(SOURCE cmd_eval.cpp APPEND PROPERTY COMPILE_DEFINITIONS STLLAVA_HAVE_EVAL_RUNNER=1)
  set_property(SOURCE cli_support.cpp cmd_chat.cpp cmd_model.cpp cmd_eval_run.cpp APPEND PROPERTY COMPILE_DEFINITIONS STLLAVA_HAVE_PIPELINE=1)
endif()
if(TARGET stllava_eval_thumbnails)
  list(APPEND STLLAVA_CLI_LIBS stllava_eval_thumbnails)
  set_property(SOURCE cmd_eval.cpp cmd_eval_run.cpp APPEND PROPERTY COMPILE_DEFINITIONS STLLAVA_HAVE_EVAL_THUMBNAILS=1)
endif()

# b: dicom info/render/deid (imaging, with both DCMTK and OpenCV)
if(TARGET stllava_imaging AND STLLAVA_WITH_DICOM AND STLLAVA_WITH_OPENCV)
  list(APPEND STLLAVA_CLI_SOURCES cmd_dicom.cpp)
  list(APPEND STLLAVA_CLI_LIBS stllava_imaging nlohmann_json::nlohmann_json)
endif()

# d: training (stllava train sft|dpo), on the session layer's model assembly
if(TARGET stllava_training AND TARGET stllava_pipeline)
  list(APPEND STLLAVA_CLI_SOURCES cmd_train.cpp)
  list(APPEND STLLAVA_CLI_LIBS stllava_training stllava_pipeline)
endif()

# synthetic world (stllava demo world)
if(TARGET stllava_synthetic)
  list(APPEND STLLAVA_CLI_SOURCES cmd_demo.cpp cmd_demo_world.cpp)
  list(APPEND STLLAVA_CLI_LIBS stllava_synthetic)
endif()
# demo run: the whole pipeline on the synthetic world (core/demo); demo judge-data: a learned judge's data
if(TARGET stllava_demo)
  list(APPEND STLLAVA_CLI_SOURCES cmd_demo_run.cpp cmd_demo_judge_data.cpp)
  list(APPEND STLLAVA_CLI_LIBS stllava_demo stllava_demo_judge_data)
  set_property(SOURCE cmd_demo_run.cpp APPEND PROPERTY COMPILE_DEFINITIONS STLLAVA_HAVE_PIPELINE=1)
endif()

# selftrain: stage 2. The parent command and `pairs` need only the selftrain records; `judge`
# needs the Qt judge client (core/services/judge, built with STLLAVA_WITH_QT and imaging).
if(TARGET stllava_selftrain)
  list(APPEND STLLAVA_CLI_SOURCES cmd_selftrain.cpp cmd_selftrain_pairs.cpp)
  list(APPEND STLLAVA_CLI_LIBS stllava_selftrain)
endif()
if(STLLAVA_WITH_QT AND TARGET stllava_judge_client AND STLLAVA_JUDGE_RUN_OK)
  list(APPEND STLLAVA_CLI_SOURCES cmd_selftrain_judge.cpp)
  list(APPEND STLLAVA_CLI_LIBS stllava_judge_client)
endif()

# selftrain generate|merge: stage-2 generation on the session layer
if(TARGET stllava_pipeline AND TARGET stllava_selftrain)
  list(APPEND STLLAVA_CLI_SOURCES cmd_selftrain_generate.cpp)
  set_property(SOURCE cmd_selftrain_generate.cpp APPEND PROPERTY COMPILE_DEFINITIONS STLLAVA_HAVE_PIPELINE=1)
endif()

# stllava serve (core/server: OpenAI-compatible HTTP on the session layer)
if(TARGET stllava_server)
  list(APPEND STLLAVA_CLI_SOURCES cmd_serve.cpp)
  list(APPEND STLLAVA_CLI_LIBS stllava_server)
  set_property(SOURCE cmd_serve.cpp APPEND PROPERTY COMPILE_DEFINITIONS STLLAVA_HAVE_PIPELINE=1)
endif()
