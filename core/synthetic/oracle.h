// The oracle judge: scores two answers to a question about a synthetic image against the image's
// hidden findings, standing in for the expert judge (GPT-4o in the paper) when no API is reachable.
//
// 1. mapQuestion() maps the question, as a model would write it, to a QuestionKey of the world's
//    grammar (question_grammar.h) by keywords, not by exact template, so rewordings ("Do you see a
//    nodule in the left lung?", "how big is the mass") are understood. "<image>", role prefixes and
//    "</s>" are ignored.
// 2. truthFor() gives the true answer; each answer is scored 1..10 on its own:
//      CLOSED (yes/no): the answer's polarity (first words first: "yes", "no", "there is no", ...) against
//        the truth: right 9 (10 when it also states a correct side or size and nothing wrong), right but
//        with a wrong detail 6, unclear 4, wrong 2.
//      OPEN side / category (modality, organ, plane, tissue, density, stain): the right term alone 10
//        (9 when the answer runs past 20 words), right and wrong terms together 5, no known term 3, only
//        a wrong term 2. A question about a finding that is absent: saying so ("none", "no nodule") 9.
//      OPEN size: |error| <= 2 mm or <= 15 % -> 10, <= 30 % -> 7, <= 60 % -> 4, else 2; no number 3.
//      OPEN abnormality list: 1 + 9 x F1 of the finding kinds named against the true ones; "normal" for a
//        normal image 10, for an abnormal one 2.
//    An empty answer scores 1.
// 3. A question that cannot be mapped (no topic recognised, or a topic that does not apply to the
//    image's modality, e.g. a liver question on a chest radiograph) is NEVER guessed: the result has
//    mapped = false and `unmapped_reason` set, and both answers get the generic score: 5, minus 2 for
//    each finding the answer asserts that the image does not have, plus 1 for each present finding it
//    names (clamped to 1..8; empty answers 1). Callers that only want grounded pairs skip mapped = false.
// 4. The noisy variant (NoiseConfig) flips or ties a configured share of pairs, chosen by a hash of
//    (seed, pair key) so the same pair always gets the same noise, and records what it did.
#pragma once

#include "synthetic/findings.h"
#include "synthetic/question_grammar.h"

#include <optional>
#include <string>

namespace stllava::synthetic {

struct MappedQuestion {
    std::optional<QuestionKey> key;  // empty when the question cannot be mapped
    std::string reason;              // why not (empty when mapped)
};

// Maps a question to the grammar for an image of modality `m`.
MappedQuestion mapQuestion(const std::string& question, Modality m);

struct AnswerScore {
    int score = 1;    // 1..10
    std::string why;  // e.g. "says yes; truth yes"
};

// Scores one answer to a mapped question.
AnswerScore scoreAnswer(const ImageFindings& f, const QuestionKey& key, const std::string& answer);
// The generic score of an answer to an unmapped question (see 3. above).
AnswerScore scoreUnmapped(const ImageFindings& f, const std::string& answer);

enum class NoiseKind { None, Flipped, Tied };
const char* noiseName(NoiseKind k);  // "none", "flipped", "tied"

struct PairScore {
    int score1 = 1, score2 = 1;
    std::string rationale;  // one paragraph: mapping, truth, why each score
    bool mapped = false;
    std::string topic;  // topicName() when mapped
    std::string truth;  // canonical true answer when mapped
    std::string unmappedReason;
    NoiseKind noise = NoiseKind::None;     // noise applied by the noisy variant
    int cleanScore1 = 1, cleanScore2 = 1;  // the scores before noise
};

PairScore scorePair(const ImageFindings& f, const std::string& question, const std::string& answer1,
                    const std::string& answer2);

struct NoiseConfig {
    double flipShare = 0.0;  // share of pairs whose two scores are swapped
    double tieShare = 0.0;   // share of pairs given equal scores (both the rounded-down mean)
    std::uint64_t seed = 0;
};

// Applies the configured noise to a clean PairScore; `pairKey` identifies the pair (e.g. "image|question|3").
// Throws std::invalid_argument when a share is outside [0, 1] or they sum past 1.
PairScore applyNoise(PairScore clean, const NoiseConfig& noise, const std::string& pairKey);
PairScore scorePairNoisy(const ImageFindings& f, const std::string& question, const std::string& answer1,
                         const std::string& answer2, const NoiseConfig& noise, const std::string& pairKey);

// The reply as an LLM judge writes it: first line "s1 s2", then the rationale (the judge protocol's
// score parser reads the first line).
std::string judgeReplyText(const PairScore& s);

}  // namespace stllava::synthetic
