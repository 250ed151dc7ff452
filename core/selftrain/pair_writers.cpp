#include "selftrain/pair_writers.h"

#include "common/atomic_file.h"

namespace stllava::selftrain {

using nlohmann::json;

namespace {

json optionalNumber(const std::optional<double>& v) {
    return v ? json(*v) : json();
}

json orderEvidence(const std::optional<Judgement>& j) {
    if (!j) return json();
    return {{"status", statusName(j->status)},
            {"score_answer1", optionalNumber(j->scoreOfAnswer(1))},
            {"score_answer2", optionalNumber(j->scoreOfAnswer(2))},
            {"rationale", j->rationale},
            {"reply", j->status == JudgeStatus::Ok ? json() : json(j->reply)}};
}

json gptTurn(const std::string& text) {
    return {{"from", "gpt"}, {"value", text}};
}
json humanTurn(const std::string& text) {
    return {{"from", "human"}, {"value", text}};
}

json textPart(const std::string& text) {
    return {{"type", "text"}, {"text", text}};
}

std::string dumpAll(const std::vector<json>& lines) {
    std::string out;
    for (const auto& l : lines) out += l.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    return out;
}

}  // namespace

json judgeEvidence(const PairDecision& d) {
    json seeds = json::object();
    if (d.chosen != 0 && d.item.seeds.size() == 2) {
        seeds["chosen"] = d.item.seeds[static_cast<std::size_t>(d.chosen - 1)];
        seeds["rejected"] = d.item.seeds[static_cast<std::size_t>(2 - d.chosen)];
    }
    return {{"status", pairStatusName(d.status)},
            {"reason", d.reason},
            {"judge_model", d.judge_model},
            {"chosen_answer", d.chosen},
            {"seeds", seeds},
            {"scores",
             {{"answer1", optionalNumber(d.score1)},
              {"answer2", optionalNumber(d.score2)},
              {"margin", d.margin},
              {"orders_agree", d.orders_agree ? json(*d.orders_agree) : json()},
              {"order_12", orderEvidence(d.forward)},
              {"order_21", orderEvidence(d.swapped)}}}};
}

json stllavaPair(const PairDecision& d) {
    const json prefix = json::array({humanTurn("<image>\n" + d.item.describe_prompt),
                                     gptTurn(d.item.description), humanTurn(d.item.question)});
    json chosen = prefix, rejected = prefix;
    chosen.push_back(gptTurn(d.chosenAnswer()));
    rejected.push_back(gptTurn(d.rejectedAnswer()));
    json out = {{"id", d.item.item_id},
                {"image", d.item.image},
                {"chosen_conversations", chosen},
                {"reject_conversations", rejected}};
    out.update(judgeEvidence(d));
    return out;
}

json trlPair(const PairDecision& d) {
    const json prompt =
        json::array({{{"role", "user"},
                      {"content", json::array({{{"type", "image"}}, textPart(d.item.describe_prompt)})}},
                     {{"role", "assistant"}, {"content", json::array({textPart(d.item.description)})}},
                     {{"role", "user"}, {"content", json::array({textPart(d.item.question)})}}});
    auto answer = [](const std::string& text) {
        return json::array({{{"role", "assistant"}, {"content", json::array({textPart(text)})}}});
    };
    json out = {{"id", d.item.item_id},
                {"prompt", prompt},
                {"chosen", answer(d.chosenAnswer())},
                {"rejected", answer(d.rejectedAnswer())},
                {"images", json::array({d.item.image})}};
    out.update(judgeEvidence(d));
    return out;
}

std::size_t writeStllavaPairs(const std::string& path, const std::vector<PairDecision>& decisions) {
    json all = json::array();
    for (const auto& d : decisions)
        if (d.status == PairStatus::AutoAccepted) all.push_back(stllavaPair(d));
    writeFileAtomic(path, all.dump(1, ' ', false, json::error_handler_t::replace) + "\n");
    return all.size();
}

std::size_t writeTrlPairs(const std::string& path, const std::vector<PairDecision>& decisions) {
    std::vector<json> lines;
    for (const auto& d : decisions)
        if (d.status == PairStatus::AutoAccepted) lines.push_back(trlPair(d));
    writeFileAtomic(path, dumpAll(lines));
    return lines.size();
}

std::size_t writeReviewList(const std::string& path, const std::vector<PairDecision>& decisions) {
    std::vector<json> lines;
    for (const auto& d : decisions) {
        if (d.status != PairStatus::NeedsReview && d.status != PairStatus::Rejected) continue;
        json line = {{"id", d.item.item_id},
                     {"image", d.item.image},
                     {"describe_prompt", d.item.describe_prompt},
                     {"description", d.item.description},
                     {"question", d.item.question},
                     {"answers", d.item.answers}};
        line.update(judgeEvidence(d));
        lines.push_back(std::move(line));
    }
    writeFileAtomic(path, dumpAll(lines));
    return lines.size();
}

}  // namespace stllava::selftrain
