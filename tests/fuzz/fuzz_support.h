// Shared by the fuzz targets (tests/fuzz/fuzz_*.cpp): each defines LLVMFuzzerTestOneInput, built
// either with libFuzzer (-DSTLLAVA_FUZZ=ON, clang) or with fuzz_replay_main.cpp, which feeds it the
// committed corpus in the normal test suite.
//
// What counts as a finding: a crash, a sanitizer report, an exception the parser's contract does
// not allow, or an error message that does not name the file (the project's rule for bad input).
// requireNamedError() aborts for the last one so that libFuzzer (and the replay test) see it.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <stdexcept>
#include <string>

namespace stllava::fuzz {

// Aborts with `why` (the fuzzer records the input as a crash).
[[noreturn]] inline void finding(const std::string& why) {
    std::fprintf(stderr, "FUZZ FINDING: %s\n", why.c_str());
    std::fflush(stderr);
    std::abort();
}

// A folder of this process for the input files (parsers under test read paths, not buffers):
// $STLLAVA_FUZZ_TMP, else /dev/shm (memory, no disk wear), else /tmp.
inline const std::string& scratchFolder() {
    static const std::string folder = [] {
        std::string base;
        if (const char* t = std::getenv("STLLAVA_FUZZ_TMP"); t && *t) base = t;
        else if (::access("/dev/shm", W_OK) == 0) base = "/dev/shm";
        else base = "/tmp";
        std::string templ = base + "/stllava-fuzz-XXXXXX";
        if (!::mkdtemp(templ.data())) finding("cannot make a scratch folder under " + base);
        return templ;
    }();
    return folder;
}

// Writes the input to scratchFolder()/name and returns the path (the same file every run).
inline std::string writeInput(const std::uint8_t* data, std::size_t size, const std::string& name) {
    const std::string path = scratchFolder() + "/" + name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) finding("cannot write " + path);
    return path;
}

// The contract for bad input: the message names the file. Anything else is a finding.
inline void requireNamedError(const std::exception& e, const std::string& path) {
    const std::string what = e.what();
    if (what.find(path) == std::string::npos) finding("error message does not name the file '" + path + "': " + what);
    if (what.size() <= path.size() + 2) finding("error message names the file but no problem: " + what);
}

}  // namespace stllava::fuzz
