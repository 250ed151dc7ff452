// Fuzz target: a benchmark or predictions file through core/evaluation's readers, as `stllava eval`
// reads them: format detection, readBenchmark under every format (LLaVA-Med, VQA-RAD, SLAKE,
// PathVQA; every language and split), and the predictions JSON lines reader (also for resuming).
// Allowed outcome for bad input: InputError / std::runtime_error naming the file.
#include "fuzz_support.h"

#include "evaluation/benchmark.h"
#include "evaluation/predictions.h"

namespace eval = stllava::eval;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = stllava::fuzz::writeInput(data, size, "test.json");
    try {
        (void)eval::detectFormat(path);
    } catch (const std::runtime_error& e) {
        stllava::fuzz::requireNamedError(e, path);
    }
    for (const eval::DatasetFormat format : {eval::DatasetFormat::Auto, eval::DatasetFormat::LlavaMed, eval::DatasetFormat::VqaRad,
                                             eval::DatasetFormat::Slake, eval::DatasetFormat::PathVqa}) {
        for (const bool every_item : {false, true}) {
            eval::ReadOptions options;
            options.format = format;
            options.language = every_item ? "" : "en";
            options.vqa_rad_test_only = !every_item;
            try {
                const eval::Benchmark b = eval::readBenchmark(path, options);
                if (b.format == eval::DatasetFormat::Auto) stllava::fuzz::finding("readBenchmark returned format Auto");
                if (b.items.empty()) stllava::fuzz::finding("readBenchmark returned no questions without an error");
            } catch (const std::runtime_error& e) {
                stllava::fuzz::requireNamedError(e, path);
            }
        }
    }
    try {
        (void)eval::readPredictions(path);
    } catch (const std::runtime_error& e) {
        stllava::fuzz::requireNamedError(e, path);
    }
    try {
        std::size_t torn = 0;
        (void)eval::readPredictionsForResume(path, &torn);
        if (torn > size) stllava::fuzz::finding("more torn bytes than the file holds");
    } catch (const std::runtime_error& e) {
        stllava::fuzz::requireNamedError(e, path);
    }
    return 0;
}
