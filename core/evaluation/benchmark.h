// Benchmark questions, read from LLaVA-Med's test.json or from the datasets' own public JSON
// (VQA-RAD, SLAKE, PathVQA mirrors). Python pickles are refused, never unpickled.
#pragma once

#include "common/input_error.h"
#include "metrics/answer_scores.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace stllava::eval {

// A malformed, missing or unsupported input file (the command line maps it to exit code 3).
using InputError = stllava::InputError;

enum class DatasetFormat { Auto, LlavaMed, VqaRad, Slake, PathVqa };

// "auto", "llava-med", "vqa-rad", "slake", "pathvqa"
const char* datasetFormatName(DatasetFormat f);
// Throws std::invalid_argument for an unknown name.
DatasetFormat datasetFormatFromName(const std::string& name);

struct BenchmarkItem {
    std::string id;             // question id as text
    bool id_is_number = false;  // the file wrote it as a JSON number (kept when writing predictions)
    std::string image;          // image path relative to the image folder
    std::string question;       // question text, without LLaVA's "<image>" token
    std::string answer;         // reference answer
    std::string answer_type_raw;
    metrics::AnswerType type = metrics::AnswerType::Unscored;
    // Breakdown labels, empty when the dataset has none.
    std::string question_type;  // VQA-RAD question_type, SLAKE content_type
    std::string modality;       // SLAKE modality
    std::string organ;          // VQA-RAD image_organ, SLAKE location
};

struct Benchmark {
    DatasetFormat format = DatasetFormat::Auto;  // the format actually read
    std::string path;
    std::vector<BenchmarkItem> items;
    std::vector<std::string> warnings;  // e.g. answer types that are not scored, duplicate ids
};

struct ReadOptions {
    DatasetFormat format = DatasetFormat::Auto;
    std::string language = "en";  // SLAKE q_lang to keep ("" keeps all)
    bool vqa_rad_test_only = true;  // VQA-RAD: phrase_type test_freeform / test_para only
};

// Options as the command line gives them: a format name (datasetFormatFromName), a SLAKE language
// ("all" keeps every language), and whether to keep every VQA-RAD split.
ReadOptions readOptionsFor(const std::string& format, const std::string& language, bool all_splits);

// Reads a benchmark file; throws InputError naming the file, the item and the problem.
Benchmark readBenchmark(const std::string& path, const ReadOptions& options = {});

// Which format the parsed JSON looks like (Auto when none fits).
DatasetFormat detectFormat(const std::string& path);

}  // namespace stllava::eval
