// FNV-1a 64-bit digests for checkpoint manifests and cache keys (not cryptographic: they detect
// corruption and changed inputs, not tampering).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

namespace stllava::training {

inline constexpr std::uint64_t kFnvOffset = 1469598103934665603ULL;

inline std::uint64_t fnv1a(const void* data, std::size_t size, std::uint64_t h = kFnvOffset) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}
inline std::uint64_t fnv1a(const std::string& s, std::uint64_t h = kFnvOffset) { return fnv1a(s.data(), s.size(), h); }

inline std::string hex64(std::uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

}  // namespace stllava::training

namespace stllava::training {

// The same FNV-1a step over 64-bit words (8x fewer rounds; the tail bytes one by one), for
// multi-gigabyte weights and checkpoint files.
inline std::uint64_t fnv1aWords(const void* data, std::size_t size, std::uint64_t h = kFnvOffset) {
    const auto* p = static_cast<const unsigned char*>(data);
    const std::size_t words = size / 8;
    for (std::size_t i = 0; i < words; ++i) {
        std::uint64_t w;
        __builtin_memcpy(&w, p + 8 * i, 8);
        h ^= w;
        h *= 1099511628211ULL;
    }
    return fnv1a(p + 8 * words, size - 8 * words, h);
}

}  // namespace stllava::training
