#include "metrics/vqa_normalize.h"

#include <array>
#include <cstring>

namespace stllava::metrics {
namespace {

// The marks of step 1, in the reference's order (the order does not change the result here: each
// mark becomes '' or ' ', never another mark).
constexpr char kMarks[] = {';', '/', '[', ']', '"', '{', '}', '(', ')', '=', '+',
                           '\\', '_', '-', '>', '<', '@', '`', ',', '?', '!'};

struct MarkTable {
    std::array<bool, 256> is_mark{};
    constexpr MarkTable() {
        for (char c : kMarks) is_mark[static_cast<unsigned char>(c)] = true;
    }
};
constexpr MarkTable kMarkTable;

inline bool isMark(char c) { return kMarkTable.is_mark[static_cast<unsigned char>(c)]; }
inline bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Length of the whitespace character starting at text[i] in Python's str.split() sense, or 0.
inline std::size_t spaceLength(std::string_view t, std::size_t i) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f)) return 1;
    if (c < 0xc2) return 0;
    const std::size_t n = t.size() - i;
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(t[i + k]); };
    if (c == 0xc2 && n >= 2 && (b(1) == 0x85 || b(1) == 0xa0)) return 2;  // U+0085, U+00A0
    if (n < 3) return 0;
    if (c == 0xe1 && b(1) == 0x9a && b(2) == 0x80) return 3;  // U+1680
    if (c == 0xe2 && b(1) == 0x80 &&
        ((b(2) >= 0x80 && b(2) <= 0x8a) || b(2) == 0xa8 || b(2) == 0xa9 || b(2) == 0xaf))
        return 3;  // U+2000..200A, U+2028, U+2029, U+202F
    if (c == 0xe2 && b(1) == 0x81 && b(2) == 0x9f) return 3;  // U+205F
    if (c == 0xe3 && b(1) == 0x80 && b(2) == 0x80) return 3;  // U+3000
    return 0;
}

// manualMap of the reference: number words to digits.
inline const char* numberWord(std::string_view w) {
    switch (w.size()) {
    case 3:
        if (w == "one") return "1";
        if (w == "two") return "2";
        if (w == "six") return "6";
        if (w == "ten") return "10";
        break;
    case 4:
        if (w == "none") return "0";
        if (w == "zero") return "0";
        if (w == "four") return "4";
        if (w == "five") return "5";
        if (w == "nine") return "9";
        break;
    case 5:
        if (w == "three") return "3";
        if (w == "seven") return "7";
        if (w == "eight") return "8";
        break;
    default:
        break;
    }
    return nullptr;
}

inline bool isArticle(std::string_view w) { return w == "a" || w == "an" || w == "the"; }

}  // namespace

void splitWhitespace(std::string_view text, std::vector<std::string_view>& words) {
    words.clear();
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        std::size_t sp;
        while (i < n && (sp = spaceLength(text, i)) > 0) i += sp;
        if (i >= n) break;
        const std::size_t start = i;
        while (i < n && spaceLength(text, i) == 0) ++i;
        words.push_back(text.substr(start, i - start));
    }
}

void VqaNormalizer::normalizeInto(std::string_view text, std::string& out) {
    const std::size_t n = text.size();

    // Step 1: decide per mark, looking at the ORIGINAL string, whether it is deleted or spaced.
    bool digit_comma_digit = false;
    std::array<bool, 256> deleted{};
    for (std::size_t i = 0; i < n; ++i) {
        const char c = text[i];
        if (c == ',' && i > 0 && i + 1 < n && isDigit(text[i - 1]) && isDigit(text[i + 1]))
            digit_comma_digit = true;
        if (isMark(c) && ((i + 1 < n && text[i + 1] == ' ') || (i > 0 && text[i - 1] == ' ')))
            deleted[static_cast<unsigned char>(c)] = true;
    }
    std::string& s1 = m_marked;
    s1.clear();
    s1.reserve(n);
    for (const char c : text) {
        if (!isMark(c)) {
            s1.push_back(c);
        } else if (!digit_comma_digit && !deleted[static_cast<unsigned char>(c)]) {
            s1.push_back(' ');
        }
    }

    // Step 2: periods not followed by a digit are deleted, at most 32 of them (count=re.UNICODE).
    // Step 3 starts here too: ASCII lower-case while copying.
    std::string& s2 = m_lowered;
    s2.clear();
    s2.reserve(s1.size());
    int removed = 0;
    for (std::size_t i = 0; i < s1.size(); ++i) {
        const char c = s1[i];
        if (c == '.' && removed < 32 && !(i + 1 < s1.size() && isDigit(s1[i + 1]))) {
            ++removed;
            continue;
        }
        s2.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }

    // Step 3: words, number words, articles, contractions, single spaces, commas removed.
    out.clear();
    std::size_t i = 0;
    const std::string_view t(s2);
    const std::size_t m = t.size();
    while (i < m) {
        std::size_t sp;
        while (i < m && (sp = spaceLength(t, i)) > 0) i += sp;
        if (i >= m) break;
        const std::size_t start = i;
        while (i < m && spaceLength(t, i) == 0) ++i;
        std::string_view word = t.substr(start, i - start);
        if (const char* num = numberWord(word)) word = num;
        if (isArticle(word)) continue;
        if (const char* full = vqaContraction(word)) word = full;
        if (!out.empty()) out.push_back(' ');
        out.append(word.data(), word.size());
    }
    if (out.find(',') != std::string::npos) {
        std::size_t w = 0;
        for (const char c : out)
            if (c != ',') out[w++] = c;
        out.resize(w);
    }
}

const std::string& VqaNormalizer::normalize(std::string_view text) {
    normalizeInto(text, m_out);
    return m_out;
}

std::string normalizeAnswer(std::string_view text) {
    VqaNormalizer n;
    std::string out;
    n.normalizeInto(text, out);
    return out;
}

std::string normalizeAnswerTwice(std::string_view text) {
    VqaNormalizer n;
    std::string once, twice;
    n.normalizeInto(text, once);
    n.normalizeInto(once, twice);
    return twice;
}

}  // namespace stllava::metrics
