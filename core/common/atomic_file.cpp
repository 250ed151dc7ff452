#include "common/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace stllava {
namespace {

std::string sysError(const std::string& what, const std::string& path) {
    return what + " '" + path + "': " + std::strerror(errno);
}

std::string parentDir(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

void fsyncDir(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;  // some filesystems do not allow it; the rename itself is still atomic
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

void writeAll(int fd, const void* data, std::size_t size, const std::string& what) {
    const char* p = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd, p, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw std::runtime_error(sysError("cannot write", what));
        }
        p += n;
        size -= static_cast<std::size_t>(n);
    }
}

void writeFileAtomicStreamed(const std::string& path, const std::function<void(int fd)>& fill) {
    std::random_device rd;
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error(sysError("cannot create", tmp));
    try {
        fill(fd);
        if (::fsync(fd) != 0) throw std::runtime_error(sysError("cannot fsync", tmp));
    } catch (...) {
        ::close(fd);
        ::unlink(tmp.c_str());
        throw;
    }
    if (::close(fd) != 0) {
        ::unlink(tmp.c_str());
        throw std::runtime_error(sysError("cannot close", tmp));
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string msg = sysError("cannot rename temporary file onto", path);
        ::unlink(tmp.c_str());
        throw std::runtime_error(msg);
    }
    fsyncDir(parentDir(path));
}

void writeFileAtomic(const std::string& path, const void* data, std::size_t size) {
    writeFileAtomicStreamed(path, [&](int fd) { writeAll(fd, data, size, path); });
}

void writeFileAtomic(const std::string& path, const std::string& contents) {
    writeFileAtomic(path, contents.data(), contents.size());
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open '" + path + "': " + std::strerror(errno));
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw std::runtime_error("cannot read '" + path + "'");
    return ss.str();
}

}  // namespace stllava
