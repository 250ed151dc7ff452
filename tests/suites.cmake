# Test suites contributed by modules; each block is guarded by the module's target.

# a1: safetensors, lora, prompt
if(TARGET stllava_safetensors)
  stllava_add_qtest(test_safetensors SOURCES test_safetensors.cpp LIBS stllava_safetensors TORCH)
endif()
if(TARGET stllava_lora)
  stllava_add_qtest(test_lora SOURCES test_lora.cpp LIBS stllava_lora TORCH)
endif()
if(TARGET stllava_prompt)
  stllava_add_qtest(test_prompt SOURCES test_prompt.cpp LIBS stllava_prompt)
endif()

# c: metrics (LLaVA-Med scoring), evaluation (readers, reports)
if(TARGET stllava_metrics)
  stllava_add_qtest(test_metrics SOURCES test_metrics.cpp LIBS stllava_metrics)
  stllava_add_qtest(test_metrics_golden SOURCES test_metrics_golden.cpp LIBS stllava_metrics)
endif()

# a3: generation utilities (sampler, stop strings, stream decoder)
if(TARGET stllava_generation)
  stllava_add_qtest(test_sampler SOURCES test_sampler.cpp LIBS stllava_generation TORCH)
  stllava_add_qtest(test_stream_stop SOURCES test_stream_stop.cpp LIBS stllava_generation TORCH)
  stllava_add_qtest(test_stream_decoder SOURCES test_stream_decoder.cpp LIBS stllava_generation TORCH)
endif()

# a2: model (LLaVA tree, checkpoint I/O) and generation
if(TARGET stllava_model)
  stllava_add_qtest(test_model SOURCES test_model.cpp LIBS stllava_model TORCH)
  stllava_add_qtest(test_decode_attention SOURCES test_decode_attention.cpp LIBS stllava_model TORCH)
endif()
if(TARGET stllava_model AND TARGET stllava_lora)
  stllava_add_qtest(test_activation_checkpoint SOURCES test_activation_checkpoint.cpp LIBS stllava_model stllava_lora TORCH)
endif()
if(TARGET stllava_evaluation)
  stllava_add_qtest(test_eval_readers SOURCES test_eval_readers.cpp LIBS stllava_evaluation)
endif()
if(TARGET stllava_generation AND TARGET stllava_model)
  stllava_add_qtest(test_generate SOURCES test_generate.cpp LIBS stllava_generation stllava_model TORCH)
endif()
if(TARGET stllava_evaluation)
  stllava_add_qtest(test_report SOURCES test_report.cpp LIBS stllava_evaluation)
endif()
if(TARGET stllava_evaluation)
  stllava_add_qtest(test_eval_cli SOURCES test_eval_cli.cpp LABELS e2e)
  add_dependencies(test_eval_cli stllava)
endif()

# b: medical image input (imaging: DICOM/raster/windowing/de-identification; vision_input: CLIP preprocessing)
if(TARGET stllava_imaging)
  stllava_add_qtest(test_windowing SOURCES test_windowing.cpp LIBS stllava_imaging)
endif()
if(TARGET stllava_imaging AND STLLAVA_WITH_DICOM AND STLLAVA_WITH_OPENCV)
  stllava_add_qtest(test_dicom_loader SOURCES test_dicom_loader.cpp fixtures/dicom_maker.h LIBS stllava_imaging)
endif()
if(TARGET stllava_imaging AND STLLAVA_WITH_DICOM AND STLLAVA_WITH_OPENCV)
  stllava_add_qtest(test_dicom_errors SOURCES test_dicom_errors.cpp fixtures/dicom_maker.h LIBS stllava_imaging)
endif()
if(TARGET stllava_imaging AND STLLAVA_WITH_DICOM AND STLLAVA_WITH_OPENCV)
  stllava_add_qtest(test_dicom_deid SOURCES test_dicom_deid.cpp fixtures/dicom_maker.h LIBS stllava_imaging)
endif()
if(TARGET stllava_imaging AND STLLAVA_WITH_DICOM AND STLLAVA_WITH_OPENCV)
  stllava_add_qtest(test_dicom_pydicom SOURCES test_dicom_pydicom.cpp LIBS stllava_imaging DCMTK::DCMTK)
endif()
if(TARGET stllava_imaging AND STLLAVA_WITH_OPENCV)
  stllava_add_qtest(test_imaging_codecs SOURCES test_imaging_codecs.cpp
    LIBS stllava_imaging stllava_eval_thumbnails opencv_core opencv_imgcodecs opencv_imgproc)
endif()
if(TARGET stllava_imaging AND STLLAVA_WITH_OPENCV)
  stllava_add_qtest(test_imaging_raster SOURCES test_imaging_raster.cpp LIBS stllava_imaging opencv_core opencv_imgcodecs)
endif()
if(TARGET stllava_vision_input)
  stllava_add_qtest(test_preprocess SOURCES test_preprocess.cpp LIBS stllava_vision_input TORCH)
endif()

# d: training engine (data sets, collation, optimisation, checkpoints, SFT/DPO, data parallel)
if(TARGET stllava_training)
  stllava_add_qtest(test_dataset SOURCES test_dataset.cpp LIBS stllava_training TORCH)
  stllava_add_qtest(test_collate SOURCES test_collate.cpp LIBS stllava_training TORCH)
  stllava_add_qtest(test_train SOURCES test_train.cpp LIBS stllava_training TORCH)
  stllava_add_qtest(test_dpo SOURCES test_dpo.cpp LIBS stllava_training TORCH)
  stllava_add_qtest(test_distributed SOURCES test_distributed.cpp LIBS stllava_training TORCH LABELS e2e)
  stllava_add_qtest(test_train_cli SOURCES test_train_cli.cpp LIBS stllava_training TORCH LABELS e2e)
  add_dependencies(test_train_cli stllava)
endif()
if(TARGET stllava_generation AND TARGET stllava_model AND TARGET stllava_prompt AND TARGET stllava_vision_input AND TARGET stllava_imaging)
  stllava_add_qtest(test_generate_chat_cli SOURCES test_generate_chat_cli.cpp
    LIBS stllava_generation stllava_model stllava_prompt stllava_vision_input stllava_imaging TORCH LABELS e2e)
  add_dependencies(test_generate_chat_cli stllava)
endif()
if(TARGET stllava_imaging AND STLLAVA_WITH_DICOM AND STLLAVA_WITH_OPENCV)
  stllava_add_qtest(test_dicom_cli SOURCES test_dicom_cli.cpp fixtures/dicom_maker.h LABELS e2e)
  add_dependencies(test_dicom_cli stllava)
endif()
if(TARGET stllava_pipeline)
  stllava_add_qtest(test_eval_runner SOURCES test_eval_runner.cpp LIBS stllava_pipeline TORCH)
endif()
if(TARGET stllava_pipeline)
  add_dependencies(test_eval_runner stllava)
  set_tests_properties(test_eval_runner PROPERTIES LABELS "unit;e2e")
endif()
if(TARGET stllava_model)
  stllava_add_qtest(test_model_golden SOURCES test_model_golden.cpp LIBS stllava_model TORCH)
endif()

# The session layer (core/pipeline): model info, adapters, batched = alone, cancel, errors, threads.
if(TARGET stllava_pipeline)
  stllava_add_qtest(test_session SOURCES test_session.cpp LIBS stllava_pipeline TORCH)
endif()

# synthetic world (generators, datasets in the real formats, oracle judge)
if(TARGET stllava_synthetic)
  stllava_add_qtest(test_synthetic_images SOURCES test_synthetic_images.cpp LIBS stllava_synthetic)
  stllava_add_qtest(test_oracle SOURCES test_oracle.cpp LIBS stllava_synthetic)
endif()
if(TARGET stllava_synthetic AND TARGET stllava_evaluation AND TARGET stllava_prompt)
  # core/training's instruction reader is plain C++ (dataset.cpp): compiled in here so the suite stays
  # torch-free instead of linking the whole training engine.
  stllava_add_qtest(test_synthetic_world SOURCES test_synthetic_world.cpp ${PROJECT_SOURCE_DIR}/core/training/dataset.cpp
    LIBS stllava_synthetic stllava_evaluation stllava_prompt)
endif()

# selftrain: stage-2 records, judge protocol, score parsing, pairs; the judge client and command
if(TARGET stllava_selftrain)
  stllava_add_qtest(test_selftrain_scores SOURCES test_selftrain_scores.cpp LIBS stllava_selftrain)
  stllava_add_qtest(test_selftrain_records SOURCES test_selftrain_records.cpp LIBS stllava_selftrain)
  stllava_add_qtest(test_selftrain_pairs SOURCES test_selftrain_pairs.cpp fixtures/selftrain_data.h LIBS stllava_selftrain)
endif()
if(TARGET stllava_selftrain AND TARGET stllava_training)
  stllava_add_qtest(test_selftrain_dpo_data SOURCES test_selftrain_dpo_data.cpp fixtures/selftrain_data.h
    LIBS stllava_selftrain stllava_training TORCH)
endif()
if(TARGET stllava_judge_client)
  stllava_add_qtest(test_judge_client SOURCES test_judge_client.cpp fixtures/fake_openai_server.h
    LIBS stllava_judge_client Qt6::Network)
endif()
if(TARGET stllava_judge_client AND STLLAVA_JUDGE_RUN_OK AND STLLAVA_WITH_DICOM)
  stllava_add_qtest(test_selftrain_judge_cli SOURCES test_selftrain_judge_cli.cpp fixtures/fake_openai_server.h
    fixtures/dicom_maker.h LIBS stllava_selftrain Qt6::Network LABELS e2e)
  add_dependencies(test_selftrain_judge_cli stllava)
endif()

# Stage-2 generation on the session layer into the self-training job folder.
if(TARGET stllava_pipeline AND TARGET stllava_selftrain)
  stllava_add_qtest(test_stage2_generation SOURCES test_stage2_generation.cpp LIBS stllava_pipeline TORCH)
endif()

# golden first-step SFT loss and cached DPO reference log-probs against an independent reference
if(TARGET stllava_training)
  stllava_add_qtest(test_training_golden SOURCES test_training_golden.cpp LIBS stllava_training TORCH)
endif()

# SFT with LoRA -> chat with the adapter -> DPO from it (init_adapter) -> eval, through the CLI.
if(TARGET stllava_training AND TARGET stllava_pipeline)
  stllava_add_qtest(test_lora_chain_cli SOURCES test_lora_chain_cli.cpp LIBS stllava_training stllava_imaging TORCH LABELS e2e)
  add_dependencies(test_lora_chain_cli stllava)
endif()

# stllava-studio (ui/ on the offscreen platform): viewer and series list; chat with a tiny model.
if(TARGET stllava_ui AND STLLAVA_WITH_DICOM)
  stllava_add_qtest(test_studio_viewer SOURCES studio/test_studio_viewer.cpp LIBS stllava_ui Qt6::Widgets)
  target_include_directories(test_studio_viewer PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/studio)
endif()
if(TARGET stllava_ui AND TARGET stllava_model)
  stllava_add_qtest(test_studio_chat SOURCES studio/test_studio_chat.cpp LIBS stllava_ui stllava_model Qt6::Widgets TORCH)
  target_include_directories(test_studio_chat PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/studio)
endif()

# The embedded demo: the oracle judge as a job step (plain C++), and `stllava demo run` end to end.
if(TARGET stllava_oracle_judge)
  stllava_add_qtest(test_oracle_judge_job SOURCES test_oracle_judge_job.cpp LIBS stllava_oracle_judge)
endif()
if(TARGET stllava_demo)
  stllava_add_qtest(test_demo_cli SOURCES test_demo_cli.cpp LABELS e2e TIMEOUT 1200)
  add_dependencies(test_demo_cli stllava)
endif()

# stllava serve (core/server): the protocol layer without sockets; the server over real HTTP.
if(TARGET stllava_server)
  stllava_add_qtest(test_server_protocol SOURCES test_server_protocol.cpp LIBS stllava_server)
  stllava_add_qtest(test_server_http SOURCES test_server_http.cpp LIBS stllava_server TORCH LABELS e2e)
  add_dependencies(test_server_http stllava)
endif()

# Self-training's two halves against each other: generate on one tiny model, judge through
# `stllava serve` running a second one (real processes, bearer token, /metrics request count).
if(TARGET stllava_server AND TARGET stllava_selftrain AND TARGET stllava_judge_client)
  stllava_add_qtest(test_judge_serve_cli SOURCES test_judge_serve_cli.cpp
    LIBS stllava_selftrain stllava_model stllava_imaging Qt6::Network TORCH LABELS e2e)
  add_dependencies(test_judge_serve_cli stllava)
endif()

# stllava-studio's settings dialog, the embedded demo found and opened, `stllava demo run` from the studio.
if(TARGET stllava_ui AND TARGET stllava_model AND STLLAVA_WITH_DICOM)
  stllava_add_qtest(test_studio_settings SOURCES studio/test_studio_settings.cpp
    LIBS stllava_ui stllava_model Qt6::Widgets TORCH LABELS e2e TIMEOUT 900)
  target_include_directories(test_studio_settings PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/studio)
  add_dependencies(test_studio_settings stllava)
endif()

# stllava-studio's chat answered by `stllava serve` (OpenAI-compatible endpoint, bearer token).
if(TARGET stllava_ui AND TARGET stllava_model AND TARGET stllava_server)
  stllava_add_qtest(test_studio_endpoint SOURCES studio/test_studio_endpoint.cpp
    LIBS stllava_ui stllava_model Qt6::Widgets TORCH LABELS e2e)
  target_include_directories(test_studio_endpoint PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/studio)
  add_dependencies(test_studio_endpoint stllava)
endif()

# stllava-studio's Reports workspace: real report.json files written by core's writer, summary table,
# drill-down, comparison, malformed files, exports; the report reader's named field errors.
if(TARGET stllava_ui)
  stllava_add_qtest(test_studio_reports SOURCES studio/test_studio_reports.cpp LIBS stllava_ui Qt6::Widgets)
  target_include_directories(test_studio_reports PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/studio)
endif()

# The preference review store (core/services/review) on real SQLite files: import, decisions, undo,
# export, SIGKILL of a deciding child, migrations, kappa / AC1 golden values.
if(TARGET stllava_review)
  stllava_add_qtest(test_review_store SOURCES review/test_review_store.cpp review/review_test_data.h
    fixtures/selftrain_data.h LIBS stllava_review Qt6::Sql)
endif()

# stllava-studio's Review workspace: keys, auto-advance, undo, blind mode, remapped keys, filters.
if(TARGET stllava_ui AND TARGET stllava_review)
  stllava_add_qtest(test_studio_review SOURCES studio/test_studio_review.cpp review/review_test_data.h
    LIBS stllava_ui Qt6::Widgets)
  target_include_directories(test_studio_review PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/studio)
endif()

# Review -> DPO: the exported approved pairs load in training's reader and train in `stllava train dpo`.
if(TARGET stllava_review AND TARGET stllava_training AND TARGET stllava_imaging)
  stllava_add_qtest(test_review_export_dpo SOURCES review/test_review_export_dpo.cpp review/review_test_data.h
    LIBS stllava_review stllava_training stllava_imaging TORCH LABELS e2e)
  add_dependencies(test_review_export_dpo stllava)
endif()

# The studio's training runs: `stllava train --json` as a child process (parser, pause, stop, resume).
if(TARGET stllava_jobs AND TARGET stllava_training)
  stllava_add_qtest(test_training_run_job SOURCES test_training_run_job.cpp fixtures/gui_stall_meter.h
    fixtures/tiny_model.h
    LIBS stllava_jobs stllava_training stllava_imaging TORCH LABELS e2e)
  add_dependencies(test_training_run_job stllava)
  # In-process (worker thread) and torchrun launches of the same runs.
  stllava_add_qtest(test_training_launch SOURCES test_training_launch.cpp fixtures/gui_stall_meter.h
    fixtures/tiny_model.h
    LIBS stllava_jobs stllava_training stllava_safetensors TORCH LABELS e2e)
  add_dependencies(test_training_launch stllava)
endif()

# Packaging and translations: the .ts catalogues are complete; each language loads and shows in
# the main window; the Debian package builds, unpacks with dpkg -x and runs from there.
if(TARGET stllava_ui)
  find_package(Python3 COMPONENTS Interpreter REQUIRED)
  add_test(NAME translations_complete
    COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/translations/check_translations.py ${PROJECT_SOURCE_DIR}/translations)
  set_tests_properties(translations_complete PROPERTIES LABELS unit TIMEOUT 60)
  stllava_add_qtest(test_studio_translations SOURCES studio/test_studio_translations.cpp LIBS stllava_ui Qt6::Widgets)
  target_include_directories(test_studio_translations PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/studio)
endif()
find_program(STLLAVA_DPKG_DEB dpkg-deb)
if(TARGET stllava-studio AND STLLAVA_DPKG_DEB)
  # packaging/ (the install rules) is configured after tests/: the test runs cpack at test time.
  add_test(NAME test_deb_package COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/packaging/test_deb_package.sh ${CMAKE_BINARY_DIR})
  set_tests_properties(test_deb_package PROPERTIES LABELS e2e TIMEOUT 600)
endif()

# stllava-studio's remappable keyboard shortcuts (File ▸ Keyboard shortcuts…) and a cancellable model load.
if(TARGET stllava_ui)
  stllava_add_qtest(test_studio_keys_and_loading SOURCES studio/test_studio_keys_and_loading.cpp
    fixtures/tiny_model.h LIBS stllava_ui stllava_model Qt6::Widgets TORCH)
  target_include_directories(test_studio_keys_and_loading PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/studio)
endif()

# A chat conversation as a DICOM Basic Text SR (core/imaging, dcmsr), checked with DCMTK's dsrdump
# and dcmdump on DICOM files made by DCMTK's tools.
if(TARGET stllava_imaging AND STLLAVA_WITH_DICOM AND STLLAVA_WITH_OPENCV)
  stllava_add_qtest(test_structured_report SOURCES test_structured_report.cpp fixtures/dicom_maker.h
    LIBS stllava_imaging DCMTK::DCMTK)
endif()

# stllava-studio's conversation export from the chat panel: Markdown with images, PDF, DICOM SR.
if(TARGET stllava_ui)
  stllava_add_qtest(test_studio_chat_export SOURCES studio/test_studio_chat_export.cpp fixtures/dicom_maker.h
    LIBS stllava_ui Qt6::Widgets)
  target_include_directories(test_studio_chat_export PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/studio)
endif()

# The review store on PostgreSQL (QPSQL) against a real server the test starts (initdb, pg_ctl on a
# unix socket and a free port on 127.0.0.1): the store scenarios, two curators deciding at once,
# export identical to SQLite's, migrations. Fails (does not skip) without Debian's postgresql.
if(TARGET stllava_review)
  stllava_add_qtest(test_review_store_postgres SOURCES review/test_review_store_postgres.cpp
    review/postgres_server.h review/review_test_data.h fixtures/selftrain_data.h LIBS stllava_review Qt6::Sql)
endif()

# The Review workspace on a PostgreSQL store (a server the test starts): the open-store dialog takes
# a file or a postgresql:// URL; two curators' keys recorded on the server; an unreachable URL named.
if(TARGET stllava_ui AND TARGET stllava_review)
  stllava_add_qtest(test_studio_review_postgres SOURCES studio/test_studio_review_postgres.cpp
    review/postgres_server.h review/review_test_data.h LIBS stllava_ui Qt6::Widgets)
  target_include_directories(test_studio_review_postgres PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/studio)
endif()

# stllava-studio's Training workspace: presets, validation, a run from the form with live curves,
# pause / stop / resume, Open in Read, and the one-click Review -> DPO -> Reports loop (child
# processes of build/bin/stllava on tiny models).
if(TARGET stllava_ui AND TARGET stllava_training AND TARGET stllava_review)
  stllava_add_qtest(test_studio_training SOURCES studio/test_studio_training.cpp fixtures/gui_stall_meter.h
    review/review_test_data.h
    LIBS stllava_ui stllava_training stllava_imaging Qt6::Widgets TORCH LABELS e2e TIMEOUT 900)
  target_include_directories(test_studio_training PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/studio)
  add_dependencies(test_studio_training stllava)
  # The one-click loop on a real tiny demo folder (`stllava demo run --scale tiny`).
  stllava_add_qtest(test_studio_one_click_demo SOURCES studio/test_studio_one_click_demo.cpp fixtures/gui_stall_meter.h
    LIBS stllava_ui Qt6::Widgets LABELS e2e TIMEOUT 900)
  target_include_directories(test_studio_one_click_demo PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/studio)
  add_dependencies(test_studio_one_click_demo stllava)
endif()

# The demo's learned judge: `stllava demo judge-data` on the tiny demo (both orders, the oracle's
# scores, the judge client's exact request as `serve` parses it), then train sft, serve and judge.
if(TARGET stllava_demo_judge_data AND TARGET stllava_demo AND TARGET stllava_server AND TARGET stllava_judge_client
   AND STLLAVA_JUDGE_RUN_OK)
  stllava_add_qtest(test_demo_judge_data SOURCES test_demo_judge_data.cpp
    LIBS stllava_demo_judge_data stllava_server stllava_judge_client stllava_training TORCH LABELS e2e TIMEOUT 1200)
  add_dependencies(test_demo_judge_data stllava)
endif()

# Suites that bound the GUI thread's longest stall (100 ms) run alone: two trainings beside them on
# two cores starve the GUI thread (measured 85-155 ms), and a timed bound must not flake.
foreach(stall_test test_studio_chat test_training_run_job test_training_launch test_studio_training)
  if(TEST ${stall_test})
    set_tests_properties(${stall_test} PROPERTIES RUN_SERIAL TRUE)
  endif()
endforeach()

# Fuzz targets of every input parser (tests/fuzz): with -DSTLLAVA_FUZZ=ON (clang) libFuzzer
# programs; in this build fuzz_replay_<name> runs each entry function over the committed corpus.
include(${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_targets.cmake)

# The chunked LM-head log-prob (training memory O(chunk x V)) against the full log-softmax.
if(TARGET stllava_model)
  stllava_add_qtest(test_lm_head_logprob SOURCES test_lm_head_logprob.cpp LIBS stllava_model TORCH)
endif()

# decode-perf: decode row kernels, int8 / q4 weight-only quantisation
if(TARGET stllava_model AND TARGET stllava_generation)
  stllava_add_qtest(test_quant SOURCES test_quant.cpp LIBS stllava_generation stllava_model TORCH)
endif()

# Reliability (RELIABILITY.md): processes SIGKILLed at random moments.
# Training: `stllava train sft|dpo` killed and resumed reaches the uninterrupted run's weights.
if(TARGET stllava_training)
  stllava_add_qtest(test_training_sigkill SOURCES reliability/test_training_sigkill.cpp reliability/kill_seed.h
    LIBS stllava_training TORCH LABELS e2e)
  add_dependencies(test_training_sigkill stllava)
endif()
# Report writes: `stllava eval score --report-dir` killed mid-rewrite leaves each file old or new.
stllava_add_qtest(test_report_write_sigkill SOURCES reliability/test_report_write_sigkill.cpp reliability/kill_seed.h
  LABELS e2e)
add_dependencies(test_report_write_sigkill stllava)
# A full disk (a file-size limit): a clear error, the old report and checkpoint intact.
if(TARGET stllava_training)
  stllava_add_qtest(test_full_disk SOURCES reliability/test_full_disk.cpp LIBS stllava_training TORCH LABELS e2e)
  add_dependencies(test_full_disk stllava)
endif()
# `stllava serve` under 200 concurrent streamed requests from bench/serve_load (a real server process).
if(TARGET stllava_server AND STLLAVA_BUILD_BENCH)  # serve_load: bench/CMakeLists.txt
  stllava_add_qtest(test_serve_load SOURCES reliability/test_serve_load.cpp LIBS stllava_server TORCH LABELS e2e)
  add_dependencies(test_serve_load stllava serve_load)
endif()
# The studio chat through an OpenAI-compatible endpoint: streaming, the request's contents, key redaction.
if(TARGET stllava_jobs)
  stllava_add_qtest(test_endpoint_chat SOURCES test_endpoint_chat.cpp fixtures/fake_openai_server.h
    LIBS stllava_jobs Qt6::Network)
endif()
# Recorded paths of a moved or copied folder found again (core/common/moved_path.h).
stllava_add_qtest(test_moved_path SOURCES test_moved_path.cpp LIBS stllava_common)
