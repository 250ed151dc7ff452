// Training data sets, read and validated up front (before any training step), so a bad item is
// reported with its index and id instead of stopping an epoch half-way.
//   LLaVA instruction JSON:  [{"id","image","conversations":[{"from":"human","value":"<image>\n.."},
//                             {"from":"gpt","value":".."}, ...]}]
//   STLLaVA preference JSON: [{"id"?,"image","chosen_conversations":[...],"reject_conversations":[...]}]
//                            (the two conversations share every turn but the last answer)
//   TRL preference JSON:     [{"prompt","chosen","rejected","images":[path]}], prompt/chosen/rejected
//                            either strings or lists of {"role","content"} messages (content a string
//                            or a list of {"type":"text","text"} / {"type":"image"} parts).
// A file is a JSON array or JSON lines. Image paths are relative to an image folder.
// Plain C++17 + nlohmann_json; no torch. Errors: std::runtime_error naming the file.
#pragma once

#include "prompt/conversation.h"

#include <cstdint>
#include <string>
#include <vector>

namespace stllava::training {

// One conversation with an optional image (one image per item, LLaVA-1.5 style).
struct InstructItem {
    std::string id;
    std::string image;                   // path relative to the image folder; "" = text only
    prompt::Conversation conversation;   // User/Assistant turns, first question carries "<image>"
};

// A preference pair: the shared prompt turns (ending with a question) and two final answers.
struct PreferenceItem {
    std::string id;
    std::string image;
    prompt::Conversation prompt;  // ends with a User question
    std::string chosen;
    std::string rejected;
};

struct DataIssue {
    std::size_t index = 0;  // position in the file (0-based)
    std::string id;         // the item's id when it has one
    std::string problem;    // e.g. "image 'a.png' not found in /data/images"
};

struct DataReport {
    std::string path;
    std::size_t total = 0;   // items in the file
    std::size_t usable = 0;  // items kept
    std::vector<DataIssue> issues;
    std::string summary(std::size_t max_listed = 20) const;  // human text, one issue per line
};

struct DataOptions {
    std::string image_folder;       // image paths are relative to it ("" = relative to the cwd)
    bool check_images = true;       // missing image files are issues
    bool require_image_marker = true;  // an item with an image needs exactly one "<image>"
};

struct InstructDataset {
    std::vector<InstructItem> items;
    DataReport report;
};
struct PreferenceDataset {
    std::vector<PreferenceItem> items;
    DataReport report;
};

// Reads and validates; bad items are left out and listed in the report (never thrown).
// Throws std::runtime_error when the file cannot be read or is not JSON at all.
InstructDataset loadInstructData(const std::string& path, const DataOptions& options = {});
// Detects the STLLaVA or TRL layout per item.
PreferenceDataset loadPreferenceData(const std::string& path, const DataOptions& options = {});

// Full path of an item's image ("" when it has none).
std::string imagePath(const DataOptions& options, const std::string& image);

// A stable 64-bit digest of a data set's content (used as a cache key).
std::uint64_t datasetDigest(const std::vector<PreferenceItem>& items);

}  // namespace stllava::training
