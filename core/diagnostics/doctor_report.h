// The doctor's report: rows of measured facts with a verdict each, printable as a table or JSON.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace stllava {

enum class CheckStatus { Ok, Info, Warn, Fail };

struct CheckRow {
    std::string section;  // "torch", "blas", "tokenizer", "dicom", ...
    std::string name;     // what was checked
    std::string value;    // what was found, human readable
    CheckStatus status = CheckStatus::Info;
    std::string advice;   // what to do about a warning or failure
};

struct DoctorReport {
    std::vector<CheckRow> rows;
    nlohmann::json facts = nlohmann::json::object();  // machine-readable figures, by section

    void add(CheckRow row) { rows.push_back(std::move(row)); }
    bool hasFailures() const;
    bool hasWarnings() const;
    std::string toTable(bool color) const;
    nlohmann::json toJson() const;
};

const char* checkStatusName(CheckStatus s);

// Probes without torch or Qt: CPU cores, memory, disk, tokenizer library.
void probeSystem(DoctorReport& report, const std::string& disk_path);
void probeTokenizer(DoctorReport& report);

}  // namespace stllava
