// Machine facts a user needs before loading a 7B model: cores, memory, disk; and the tokenizer.
#include "diagnostics/doctor_report.h"

#include "tokenizer/tokenizer.h"

#include <sys/statvfs.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

namespace stllava {
namespace {

std::string gib(double bytes) {
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%.1f GiB", bytes / (1024.0 * 1024.0 * 1024.0));
    return buf;
}

// Reads a field of /proc/meminfo in bytes; -1 when absent.
double meminfo(const std::string& key) {
    std::ifstream in("/proc/meminfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.compare(0, key.size() + 1, key + ":") == 0) {
            std::istringstream ss(line.substr(key.size() + 1));
            double kib = 0;
            ss >> kib;
            return kib * 1024.0;
        }
    }
    return -1;
}

}  // namespace

void probeSystem(DoctorReport& report, const std::string& disk_path) {
    const unsigned cores = std::thread::hardware_concurrency();
    report.facts["system"]["cpu_cores"] = cores;
    report.add({"system", "CPU cores", std::to_string(cores), CheckStatus::Info, ""});

    const double total = meminfo("MemTotal"), avail = meminfo("MemAvailable");
    report.facts["system"]["memory_total_bytes"] = total;
    report.facts["system"]["memory_available_bytes"] = avail;
    // A 7B model in bfloat16 needs ~14 GiB for weights alone.
    const bool low = avail >= 0 && avail < 16.0 * (1ull << 30);
    report.add({"system", "memory available", gib(avail) + " of " + gib(total), low ? CheckStatus::Warn : CheckStatus::Ok,
                low ? "a 7B model needs about 14 GiB in bfloat16 (28 GiB in float32); small models still run" : ""});

    struct statvfs vfs {};
    if (::statvfs(disk_path.c_str(), &vfs) == 0) {
        const double free_bytes = static_cast<double>(vfs.f_bavail) * static_cast<double>(vfs.f_frsize);
        report.facts["system"]["disk_free_bytes"] = free_bytes;
        report.facts["system"]["disk_path"] = disk_path;
        const bool low_disk = free_bytes < 20.0 * (1ull << 30);
        report.add({"system", "disk free", gib(free_bytes) + " at " + disk_path, low_disk ? CheckStatus::Warn : CheckStatus::Ok,
                    low_disk ? "checkpoints of 7B models take 14 GiB each" : ""});
    } else {
        report.add({"system", "disk free", "cannot stat " + disk_path, CheckStatus::Warn, ""});
    }
}

void probeTokenizer(DoctorReport& report) {
    try {
        const std::string info = Tokenizer::bridgeInfo();
        report.facts["tokenizer"]["bridge"] = info;
        report.facts["tokenizer"]["loaded"] = true;
        report.add({"tokenizer", "sentencepiece bridge", info, CheckStatus::Ok, ""});
    } catch (const std::exception& e) {
        report.facts["tokenizer"]["loaded"] = false;
        report.facts["tokenizer"]["error"] = e.what();
        report.add({"tokenizer", "sentencepiece bridge", e.what(), CheckStatus::Fail,
                    "reinstall, or set STLLAVA_SPM_BRIDGE to libstllava_spm_bridge.so"});
    }
}

}  // namespace stllava
