# Test suites contributed by modules; each block is guarded by the module's target.

# a1: safetensors, lora, prompt
if(TARGET stllava_safetensors)
  stllava_add_qtest(test_safetensors SOURCES test_safetensors.cpp LIBS stllava_safetensors TORCH)
endif()
if(TARGET stllava_lora)
  stllava_add_qtest(test_lora SOURCES test_lora.cpp LIBS stllava_lora TORCH)
endif()
if(TARGET stllava_prompt)
  stllava_add_qtest(test_prompt SOURCES test_prompt.cpp LIBS stllava_prompt TORCH)
endif()

# c: metrics (LLaVA-Med scoring), evaluation (readers, reports)
if(TARGET stllava_metrics)
  stllava_add_qtest(test_metrics SOURCES test_metrics.cpp LIBS stllava_metrics)
  stllava_add_qtest(test_metrics_golden SOURCES test_metrics_golden.cpp LIBS stllava_metrics)
endif()
