#include "common/launch_env.h"

#include <cstdlib>
#include <initializer_list>
#include <stdexcept>

namespace stllava {
namespace {

const char* env(const char* name) {
    const char* v = std::getenv(name);
    return v && *v ? v : nullptr;
}

int intVar(const char* name, const char* value) {
    try {
        std::size_t used = 0;
        const int v = std::stoi(value, &used);
        if (used != std::string(value).size() || v < 0) throw std::invalid_argument("");
        return v;
    } catch (const std::exception&) {
        throw std::invalid_argument(std::string("environment variable ") + name + "='" + value + "' is not a non-negative integer");
    }
}

// The first set variable of a list, parsed.
bool firstInt(std::initializer_list<const char*> names, int& out) {
    for (const char* n : names)
        if (const char* v = env(n)) {
            out = intVar(n, v);
            return true;
        }
    return false;
}

}  // namespace

LaunchEnv launchEnvFromEnvironment() {
    LaunchEnv e;
    const bool has_rank = firstInt({"RANK", "SLURM_PROCID"}, e.rank);
    const bool has_world = firstInt({"WORLD_SIZE", "SLURM_NTASKS"}, e.world_size);
    if (!firstInt({"LOCAL_RANK", "SLURM_LOCALID"}, e.local_rank)) e.local_rank = 0;
    if (!has_rank && !has_world) return LaunchEnv{};
    if (has_world && e.world_size < 1) throw std::invalid_argument("WORLD_SIZE must be at least 1");
    if (e.rank >= e.world_size)
        throw std::invalid_argument("RANK " + std::to_string(e.rank) + " is not below WORLD_SIZE " + std::to_string(e.world_size));
    if (const char* a = env("MASTER_ADDR")) e.master_addr = a;
    if (const char* p = env("MASTER_PORT")) {
        e.master_port = intVar("MASTER_PORT", p);
        if (e.master_port == 0 || e.master_port > 65535) throw std::invalid_argument("MASTER_PORT out of range");
    }
    return e;
}

}  // namespace stllava
