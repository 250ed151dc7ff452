// Fuzz target: a preference pair file through core/services/review's importer (readPairFile), as
// the Review workspace imports `stllava selftrain pairs` output: a JSON array (pairs.stllava.json) or
// JSON lines (pairs.trl.jsonl, pairs.review.jsonl), the layout detected per record.
// Allowed outcome: bad records listed as issues (with a 1-based position, naming the file); a file
// that cannot be parsed at all, a std::runtime_error naming it.
#include "fuzz_support.h"

#include "services/review/pair_file_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = stllava::fuzz::writeInput(data, size, "pairs.review.jsonl");
    const QString qpath = QString::fromStdString(path);
    try {
        const stllava::review::PairFileContents contents = stllava::review::readPairFile(qpath);
        for (const auto& issue : contents.issues) {
            if (issue.file != qpath) stllava::fuzz::finding("an issue does not name the file");
            if (issue.record < 1) stllava::fuzz::finding("an issue without its record position");
            if (issue.problem.isEmpty()) stllava::fuzz::finding("an issue without a problem");
        }
    } catch (const std::runtime_error& e) {
        stllava::fuzz::requireNamedError(e, path);
    }
    return 0;
}
