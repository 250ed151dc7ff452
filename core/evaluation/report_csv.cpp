#include "evaluation/report_csv.h"

#include "common/atomic_file.h"

#include <cstdio>

namespace stllava::eval {

std::string csvField(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

namespace {
std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}
}  // namespace

std::string reportToCsv(const EvalReport& r) {
    std::string out =
        "id,answer_type,question_type,modality,organ,image,question,reference,prediction,reference_normalized,"
        "prediction_normalized,recall,precision,f1,exact,closed_hit,closed_hit_strict\r\n";
    for (const auto& q : r.questions) {
        const bool open = q.score.type == metrics::AnswerType::Open;
        const bool closed = q.score.type == metrics::AnswerType::Closed;
        out += csvField(q.id) + ',' + metrics::answerTypeName(q.score.type) + ',' + csvField(q.question_type) + ',' +
               csvField(q.modality) + ',' + csvField(q.organ) + ',' + csvField(q.image) + ',' + csvField(q.question) +
               ',' + csvField(q.reference) + ',' + csvField(q.prediction) + ',' + csvField(q.reference_normalized) +
               ',' + csvField(q.prediction_normalized) + ',';
        out += open ? num(q.score.recall) + ',' + num(q.score.precision) + ',' + num(q.score.f1) + ',' +
                          num(q.score.exact) + ','
                    : std::string(",,,,");
        out += closed ? std::string(q.score.closed_hit ? "1" : "0") + ',' + (q.score.closed_hit_strict ? "1" : "0")
                      : std::string(",");
        out += "\r\n";
    }
    return out;
}

void writeReportCsv(const EvalReport& report, const std::string& path) { writeFileAtomic(path, reportToCsv(report)); }

}  // namespace stllava::eval
