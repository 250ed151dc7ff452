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
