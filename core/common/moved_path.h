// A path recorded in a file (a job's records, a pair file, a demo's phase records) that no longer
// exists because the folder holding both was moved or copied: the same tail is looked for under
// the folder the reader knows now (and a few of its parents). Plain C++17, no Qt, no torch.
#pragma once

#include <string>

namespace stllava {

// `recorded` itself when it exists or is empty; else the first existing `anchor` / tail, trying the
// longest tails of `recorded` first (at least its last two parts, so a bare file name never
// matches a stranger) and, for each tail, `anchor_dir` first, then up to `parents` of its parent
// folders; `recorded` unchanged when none exists (the caller's "not found" names it).
// Example: /old/demo/world/pool/a.png recorded, /new/demo/selftrain the anchor, parents 1:
// /new/demo/world/pool/a.png.
std::string relocatedPath(const std::string& recorded, const std::string& anchor_dir, int parents = 2);

}  // namespace stllava
