// The safetensors dtype table and conversion of raw bytes to tensors (widening the types that
// libtorch 1.13 lacks: unsigned 16/32/64-bit integers and float8).
#include "safetensors/dtypes.h"

#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace stllava::st {
namespace {

struct DtypeRow {
    const char* name;
    std::size_t size;
    torch::Dtype loaded;  // what File::load produces without a requested dtype
};

const std::array<DtypeRow, 19>& table() {
    static const std::array<DtypeRow, 19> rows = {{
        {"BOOL", 1, torch::kBool},
        {"U8", 1, torch::kUInt8},
        {"I8", 1, torch::kInt8},
        {"I16", 2, torch::kInt16},
        {"U16", 2, torch::kInt32},
        {"F16", 2, torch::kFloat16},
        {"BF16", 2, torch::kBFloat16},
        {"I32", 4, torch::kInt32},
        {"U32", 4, torch::kInt64},
        {"F32", 4, torch::kFloat32},
        {"F64", 8, torch::kFloat64},
        {"I64", 8, torch::kInt64},
        {"U64", 8, torch::kInt64},
        {"F8_E4M3", 1, torch::kFloat32},
        {"F8_E5M2", 1, torch::kFloat32},
        {"F8_E4M3FNUZ", 1, torch::kFloat32},
        {"F8_E5M2FNUZ", 1, torch::kFloat32},
        {"F8_E8M0", 1, torch::kFloat32},
        {"C64", 8, torch::kComplexFloat},
    }};
    return rows;
}

const DtypeRow* row(const std::string& name) {
    for (const auto& r : table())
        if (name == r.name) return &r;
    return nullptr;
}

template <typename From, typename To>
torch::Tensor widen(const std::uint8_t* data, std::int64_t n, const std::vector<std::int64_t>& shape, torch::Dtype to) {
    auto t = torch::empty(shape, torch::TensorOptions().dtype(to));
    To* out = t.data_ptr<To>();
    for (std::int64_t i = 0; i < n; ++i) {
        From v;
        std::memcpy(&v, data + i * sizeof(From), sizeof(From));
        if constexpr (std::is_same_v<From, std::uint64_t>) {
            if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                throw std::runtime_error("U64 value " + std::to_string(v) + " at element " + std::to_string(i) +
                                         " does not fit int64 (libtorch has no uint64)");
        }
        out[i] = static_cast<To>(v);
    }
    return t;
}

}  // namespace

bool isKnownDtype(const std::string& name) { return row(name) != nullptr; }

std::size_t safetensorsDtypeSize(const std::string& name) {
    const auto* r = row(name);
    if (!r) throw std::runtime_error("unknown safetensors dtype \"" + name + "\"");
    return r->size;
}

torch::Dtype torchDtypeFor(const std::string& name) {
    const auto* r = row(name);
    if (!r) throw std::runtime_error("unknown safetensors dtype \"" + name + "\"");
    return r->loaded;
}

std::string safetensorsDtypeName(torch::Dtype dtype) {
    switch (dtype) {
        case torch::kBool: return "BOOL";
        case torch::kUInt8: return "U8";
        case torch::kInt8: return "I8";
        case torch::kInt16: return "I16";
        case torch::kInt32: return "I32";
        case torch::kInt64: return "I64";
        case torch::kFloat16: return "F16";
        case torch::kBFloat16: return "BF16";
        case torch::kFloat32: return "F32";
        case torch::kFloat64: return "F64";
        case torch::kComplexFloat: return "C64";
        default: break;
    }
    throw std::runtime_error(std::string("dtype ") + c10::toString(dtype) + " cannot be stored in safetensors by this writer");
}

namespace {

// sign | exponent (e_bits, bias) | mantissa (m_bits); exponent 0 holds the subnormals.
float decodeMinifloat(std::uint8_t b, int e_bits, int m_bits, int bias) {
    const int exponent = (b >> m_bits) & ((1 << e_bits) - 1);
    const float fraction = static_cast<float>(b & ((1 << m_bits) - 1)) / static_cast<float>(1 << m_bits);
    const float v = exponent == 0 ? std::ldexp(fraction, 1 - bias) : std::ldexp(1.0f + fraction, exponent - bias);
    return (b & 0x80) ? -v : v;
}

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

}  // namespace

float decodeF8E4M3(std::uint8_t b) {
    return (b & 0x7F) == 0x7F ? kNaN : decodeMinifloat(b, 4, 3, 7);  // "fn": no infinities, S.1111.111 = NaN
}

float decodeF8E5M2(std::uint8_t b) {
    if ((b & 0x7C) == 0x7C) return (b & 0x03) ? kNaN : ((b & 0x80) ? -1.0f : 1.0f) * std::numeric_limits<float>::infinity();
    return decodeMinifloat(b, 5, 2, 15);
}

float decodeF8E4M3Fnuz(std::uint8_t b) { return b == 0x80 ? kNaN : decodeMinifloat(b, 4, 3, 8); }

float decodeF8E5M2Fnuz(std::uint8_t b) { return b == 0x80 ? kNaN : decodeMinifloat(b, 5, 2, 16); }

float decodeF8E8M0(std::uint8_t b) { return b == 0xFF ? kNaN : std::ldexp(1.0f, static_cast<int>(b) - 127); }

torch::Tensor materialise(const TensorInfo& info, const std::uint8_t* data) {
    const auto* r = row(info.dtype);
    if (!r) throw std::runtime_error("unknown dtype \"" + info.dtype + "\"");
    const std::int64_t n = static_cast<std::int64_t>((info.end - info.begin) / r->size);
    const std::string& d = info.dtype;
    if (d == "U16") return widen<std::uint16_t, std::int32_t>(data, n, info.shape, torch::kInt32);
    if (d == "U32") return widen<std::uint32_t, std::int64_t>(data, n, info.shape, torch::kInt64);
    if (d == "U64") return widen<std::uint64_t, std::int64_t>(data, n, info.shape, torch::kInt64);
    if (d.compare(0, 3, "F8_") == 0) {
        float (*decode)(std::uint8_t) = d == "F8_E4M3"       ? decodeF8E4M3
                                        : d == "F8_E5M2"     ? decodeF8E5M2
                                        : d == "F8_E4M3FNUZ" ? decodeF8E4M3Fnuz
                                        : d == "F8_E5M2FNUZ" ? decodeF8E5M2Fnuz
                                                             : decodeF8E8M0;
        auto t = torch::empty(info.shape, torch::TensorOptions().dtype(torch::kFloat32));
        float* out = t.data_ptr<float>();
        for (std::int64_t i = 0; i < n; ++i) out[i] = decode(data[i]);
        return t;
    }
    if (d == "BOOL") {  // any non-zero byte is true (a raw copy could create invalid bool values)
        auto bytes = torch::empty(info.shape, torch::TensorOptions().dtype(torch::kUInt8));
        if (n > 0) std::memcpy(bytes.data_ptr(), data, static_cast<std::size_t>(n));
        return bytes.ne(0);
    }
    auto t = torch::empty(info.shape, torch::TensorOptions().dtype(r->loaded));
    if (n > 0) std::memcpy(t.data_ptr(), data, static_cast<std::size_t>(info.end - info.begin));
    return t;
}

}  // namespace stllava::st
