// How a pair's state follows from its decision events (nothing is stored but the events): the
// undone events are left out, the rest are applied in the order they were recorded.
//   choose k  -> approved, side k         flip -> approved, side = the other answer
//   approve   -> approved, side as it is   reject / tie / both wrong -> that verdict
//   note      -> adds a note               undo -> takes back the event it names
// The side starts as the judge's choice. Plain functions over value types.
#pragma once

#include "services/review/review_types.h"

#include <vector>

namespace stllava::review {

// The state `events` (one curator's, or the adjudicators', oldest first) give a pair whose judge
// chose `judgeChoice`. Events of other pairs must not be passed in.
PairState foldEvents(int judgeChoice, const std::vector<ReviewEvent>& events);

// Every event of one pair, oldest first: the state per curator and the resolution.
Resolution resolvePair(int judgeChoice, const std::vector<ReviewEvent>& events);

// Whether `kind` is valid on a pair in `state` (flip and approve need a side); "" when it is, else
// the reason.
QString whyInvalid(EventKind kind, int choice, const PairState& state);

}  // namespace stllava::review
