// Per-question CSV (RFC 4180 quoting): one row per question with texts, normalised forms and scores.
#pragma once

#include "evaluation/eval_report.h"

#include <string>
#include <string_view>

namespace stllava::eval {

std::string csvField(std::string_view text);
std::string reportToCsv(const EvalReport& report);
void writeReportCsv(const EvalReport& report, const std::string& path);  // atomic

}  // namespace stllava::eval
