// Approved pairs back into the two formats `stllava train dpo` reads (training/dataset.h), written by
// selftrain's own pair writers so the layout is the one `stllava selftrain pairs` writes: the side the
// curators chose is "chosen" (after a flip, the judge's rejected answer), the judge's evidence is
// kept, and a "review" object says who decided and whether the judge's choice was flipped.
#pragma once

#include "services/review/review_types.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace stllava::review {

enum class PairFormat { Stllava, Trl };

struct ApprovedPair {
    ReviewPair pair;
    Resolution resolution;  // resolution.state.verdict == Approved, side 1 or 2
};

nlohmann::json exportRecord(const ApprovedPair& a, PairFormat format);
// Atomic write (STLLaVA: a JSON array; TRL: JSON lines); throws std::runtime_error naming the file.
void writeApprovedPairs(const QString& path, const std::vector<ApprovedPair>& pairs, PairFormat format);

}  // namespace stllava::review
