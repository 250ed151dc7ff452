// Fuzz target: a training data file through core/training's readers, as `stllava train` reads it:
// loadInstructData (LLaVA instruction JSON / JSON lines) and loadPreferenceData (STLLaVA and TRL
// preference layouts), with and without the "<image>" marker rule. The readers are torch-free;
// image existence is not checked (the fuzzer writes no images).
// Allowed outcome: bad items listed in the report; a file that is not JSON at all, a
// std::runtime_error naming the file.
#include "fuzz_support.h"

#include "training/dataset.h"

namespace tr = stllava::training;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = stllava::fuzz::writeInput(data, size, "train.json");
    for (const bool marker : {true, false}) {
        tr::DataOptions options;
        options.check_images = false;
        options.require_image_marker = marker;
        try {
            const tr::InstructDataset d = tr::loadInstructData(path, options);
            if (d.items.size() != d.report.usable || d.report.usable > d.report.total)
                stllava::fuzz::finding("instruction data report counts do not match its items");
            (void)d.report.summary();
        } catch (const std::runtime_error& e) {
            stllava::fuzz::requireNamedError(e, path);
        }
        try {
            const tr::PreferenceDataset d = tr::loadPreferenceData(path, options);
            if (d.items.size() != d.report.usable || d.report.usable > d.report.total)
                stllava::fuzz::finding("preference data report counts do not match its items");
            (void)d.report.summary();
            (void)tr::datasetDigest(d.items);
        } catch (const std::runtime_error& e) {
            stllava::fuzz::requireNamedError(e, path);
        }
    }
    return 0;
}
