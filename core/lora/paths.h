// Internal to stllava_lora: dotted module path helpers.
#pragma once

#include <regex>
#include <string>
#include <vector>

namespace stllava::lora {

inline bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
inline bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// "model.layers" is a prefix of "model.layers" and "model.layers.3.mlp", not of "model.layersX".
inline bool hasPathPrefix(const std::string& path, const std::string& prefix) {
    if (prefix.empty()) return true;
    if (!startsWith(path, prefix)) return false;
    return path.size() == prefix.size() || path[prefix.size()] == '.';
}

// "a, b, c" with at most `max` names, then "... and N more".
inline std::string listNames(const std::vector<std::string>& names, std::size_t max = 20) {
    std::string s;
    for (std::size_t i = 0; i < names.size() && i < max; ++i) s += (i ? ", " : "") + names[i];
    if (names.size() > max) s += ", ... and " + std::to_string(names.size() - max) + " more";
    return s;
}

// A compiled ECMAScript regex, cached per pattern (thread-safe); throws std::runtime_error naming
// `what` and the pattern when it does not compile.
const std::regex& compiledRegex(const std::string& pattern, const std::string& what);

inline std::string regexEscape(const std::string& s) {
    static const std::string special = R"(\^$.|?*+()[]{})";
    std::string out;
    for (char c : s) {
        if (special.find(c) != std::string::npos) out += '\\';
        out += c;
    }
    return out;
}

}  // namespace stllava::lora
