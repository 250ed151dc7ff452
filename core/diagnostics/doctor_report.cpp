#include "diagnostics/doctor_report.h"

#include <algorithm>
#include <sstream>

namespace stllava {

const char* checkStatusName(CheckStatus s) {
    switch (s) {
        case CheckStatus::Ok: return "ok";
        case CheckStatus::Info: return "info";
        case CheckStatus::Warn: return "WARN";
        case CheckStatus::Fail: return "FAIL";
    }
    return "?";
}

bool DoctorReport::hasFailures() const {
    return std::any_of(rows.begin(), rows.end(), [](const CheckRow& r) { return r.status == CheckStatus::Fail; });
}

bool DoctorReport::hasWarnings() const {
    return std::any_of(rows.begin(), rows.end(), [](const CheckRow& r) { return r.status == CheckStatus::Warn; });
}

std::string DoctorReport::toTable(bool color) const {
    std::size_t w_section = 7, w_name = 5;
    for (const auto& r : rows) {
        w_section = std::max(w_section, r.section.size());
        w_name = std::max(w_name, r.name.size());
    }
    std::ostringstream out;
    auto pad = [](const std::string& s, std::size_t w) { return s + std::string(w > s.size() ? w - s.size() : 0, ' '); };
    out << pad("section", w_section) << "  " << pad("check", w_name) << "  status  value\n";
    out << std::string(w_section + w_name + 20, '-') << "\n";
    for (const auto& r : rows) {
        std::string status = checkStatusName(r.status);
        if (color && r.status == CheckStatus::Warn) status = "\033[1;33m" + pad(status, 6) + "\033[0m";
        else if (color && r.status == CheckStatus::Fail) status = "\033[1;31m" + pad(status, 6) + "\033[0m";
        else status = pad(status, 6);
        out << pad(r.section, w_section) << "  " << pad(r.name, w_name) << "  " << status << "  " << r.value << "\n";
        if (!r.advice.empty()) out << std::string(w_section + w_name + 12, ' ') << "-> " << r.advice << "\n";
    }
    const auto warns = std::count_if(rows.begin(), rows.end(), [](const CheckRow& r) { return r.status == CheckStatus::Warn; });
    const auto fails = std::count_if(rows.begin(), rows.end(), [](const CheckRow& r) { return r.status == CheckStatus::Fail; });
    out << "\n" << rows.size() << " checks, " << warns << " warnings, " << fails << " failures\n";
    return out.str();
}

nlohmann::json DoctorReport::toJson() const {
    nlohmann::json checks = nlohmann::json::array();
    for (const auto& r : rows)
        checks.push_back({{"section", r.section},
                          {"name", r.name},
                          {"value", r.value},
                          {"status", checkStatusName(r.status)},
                          {"advice", r.advice}});
    nlohmann::json j = facts;
    j["checks"] = checks;
    j["warnings"] = hasWarnings();
    j["failures"] = hasFailures();
    return j;
}

}  // namespace stllava
