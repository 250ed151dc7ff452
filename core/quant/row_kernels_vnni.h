// Integer one-row kernels for CPUs with AVX-512 VNNI (call them only when hasAvx512Vnni()): the
// activation row is quantised to int8 per group of 32 (scale d = max|x| / 127, codes
// round(x * 127 / max|x|) half to even, as llama.cpp's Q8_0 does for its dot products) and meets the
// weight codes in VPDPBUSD, four byte products per 32-bit lane, about a third of the instructions
// of widening every weight to float. Weights are unsigned in VPDPBUSD: a 4-bit code already is
// (0..15, its offset of 8 taken out through the groups' code sums); an int8 code is flipped to
// code + 128 and the 128 taken out the same way. The integer sums are exact: the result is the
// dequantised weights times the dequantised activations, up to float rounding.
// The quantised activations are laid out for the kernels (ActivationRow), once per product by
// the calling thread; the threads then split the output columns and only read them.
#pragma once

#include <cstdint>
#include <vector>

namespace stllava::quant::vnni {

struct ActivationRow {
    std::int64_t K = 0;
    // int8 layout: the codes in order, zero-padded to whole 64-byte chunks; q4 layout: per block
    // of four groups, the first 16 codes of each group (64 bytes), then the last 16 of each.
    std::vector<std::int8_t> codes;
    std::vector<float> lane_scales;           // int8, per chunk: the group scale of each of its 16 lanes
    std::vector<float> group_scales;          // q4: each group's scale, zero-padded to a multiple of 16
    // where each lane's integer sum starts: minus what the weights' offset adds there (int8,
    // 128 x the sum of the lane's 4 codes; q4, 2 x the sum of the lane's group's 32 codes)
    std::vector<std::int32_t> lane_starts;
};

// x [K] float. quantizeForQ4 needs K a multiple of 32 (a q4 weight's padded in_features).
void quantizeForInt8(const float* x, std::int64_t K, ActivationRow& a);
void quantizeForQ4(const float* x, std::int64_t K, ActivationRow& a);

// y[n] for n in [n0, n1): int8 q [N, K] with scale [N]; q4 q [N, K / 2] with scale [N, K / 32]
// (row_kernels.h's layouts), a laid out by the matching quantizeFor*.
void int8Row(const ActivationRow& a, const std::int8_t* q, const float* scale, float* y, std::int64_t n0, std::int64_t n1);
void q4Row(const ActivationRow& a, const std::uint8_t* q, const float* scale, float* y, std::int64_t n0, std::int64_t n1);

}  // namespace stllava::quant::vnni
