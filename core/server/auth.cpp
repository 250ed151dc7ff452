// Bearer-token check in constant time. See auth.h.
#include "server/auth.h"

#include "common/sha256.h"

#include <arpa/inet.h>

#include <cstdint>

namespace stllava::server {

bool constantTimeEquals(std::string_view a, std::string_view b) {
    Sha256 ha, hb;
    ha.update(a);
    hb.update(b);
    const auto da = ha.finish(), db = hb.finish();
    std::uint8_t diff = 0;
    for (std::size_t i = 0; i < da.size(); ++i) diff = static_cast<std::uint8_t>(diff | (da[i] ^ db[i]));
    return diff == 0;
}

BearerAuth::BearerAuth(std::string token) : token_(std::move(token)) {}

bool BearerAuth::allows(std::string_view authorization) const {
    if (!enabled()) return true;
    constexpr std::string_view scheme = "Bearer ";
    if (authorization.size() < scheme.size()) return false;
    // The scheme's letters are case-insensitive (RFC 7235); the space after it is a space (OR-ing
    // 0x20 into every byte also let "Bearer\0<token>" through).
    for (std::size_t i = 0; i + 1 < scheme.size(); ++i)
        if ((authorization[i] | 0x20) != (scheme[i] | 0x20)) return false;
    if (authorization[scheme.size() - 1] != ' ') return false;
    return constantTimeEquals(authorization.substr(scheme.size()), token_);
}

bool isLoopbackHost(const std::string& host) {
    if (host == "localhost" || host == "::1") return true;
    in_addr v4{};
    return inet_pton(AF_INET, host.c_str(), &v4) == 1 && (ntohl(v4.s_addr) >> 24) == 127;
}

}  // namespace stllava::server
