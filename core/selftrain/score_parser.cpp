#include "selftrain/score_parser.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <sstream>
#include <vector>

namespace stllava::selftrain {
namespace {

std::string lowerPlain(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (unsigned char c : s) {
        if (c == '*' || c == '`' || c == '#' || c == '"' || c == '_') continue;  // markdown emphasis
        out += static_cast<char>(std::tolower(c));
    }
    return out;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

bool startsWithWord(const std::string& s, std::size_t at, const std::string& word) {
    return s.compare(at, word.size(), word) == 0 &&
           (at + word.size() == s.size() || !std::isalpha(static_cast<unsigned char>(s[at + word.size()])));
}

struct LineScan {
    std::vector<double> numbers;
    std::vector<std::string> words;  // what stood beside the numbers, besides separators
};

// Numbers with an optional "/10" or "out of 10" after them; everything else split into words.
LineScan scanLine(const std::string& line) {
    LineScan scan;
    std::string residual;
    std::size_t i = 0;
    const std::size_t n = line.size();
    while (i < n) {
        const bool sign = line[i] == '-' && i + 1 < n &&
                          std::isdigit(static_cast<unsigned char>(line[i + 1])) &&
                          (i == 0 || !std::isdigit(static_cast<unsigned char>(line[i - 1])));
        if (std::isdigit(static_cast<unsigned char>(line[i])) || sign) {
            std::size_t j = i + (sign ? 1 : 0);
            while (j < n && std::isdigit(static_cast<unsigned char>(line[j]))) ++j;
            if (j + 1 < n && line[j] == '.' && std::isdigit(static_cast<unsigned char>(line[j + 1]))) {
                ++j;
                while (j < n && std::isdigit(static_cast<unsigned char>(line[j]))) ++j;
            }
            scan.numbers.push_back(std::strtod(line.substr(i, j - i).c_str(), nullptr));
            // an optional "/10" or "out of 10" belongs to the number
            std::size_t k = j;
            while (k < n && line[k] == ' ') ++k;
            if (k < n && line[k] == '/') {
                std::size_t m = k + 1;
                while (m < n && line[m] == ' ') ++m;
                if (line.compare(m, 2, "10") == 0 &&
                    (m + 2 == n || !std::isdigit(static_cast<unsigned char>(line[m + 2]))))
                    j = m + 2;
            } else if (line.compare(k, 6, "out of") == 0) {
                std::size_t m = k + 6;
                while (m < n && line[m] == ' ') ++m;
                if (line.compare(m, 2, "10") == 0) j = m + 2;
            }
            residual += ' ';
            i = j;
        } else {
            residual += line[i];
            ++i;
        }
    }
    std::string word;
    auto flush = [&] {
        if (!word.empty()) scan.words.push_back(word);
        word.clear();
    };
    static const std::string separator_chars = " \t\r,;|&.:()-";
    for (char c : residual) {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'') {
            word += c;
        } else {
            flush();
            if (separator_chars.find(c) == std::string::npos)
                scan.words.push_back(std::string(1, c));  // e.g. "8/6"
        }
    }
    flush();
    return scan;
}

bool inRange(double v, const ScoreRange& r) {
    return v >= r.min && v <= r.max;
}

std::string numberText(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

// "8 6", "8,6", "8/10 and 6/10", "Scores: 8 and 6" as the first line.
ParsedScores firstLineForm(const std::string& reply, const ScoreRange& range) {
    ParsedScores out;
    std::istringstream in(reply);
    std::string raw, line;
    while (std::getline(in, raw)) {
        if (!trim(raw).empty()) break;
    }
    line = trim(lowerPlain(raw));
    if (line.empty()) {
        out.problem = "empty reply";
        return out;
    }
    // A leading label: "scores:", "score:", "ratings:", "rating:".
    for (const char* label : {"scores", "score", "ratings", "rating"}) {
        if (startsWithWord(line, 0, label)) {
            line = line.substr(std::string(label).size());
            break;
        }
    }
    const LineScan scan = scanLine(line);
    static const std::vector<std::string> separators = {"and", "vs", "versus", "to"};
    for (const auto& w : scan.words) {
        if (std::find(separators.begin(), separators.end(), w) == separators.end()) {
            out.problem = "the first line holds words besides the scores ('" + w + "')";
            return out;
        }
    }
    if (scan.numbers.size() != 2) {
        out.problem = std::to_string(scan.numbers.size()) + " numbers on the first line (need 2)";
        return out;
    }
    for (double v : scan.numbers) {
        if (!inRange(v, range)) {
            out.problem = "score " + numberText(v) + " is outside " + numberText(range.min) + "-" +
                          numberText(range.max);
            return out;
        }
    }
    out.ok = true;
    out.first = scan.numbers[0];
    out.second = scan.numbers[1];
    std::string rest;
    std::getline(in, rest, '\0');
    out.rationale = trim(rest);
    return out;
}

// Whitespace as the ECMAScript "\s" class: space, \t \n \v \f \r.
std::size_t skipSpace(const std::string& s, std::size_t i) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    return i;
}

bool digitAt(const std::string& s, std::size_t i) {
    return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]));
}

// Matches, at `at` (just after the word "answer" or "assistant"), the rest of the label and its
// score: \s* N \s* ('s)? \s* (score|rating)? \s* (:|=|-|is) \s* (score \s* :? \s*)? -?\d+(\.\d+)?
// Every optional part begins with a character no later part can begin with, so one greedy pass
// decides it as a backtracking regular expression would, in time linear in what it reads (a
// std::regex here recursed once per character: a long reply overflowed the stack, and a few
// thousand spaces took minutes).
bool labelledScoreAt(const std::string& s, std::size_t at, char which, double* value) {
    std::size_t i = skipSpace(s, at);
    if (i >= s.size() || s[i] != which) return false;
    i = skipSpace(s, i + 1);
    if (s.compare(i, 2, "'s") == 0) i = skipSpace(s, i + 2);
    if (s.compare(i, 5, "score") == 0) i = skipSpace(s, i + 5);
    else if (s.compare(i, 6, "rating") == 0) i = skipSpace(s, i + 6);
    if (i < s.size() && (s[i] == ':' || s[i] == '=' || s[i] == '-')) ++i;
    else if (s.compare(i, 2, "is") == 0) i += 2;
    else return false;
    i = skipSpace(s, i);
    if (s.compare(i, 5, "score") == 0) {
        i = skipSpace(s, i + 5);
        if (i < s.size() && s[i] == ':') ++i;
        i = skipSpace(s, i);
    }
    const std::size_t begin = i;
    if (i < s.size() && s[i] == '-') ++i;
    if (!digitAt(s, i)) return false;
    while (digitAt(s, i)) ++i;
    if (i + 1 < s.size() && s[i] == '.' && digitAt(s, i + 1)) {
        i += 1;
        while (digitAt(s, i)) ++i;
    }
    *value = std::strtod(s.substr(begin, i - begin).c_str(), nullptr);
    return true;
}

// "Answer 1: 8 ... Answer 2: 6" (or "Assistant 1", "score", "=", "-", "is") anywhere in the reply:
// the first label "answer N" / "assistant N" (N = 1, 2) followed by a score.
ParsedScores labelledForm(const std::string& reply, const ScoreRange& range) {
    ParsedScores out;
    const std::string text = lowerPlain(reply);
    auto find = [&](int which, double* value) {
        const char digit = static_cast<char>('0' + which);
        for (std::size_t at = text.find('a'); at != std::string::npos; at = text.find('a', at + 1)) {
            for (const char* word : {"answer", "assistant"}) {
                const std::size_t n = std::char_traits<char>::length(word);
                if (text.compare(at, n, word) == 0 && labelledScoreAt(text, at + n, digit, value)) return true;
            }
        }
        return false;
    };
    if (!find(1, &out.first) || !find(2, &out.second)) return out;
    for (double v : {out.first, out.second}) {
        if (!inRange(v, range)) {
            out.problem = "score " + numberText(v) + " is outside " + numberText(range.min) + "-" +
                          numberText(range.max);
            return out;
        }
    }
    out.ok = true;
    out.rationale = trim(reply);
    return out;
}

}  // namespace

ParsedScores parseScores(const std::string& reply, const ScoreRange& range) {
    ParsedScores first = firstLineForm(reply, range);
    if (first.ok) return first;
    ParsedScores labelled = labelledForm(reply, range);
    if (labelled.ok) return labelled;
    if (!labelled.problem.empty()) return labelled;  // labels found but a score out of range
    return first;
}

}  // namespace stllava::selftrain
