#include "selftrain/jsonl.h"

#include "common/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace stllava::selftrain {

using nlohmann::json;

RecordError::RecordError(const std::string& f, std::size_t l, const std::string& problem)
    : std::runtime_error(f + (l ? ":" + std::to_string(l) : std::string()) + ": " + problem),
      file(f),
      line(l) {}

namespace {

std::string sysError(const std::string& what, const std::string& path) {
    return what + " '" + path + "': " + std::strerror(errno);
}

// Length of the file up to and including its last newline (0 when it has none).
off_t lastCompleteLineEnd(int fd, off_t size, const std::string& path) {
    char buf[4096];
    off_t end = size;
    while (end > 0) {
        const off_t start = end > static_cast<off_t>(sizeof buf) ? end - static_cast<off_t>(sizeof buf) : 0;
        const auto n = static_cast<std::size_t>(end - start);
        if (::pread(fd, buf, n, start) != static_cast<ssize_t>(n))
            throw std::runtime_error(sysError("cannot read", path));
        for (std::size_t i = n; i-- > 0;)
            if (buf[i] == '\n') return start + static_cast<off_t>(i) + 1;
        end = start;
    }
    return 0;
}

}  // namespace

JsonlWriter::JsonlWriter(const std::string& path) : m_path(path) {
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0) throw std::runtime_error(sysError("cannot open", path));
    struct stat st {};
    if (::fstat(m_fd, &st) != 0) {
        ::close(m_fd);
        throw std::runtime_error(sysError("cannot stat", path));
    }
    try {
        const off_t keep = lastCompleteLineEnd(m_fd, st.st_size, path);
        if (keep != st.st_size) {
            if (::ftruncate(m_fd, keep) != 0 || ::fsync(m_fd) != 0)
                throw std::runtime_error(sysError("cannot repair", path));
            m_repaired = static_cast<std::size_t>(st.st_size - keep);
        }
        if (::lseek(m_fd, 0, SEEK_END) < 0) throw std::runtime_error(sysError("cannot seek", path));
    } catch (...) {
        ::close(m_fd);
        throw;
    }
}

JsonlWriter::~JsonlWriter() {
    if (m_fd >= 0) ::close(m_fd);
}

void JsonlWriter::append(const std::vector<json>& batch) {
    if (batch.empty()) return;
    std::string text;
    for (const auto& record : batch) {
        text += record.dump(-1, ' ', false, json::error_handler_t::replace);
        text += '\n';
    }
    writeAll(m_fd, text.data(), text.size(), m_path);
    if (::fsync(m_fd) != 0) throw std::runtime_error(sysError("cannot fsync", m_path));
}

void readJsonl(const std::string& path, const std::function<void(const json&, std::size_t)>& each,
               bool missing_ok) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        struct stat st {};
        if (missing_ok && ::stat(path.c_str(), &st) != 0 && errno == ENOENT) return;
        throw RecordError(path, 0, "cannot be read");
    }
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (in.eof()) break;  // no newline after it: torn or still being written
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        json j;
        try {
            j = json::parse(line);
        } catch (const json::exception& e) {
            throw RecordError(path, n, std::string("not valid JSON: ") + e.what());
        }
        if (!j.is_object()) throw RecordError(path, n, "not a JSON object");
        each(j, n);
    }
}

void RecordContext::fail(const std::string& field, const std::string& problem) const {
    throw RecordError(file, line, "field '" + field + "': " + problem);
}

std::string RecordContext::str(const json& j, const char* field) const {
    const auto it = j.find(field);
    if (it == j.end()) fail(field, "missing");
    if (!it->is_string()) fail(field, "expected a string, found " + std::string(it->type_name()));
    return it->get<std::string>();
}

std::string RecordContext::strOr(const json& j, const char* field, const std::string& fallback) const {
    const auto it = j.find(field);
    if (it == j.end() || it->is_null()) return fallback;
    if (!it->is_string()) fail(field, "expected a string, found " + std::string(it->type_name()));
    return it->get<std::string>();
}

long long RecordContext::integer(const json& j, const char* field) const {
    const auto it = j.find(field);
    if (it == j.end()) fail(field, "missing");
    if (!it->is_number_integer()) fail(field, "expected an integer, found " + std::string(it->type_name()));
    return it->get<long long>();
}

double RecordContext::number(const json& j, const char* field) const {
    const auto it = j.find(field);
    if (it == j.end()) fail(field, "missing");
    if (!it->is_number()) fail(field, "expected a number, found " + std::string(it->type_name()));
    return it->get<double>();
}

std::vector<std::string> RecordContext::strings(const json& j, const char* field) const {
    const auto it = j.find(field);
    if (it == j.end()) fail(field, "missing");
    if (!it->is_array()) fail(field, "expected a list of strings, found " + std::string(it->type_name()));
    std::vector<std::string> out;
    for (std::size_t i = 0; i < it->size(); ++i) {
        if (!(*it)[i].is_string())
            fail(std::string(field) + "[" + std::to_string(i) + "]", "expected a string");
        out.push_back((*it)[i].get<std::string>());
    }
    return out;
}

}  // namespace stllava::selftrain
