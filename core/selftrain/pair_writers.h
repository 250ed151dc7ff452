// Preference data sets out of pair decisions, in the two formats `stllava train dpo` reads
// (core/training/dataset.h):
//   STLLaVA (as ZachSun/STLLaVA-Med-DPO): a JSON array of {"id","image","chosen_conversations",
//     "reject_conversations"}, conversations of {"from":"human"|"gpt","value"}: the describe turn
//     (with "<image>"), the description, the question, then the chosen or the rejected answer.
//   TRL: JSON lines of {"prompt":[messages],"chosen":[assistant message],"rejected":[...],"images":[path]}.
// Both keep the judge's evidence in extra fields: "status", "reason", "judge_model", "scores"
// (averaged and per order, with each order's rationale), "chosen_answer", "seeds".
#pragma once

#include "selftrain/pairs.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace stllava::selftrain {

nlohmann::json judgeEvidence(const PairDecision& d);  // the extra fields
nlohmann::json stllavaPair(const PairDecision& d);    // needs d.chosen != 0
nlohmann::json trlPair(const PairDecision& d);        // needs d.chosen != 0

// Write the auto-accepted pairs (atomic writes); return how many were written.
std::size_t writeStllavaPairs(const std::string& path, const std::vector<PairDecision>& decisions);
std::size_t writeTrlPairs(const std::string& path, const std::vector<PairDecision>& decisions);
// JSON lines of every needs_review and rejected item, with its status, reason and both answers.
std::size_t writeReviewList(const std::string& path, const std::vector<PairDecision>& decisions);

}  // namespace stllava::selftrain
