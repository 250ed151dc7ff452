// SHA-256 (FIPS 180-4) for checksums (reports, provenance, caches, digests): small, dependency-free.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace stllava {

class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t size);
    void update(std::string_view s) { update(s.data(), s.size()); }
    std::array<std::uint8_t, 32> finish();
    std::string finishHex();

private:
    void block(const std::uint8_t* p);
    std::uint32_t m_h[8];
    std::uint8_t m_buf[64];
    std::size_t m_bufLen = 0;
    std::uint64_t m_total = 0;
};

std::string sha256Hex(std::string_view data);
// Streams the file; throws std::runtime_error naming the path when it cannot be read.
std::string sha256File(const std::string& path);

}  // namespace stllava
