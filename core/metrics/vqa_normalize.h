// LLaVA-Med's answer normalisation (`normalize_word` in llava/eval/eval_metrics), reproduced with its
// quirks, because those quirks decide the published numbers (METHOD.md, "Evaluation"):
//   1. For each mark of  ; / [ ] " { } ( ) = + \ _ - > < @ ` , ? !  : when the ORIGINAL string has
//      the mark followed or preceded by a space, or contains digit-comma-digit anywhere, the mark is
//      deleted; otherwise it is replaced by a space.
//   2. Periods not followed by a digit are deleted. The reference's look-behind `(?!<=\d)` is written
//      as a look-ahead and has no effect; `re.UNICODE` (= 32) lands in re.sub's count argument, so at
//      most the first 32 such periods are removed.
//   3. Lower-case, split on whitespace; none/zero/one..ten become 0..10; a/an/the are dropped; the
//      VQA contraction table maps contraction-less words (dont -> don't); joined by single spaces;
//      every comma removed.
// Known differences from Python: lower-casing and `\d` are ASCII-only here (Python's are Unicode);
// whitespace splitting follows Python's str.split() (ASCII, \x1c-\x1f and the Unicode spaces in UTF-8).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stllava::metrics {

// Reusable normaliser: keeps its buffers between calls so the hot path does not allocate.
class VqaNormalizer {
public:
    // One pass of normalize_word. The result stays valid until the next call on this object.
    const std::string& normalize(std::string_view text);
    // normalize() into `out` (caller-owned buffer).
    void normalizeInto(std::string_view text, std::string& out);

private:
    std::string m_marked;   // after step 1
    std::string m_lowered;  // after step 2, lower-cased
    std::string m_out;      // what normalize() returns
};

// Convenience one-shot versions (allocate).
std::string normalizeAnswer(std::string_view text);
// Two passes, as the metric functions see their input (evaluate() normalises, then
// calculate_f1score / calculate_exactmatch normalise again).
std::string normalizeAnswerTwice(std::string_view text);

// Splits like Python's str.split() with no argument (views into `text`).
void splitWhitespace(std::string_view text, std::vector<std::string_view>& words);

// The VQA contraction table (the one LLaVA-Med copied from the VQA evaluation): nullptr when absent.
const char* vqaContraction(std::string_view word);
// Number of entries in the table (for tests).
std::size_t vqaContractionCount();

}  // namespace stllava::metrics
