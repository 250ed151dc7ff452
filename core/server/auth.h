// Bearer-token check for `stllava serve`: the Authorization header's token against the configured
// one, compared in constant time (both are hashed with SHA-256 first, so neither the position of
// the first wrong byte nor the token's length shows in the time taken).
#pragma once

#include <string>
#include <string_view>

namespace stllava::server {

class BearerAuth {
public:
    // An empty token turns the check off (loopback-only servers).
    explicit BearerAuth(std::string token);
    bool enabled() const { return !token_.empty(); }
    // `authorization` is the header's value ("Bearer <token>"); true when allowed.
    bool allows(std::string_view authorization) const;

private:
    std::string token_;
};

// Constant-time equality of two byte strings of any lengths (through their SHA-256 digests).
bool constantTimeEquals(std::string_view a, std::string_view b);

// True for addresses only this machine can reach: "127.0.0.1" (127.0.0.0/8), "::1", "localhost".
bool isLoopbackHost(const std::string& host);

}  // namespace stllava::server
