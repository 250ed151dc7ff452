#include "selftrain/judge_protocol.h"

#include "common/atomic_file.h"
#include "prompt/conversation.h"
#include "selftrain/jsonl.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace stllava::selftrain {

using nlohmann::json;

const std::string& defaultJudgeRule() {
    static const std::string rule =
        "You are an expert in medical imaging and clinical medicine. Above are a question about the attached "
        "image and two answers to it written by an AI assistant. Judge each answer on its own merits.\n"
        "First check every finding an answer states against the image: an answer that describes findings the "
        "image does not show (hallucinations) must get a low score, however fluent it is. Then judge its "
        "accuracy, its relevance to the question, its helpfulness and its level of detail.\n"
        "Give each answer one overall score from 1 to 10, where a higher score means a better answer. Do not "
        "let "
        "the order in which the answers are shown, or their length, influence your judgement.\n"
        "Output format: the first line holds only the two scores, the score of Answer 1 and then the score "
        "of "
        "Answer 2, separated by a space. From the second line on, explain your scores in a few sentences.";
    return rule;
}

std::string readJudgeRule(const std::string& path) {
    std::string text;
    try {
        text = readFile(path);
    } catch (const std::exception&) {
        throw RecordError(path, 0, "judge rule file cannot be read");
    }
    const auto end = text.find_last_not_of(" \t\r\n");
    if (end == std::string::npos) throw RecordError(path, 0, "judge rule file is empty");
    return text.substr(0, end + 1);
}

std::string judgeUserContent(const std::string& question, const std::string& answer1, const std::string& answer2,
                             const std::string& rule) {
    // The model's own text is data for the judge, never markup: a literal "<image>" in a generated
    // question or answer would read as a second image placeholder to a LLaVA-style server (`stllava
    // serve` refuses such a request with HTTP 400), so it is written as "[image]".
    const std::string q = prompt::withoutImagePlaceholders(question), a1 = prompt::withoutImagePlaceholders(answer1),
                      a2 = prompt::withoutImagePlaceholders(answer2);
    return "[Question]\n" + q + "\n\n[Answer 1]\n" + a1 + "\n\n[End of Answer 1]\n\n[Answer 2]\n" + a2 +
           "\n\n[End of Answer 2]\n\n[System]\n" + rule + "\n\n";
}

JudgeRequestSpec judgeRequestFor(const GeneratedItem& item, AnswerOrder order, const std::string& model,
                                 const std::string& rule, const std::string& image_data_url) {
    if (item.answers.size() != 2)
        throw std::invalid_argument("item '" + item.item_id + "' has " + std::to_string(item.answers.size()) +
                                    " answers (the judge compares exactly 2)");
    JudgeRequestSpec spec;
    spec.model = model;
    spec.question = item.question;
    const bool swapped = order == AnswerOrder::Swapped;
    spec.first_answer = item.answers[swapped ? 1 : 0];
    spec.second_answer = item.answers[swapped ? 0 : 1];
    spec.rule = rule;
    spec.image_data_url = image_data_url;
    return spec;
}

std::string judgeRequestBody(const JudgeRequestSpec& spec) {
    json content = json::array();
    content.push_back(
        {{"type", "text"},
         {"text", judgeUserContent(spec.question, spec.first_answer, spec.second_answer, spec.rule)}});
    if (!spec.image_data_url.empty())
        content.push_back({{"type", "image_url"}, {"image_url", {{"url", spec.image_data_url}}}});
    const json body = {{"model", spec.model},
                       {"messages", json::array({{{"role", "user"}, {"content", content}}})},
                       {"temperature", spec.temperature},
                       {"max_tokens", spec.max_tokens}};
    return body.dump(-1, ' ', false, json::error_handler_t::replace);  // keys sorted: deterministic
}

JudgeReply parseJudgeResponse(const std::string& body) {
    json j;
    try {
        j = json::parse(body);
    } catch (const json::exception& e) {
        throw std::runtime_error(std::string("response is not JSON: ") + e.what());
    }
    if (!j.is_object()) throw std::runtime_error("response is not a JSON object");
    const auto choices = j.find("choices");
    if (choices == j.end() || !choices->is_array() || choices->empty())
        throw std::runtime_error("response has no 'choices'");
    const json& choice = (*choices)[0];
    if (!choice.is_object() || !choice.contains("message") || !choice["message"].is_object())
        throw std::runtime_error("response choices[0] has no 'message'");
    const json& message = choice["message"];
    JudgeReply reply;
    if (message.contains("content") && message["content"].is_string())
        reply.content = message["content"].get<std::string>();
    else if (!message.contains("content") || !message["content"].is_null())
        throw std::runtime_error("response choices[0].message.content is not text");
    if (choice.contains("finish_reason") && choice["finish_reason"].is_string())
        reply.finish_reason = choice["finish_reason"].get<std::string>();
    if (j.contains("usage") && j["usage"].is_object()) {
        const json& u = j["usage"];
        reply.has_usage = true;
        if (u.contains("prompt_tokens") && u["prompt_tokens"].is_number_integer())
            reply.usage.prompt_tokens = u["prompt_tokens"].get<long long>();
        if (u.contains("completion_tokens") && u["completion_tokens"].is_number_integer())
            reply.usage.completion_tokens = u["completion_tokens"].get<long long>();
    }
    return reply;
}

}  // namespace stllava::selftrain
