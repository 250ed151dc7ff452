// The expert-judge protocol (METHOD.md, stage 2): the user content the judge sees, the
// OpenAI chat.completions request body with the image as a PNG data URL, and reading the reply.
// No network here: core/services/judge sends the bodies.
#pragma once

#include "selftrain/job_records.h"

#include <string>

namespace stllava::selftrain {

// Our own wording of a LLaVA-style rule: hallucinated findings first, then accuracy, relevance,
// helpfulness and detail; 1-10 for each answer, both scores on the first line, then a rationale.
const std::string& defaultJudgeRule();
// A rule from a text file (trailing whitespace trimmed); throws RecordError naming the file.
std::string readJudgeRule(const std::string& path);

// "[Question]\n{q}\n\n[Answer 1]\n{a1}\n\n[End of Answer 1]\n\n[Answer 2]\n{a2}\n\n[End of Answer
// 2]\n\n[System]\n{rule}\n\n"
std::string judgeUserContent(const std::string& question, const std::string& answer1,
                             const std::string& answer2, const std::string& rule);

struct JudgeRequestSpec {
    std::string model = "gpt-4o";
    std::string question;
    std::string first_answer, second_answer;  // in the order shown to the judge
    std::string rule = defaultJudgeRule();
    std::string image_data_url;  // "data:image/png;base64,..." ("" = text only)
    double temperature = 0.2;
    int max_tokens = 512;
};

// The request for one item in one answer order (swapped: answer 2 is shown first).
JudgeRequestSpec judgeRequestFor(const GeneratedItem& item, AnswerOrder order, const std::string& model,
                                 const std::string& rule, const std::string& image_data_url);

// The JSON body, serialised deterministically (same spec -> same bytes -> same cache key).
std::string judgeRequestBody(const JudgeRequestSpec& spec);

// What a chat.completions response says.
struct JudgeReply {
    std::string content;        // choices[0].message.content
    std::string finish_reason;  // "stop", "length", ...
    Usage usage;                // zeros when the server gave no usage
    bool has_usage = false;
};
// Throws std::runtime_error saying what is missing when the body is not a chat.completions response.
JudgeReply parseJudgeResponse(const std::string& body);

}  // namespace stllava::selftrain
