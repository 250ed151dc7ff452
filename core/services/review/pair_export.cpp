#include "services/review/pair_export.h"

#include "common/atomic_file.h"
#include "selftrain/pair_writers.h"

namespace stllava::review {

using nlohmann::json;
namespace st = stllava::selftrain;

namespace {

st::PairStatus statusFromName(const QString& name) {
    if (name == QLatin1String("auto_accepted")) return st::PairStatus::AutoAccepted;
    if (name == QLatin1String("rejected")) return st::PairStatus::Rejected;
    if (name == QLatin1String("incomplete")) return st::PairStatus::Incomplete;
    return st::PairStatus::NeedsReview;
}

// The judgement of one order as selftrain keeps it: scores in the order shown.
std::optional<st::Judgement> judgementOf(const OrderEvidence& o, st::AnswerOrder order, const ReviewPair& p) {
    if (!o.present) return std::nullopt;
    st::Judgement j;
    j.item_id = p.id.toStdString();
    j.order = order;
    j.judge_model = p.judgeModel.toStdString();
    j.status = o.status.isEmpty() ? st::JudgeStatus::Ok : st::statusFromName(o.status.toStdString());
    const bool forward = order == st::AnswerOrder::Forward;
    j.first_score = forward ? o.scoreAnswer1 : o.scoreAnswer2;
    j.second_score = forward ? o.scoreAnswer2 : o.scoreAnswer1;
    j.rationale = o.rationale.toStdString();
    j.reply = o.reply.toStdString();
    return j;
}

st::PairDecision decisionOf(const ApprovedPair& a) {
    const ReviewPair& p = a.pair;
    st::PairDecision d;
    d.item.item_id = p.id.toStdString();
    d.item.image = p.image.toStdString();
    if (!p.describePrompt.isEmpty()) d.item.describe_prompt = p.describePrompt.toStdString();
    d.item.description = p.description.toStdString();
    d.item.question = p.question.toStdString();
    d.item.answers = {p.answer1.toStdString(), p.answer2.toStdString()};
    if (p.seed1 && p.seed2) d.item.seeds = {*p.seed1, *p.seed2};
    d.status = statusFromName(p.judgeStatus);
    d.reason = p.reason.toStdString();
    try {
        d.forward = judgementOf(p.order12, st::AnswerOrder::Forward, p);
        d.swapped = judgementOf(p.order21, st::AnswerOrder::Swapped, p);
    } catch (const std::invalid_argument&) {  // an unknown judge status: keep the scores only
        d.forward.reset();
        d.swapped.reset();
    }
    d.score1 = p.score1;
    d.score2 = p.score2;
    d.margin = p.margin;
    d.orders_agree = p.ordersAgree;
    d.judge_model = p.judgeModel.toStdString();
    d.chosen = a.resolution.state.side;
    return d;
}

}  // namespace

json exportRecord(const ApprovedPair& a, PairFormat format) {
    const st::PairDecision d = decisionOf(a);
    json out = format == PairFormat::Stllava ? st::stllavaPair(d) : st::trlPair(d);
    json curators = json::array();
    for (const auto& c : a.resolution.curators) curators.push_back(c.toStdString());
    out["review"] = {{"verdict", verdictName(a.resolution.state.verdict)},
                     {"chosen_answer", a.resolution.state.side},
                     {"judge_chosen_answer", a.pair.judgeChoice},
                     {"flipped", a.pair.judgeChoice != 0 && a.pair.judgeChoice != a.resolution.state.side},
                     {"adjudicated", a.resolution.adjudicated},
                     {"curators", curators},
                     {"decided", a.resolution.state.lastTime.toStdString()}};
    return out;
}

void writeApprovedPairs(const QString& path, const std::vector<ApprovedPair>& pairs, PairFormat format) {
    std::string text;
    if (format == PairFormat::Stllava) {
        json all = json::array();
        for (const auto& a : pairs) all.push_back(exportRecord(a, format));
        text = all.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
    } else {
        for (const auto& a : pairs)
            text += exportRecord(a, format).dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    }
    writeFileAtomic(path.toStdString(), text);
}

}  // namespace stllava::review
