#include "evaluation/report_folder.h"

#include "evaluation/report_csv.h"
#include "evaluation/report_json.h"

#include <filesystem>

namespace stllava::eval {

void writeReportFolder(const EvalReport& report, const std::string& dir, const ThumbnailFn& thumbnail) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw std::runtime_error("cannot create the report folder '" + dir + "': " + ec.message());
    writeReportJson(report, dir + "/report.json");
    writeReportCsv(report, dir + "/questions.csv");
    writeReportHtml(report, dir + "/report.html", thumbnail);
}

}  // namespace stllava::eval
