// JSON-lines files for the self-training job folder: an append-only writer that fsyncs once per
// batch and, on opening, repairs a torn last line (a crash mid-write leaves bytes after the last
// newline: they are cut off, never parsed); a reader that names the file, the line and the field
// on bad input.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace stllava::selftrain {

// Bad content in a job file. what(): "<file>:<line>: field 'x': <problem>" (line 0: the whole file).
struct RecordError : std::runtime_error {
    RecordError(const std::string& file, std::size_t line, const std::string& problem);
    std::string file;
    std::size_t line = 0;
};

class JsonlWriter {
public:
    // Opens (creating) `path` for appending. A last line without its newline (a torn write) is
    // truncated away; repairedBytes() says how many bytes were dropped.
    explicit JsonlWriter(const std::string& path);
    ~JsonlWriter();
    JsonlWriter(const JsonlWriter&) = delete;
    JsonlWriter& operator=(const JsonlWriter&) = delete;

    // Appends one line per record, then fsyncs: after it returns the batch survives a crash.
    void append(const std::vector<nlohmann::json>& batch);
    void append(const nlohmann::json& record) { append(std::vector<nlohmann::json>{record}); }

    const std::string& path() const { return m_path; }
    std::size_t repairedBytes() const { return m_repaired; }

private:
    std::string m_path;
    int m_fd = -1;
    std::size_t m_repaired = 0;
};

// Calls `each(record, line_number)` for every non-blank line (numbered from 1). A last line without
// a newline is a write in progress or a torn one and is skipped. A line that is not a JSON object
// throws RecordError. A missing file reads as empty when `missing_ok`, else throws RecordError.
void readJsonl(const std::string& path, const std::function<void(const nlohmann::json&, std::size_t)>& each,
               bool missing_ok = true);

// Field access that names the file, line and field when a record is malformed.
struct RecordContext {
    const std::string& file;
    std::size_t line;
    [[noreturn]] void fail(const std::string& field, const std::string& problem) const;
    std::string str(const nlohmann::json& j, const char* field) const;
    std::string strOr(const nlohmann::json& j, const char* field, const std::string& fallback) const;
    long long integer(const nlohmann::json& j, const char* field) const;
    double number(const nlohmann::json& j, const char* field) const;
    std::vector<std::string> strings(const nlohmann::json& j, const char* field) const;
};

}  // namespace stllava::selftrain
