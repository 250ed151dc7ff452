// Internal to stllava_safetensors: the format's dtype table and byte -> tensor conversion.
#pragma once

#include "safetensors/safetensors.h"

#include <cstdint>
#include <string>

namespace stllava::st {

bool isKnownDtype(const std::string& safetensors_dtype);
// A CPU tensor of torchDtypeFor(info.dtype) built from the raw little-endian bytes at `data`
// (info.end - info.begin of them). Throws std::runtime_error with the bare problem (the caller
// adds file and tensor names).
torch::Tensor materialise(const TensorInfo& info, const std::uint8_t* data);
// The exact float value of one float8 byte (OCP FP8: E4M3 "fn" without infinities, E5M2 IEEE-like).
float decodeF8E4M3(std::uint8_t byte);
float decodeF8E5M2(std::uint8_t byte);
float decodeF8E4M3Fnuz(std::uint8_t byte);  // bias 8, 0x80 = NaN, no infinities (AMD FNUZ)
float decodeF8E5M2Fnuz(std::uint8_t byte);  // bias 16, 0x80 = NaN, no infinities
float decodeF8E8M0(std::uint8_t byte);      // scale 2^(b-127), 0xFF = NaN (OCP MX)

}  // namespace stllava::st
