// Test helper: crafted generated items and judgements for the pair-building and writer suites.
#pragma once

#include "selftrain/job_records.h"

#include <optional>
#include <string>
#include <vector>

namespace selftraintest {

namespace st = stllava::selftrain;

inline st::GeneratedItem item(const std::string& id, const std::string& a1, const std::string& a2,
                              const std::string& image = "img.png") {
    st::GeneratedItem it;
    it.item_id = id;
    it.image = image;
    it.image_sha256 = "";
    it.description = "The description of " + id + ".";
    it.question_index = 0;
    it.question = "What does " + id + " show?";
    it.answers = {a1, a2};
    it.seeds = {40, 42};
    it.stop_reasons = {"eos", "eos"};
    return it;
}

// A parsed judgement; `first`/`second` are the scores in the order shown.
inline st::Judgement judged(const std::string& id, st::AnswerOrder order, double first, double second) {
    st::Judgement j;
    j.item_id = id;
    j.order = order;
    j.judge_model = "judge-x";
    j.status = st::JudgeStatus::Ok;
    j.first_score = first;
    j.second_score = second;
    j.reply = std::to_string(first) + " " + std::to_string(second) + "\nrationale for " + id;
    j.rationale = "rationale for " + id + " " + st::orderName(order);
    return j;
}

inline st::Judgement unparseable(const std::string& id, st::AnswerOrder order) {
    st::Judgement j;
    j.item_id = id;
    j.order = order;
    j.judge_model = "judge-x";
    j.status = st::JudgeStatus::Unparseable;
    j.reply = "I cannot judge medical images.";
    j.problem = "the first line holds words besides the scores";
    return j;
}

inline st::Judgement failed(const std::string& id, st::AnswerOrder order) {
    st::Judgement j;
    j.item_id = id;
    j.order = order;
    j.judge_model = "judge-x";
    j.status = st::JudgeStatus::Failed;
    j.problem = "HTTP 500 (gave up after 6 attempts)";
    return j;
}

constexpr st::AnswerOrder F = st::AnswerOrder::Forward;
constexpr st::AnswerOrder S = st::AnswerOrder::Swapped;

// Ten items covering every decision (expected with min_margin 1.5, floor 4):
//   a accepted (chosen 1)   b order flip   c tie   d both below floor   e margin 1 < 1.5
//   f unparseable   g one order missing   h identical answers   i not judged   j accepted (chosen 2;
//   its first forward judgement failed and was judged again)
struct Crafted {
    std::vector<st::GeneratedItem> items;
    std::vector<st::Judgement> judgements;
};

inline Crafted crafted() {
    Crafted c;
    c.items = {item("a#q0", "A long and careful answer.", "Short."),
               item("b#q0", "b one", "b two"),
               item("c#q0", "c one", "c two"),
               item("d#q0", "d one", "d two!"),
               item("e#q0", "e answer one", "e two"),
               item("f#q0", "f one", "f two"),
               item("g#q0", "g one", "g two"),
               item("h#q0", "same", "same"),
               item("i#q0", "i one", "i two"),
               item("j#q0", "xxxxx", "y")};
    c.judgements = {judged("a#q0", F, 8, 6), judged("a#q0", S, 5, 9),  //
                    judged("b#q0", F, 8, 6), judged("b#q0", S, 8, 6),  //
                    judged("c#q0", F, 7, 7), judged("c#q0", S, 7, 7),  //
                    judged("d#q0", F, 3, 2), judged("d#q0", S, 2, 3),  //
                    judged("e#q0", F, 7, 6), judged("e#q0", S, 6, 7),  //
                    unparseable("f#q0", F),  judged("f#q0", S, 6, 8),  //
                    judged("g#q0", F, 9, 3),                           //
                    judged("h#q0", F, 9, 3), judged("h#q0", S, 3, 9),  //
                    failed("j#q0", F),       judged("j#q0", S, 9, 5), judged("j#q0", F, 4, 9)};
    return c;
}

}  // namespace selftraintest
