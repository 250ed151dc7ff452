// The weight formats a decoder linear layer can hold for inference on the CPU:
//   none  float weights as loaded
//   int8  one int8 per weight, one float scale per output channel (row): w = scale[n] * q
//   q4    4 bits per weight in groups of 32 along the input, one float scale per group, as
//         llama.cpp's Q4_0: w = scale * (q - 8), q in [0, 15]
#pragma once

#include <string>

namespace stllava::quant {

enum class Format { None, Int8, Q4 };

// "none", "int8", "q4"
const char* formatName(Format format);
// Accepts none (or ""), int8, q4; throws std::invalid_argument naming the value otherwise.
Format parseFormat(const std::string& name);

}  // namespace stllava::quant
