// Display windowing: modality values (e.g. Hounsfield units, kept as float) to 8-bit grey, once, with
// full precision. The linear function is DICOM PS3.3 C.11.2.1.2.1; LINEAR_EXACT and SIGMOID are
// C.11.2.1.3.2 and C.11.2.1.3.1. VOI LUTs (C.11.2.1.1) map modality values through a table.
// No torch, no Qt, no OpenCV here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stllava {

// A window in modality units. width >= 1 for LINEAR (the standard's constraint), > 0 otherwise.
struct Window {
    double center = 0.0;
    double width = 1.0;
    std::string explanation;  // from WindowCenterWidthExplanation or the preset / automatic rule
};

enum class VoiFunction { Linear, LinearExact, Sigmoid };

// A VOI LUT from the file (VOILUTSequence item): input values firstMapped .. firstMapped+size-1
// map to data[i] in [0, 2^bits - 1]; inputs below/above map to the first/last entry.
struct VoiLut {
    std::int32_t firstMapped = 0;
    int bits = 16;
    std::vector<std::uint16_t> data;
    std::string explanation;
};

// Named presets (centre/width in HU). Names: "brain" (40/80), "lung" (-600/1500),
// "mediastinum" and "soft-tissue" (50/350), "bone" (400/1800), "abdomen" (40/400), "liver" (60/160).
// Bone uses the wide 400/1800 variant (some departments use 300/1500). Case-insensitive.
std::optional<Window> presetWindow(std::string_view name);
std::vector<std::string> presetNames();

// Automatic windows: min-max maps the smallest value to 0 and the largest to 255 exactly;
// percentile clips the lowest lowPercent % and the highest (100 - highPercent) % of values.
// Both throw std::invalid_argument on an empty range.
Window minMaxWindow(const float* values, std::size_t count);
Window percentileWindow(const float* values, std::size_t count, double lowPercent = 0.5,
                        double highPercent = 99.5);
// The window that spans a whole unsigned range 0 .. 2^bits-1 (identity for 8-bit data).
Window fullRangeWindow(int bits);

// One value through a window (exact formula, output 0..255 before rounding).
double windowValue(double x, const Window& w, VoiFunction fn = VoiFunction::Linear);

// `count` values (stride `inStride` floats apart) to 8-bit grey written `outStride` bytes apart,
// rounded to nearest; `invert` maps g to 255 - g afterwards (MONOCHROME1, user invert).
void applyWindow(const float* values, std::size_t count, const Window& w, VoiFunction fn, bool invert,
                 std::uint8_t* out, std::size_t inStride = 1, std::size_t outStride = 1);
void applyVoiLut(const float* values, std::size_t count, const VoiLut& lut, bool invert, std::uint8_t* out,
                 std::size_t inStride = 1, std::size_t outStride = 1);
// The same grey written to all three bytes of `count` RGB pixels (3 * count bytes at `rgb`): what a
// monochrome image displays as, in one pass.
void applyWindowRgb(const float* values, std::size_t count, const Window& w, VoiFunction fn, bool invert,
                    std::uint8_t* rgb);
void applyVoiLutRgb(const float* values, std::size_t count, const VoiLut& lut, bool invert, std::uint8_t* rgb);

// How a caller wants an image displayed (the default picks the file's first window, else its first
// VOI LUT, else the full range of the stored bits for <= 8-bit data, else min-max).
struct DisplayOptions {
    enum class Mode { Default, FileWindow, FileVoiLut, Explicit, MinMax, Percentile };
    Mode mode = Mode::Default;
    int index = 0;        // FileWindow / FileVoiLut: which one (0-based)
    Window window;        // Explicit (a preset: presetWindow(name))
    double lowPercent = 0.5;
    double highPercent = 99.5;
    bool invert = false;  // on top of MONOCHROME1's own inversion
};

}  // namespace stllava
