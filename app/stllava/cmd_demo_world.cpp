// `stllava demo world --out DIR [--seed N] [--scale small|default]`: generates the synthetic world
// (images with hidden findings, stage-1 instruction data, the stage-2 pool, VQA-RAD / SLAKE / PathVQA
// shaped benchmarks, DICOM studies). Progress on stderr; a summary on stdout. An unusable output
// folder exits with code 3 (bad input), naming the folder.
#include "cmd_demo_world.h"
#include "cmd_demo.h"

#include "exit_codes.h"

#include "synthetic/world.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

namespace stllava {
namespace {

struct DemoWorldOptions {
    std::string out;
    std::uint64_t seed = 1;
    std::string scale = "default";
};

int runDemoWorld(const DemoWorldOptions& o) {
    synthetic::WorldOptions wo;
    wo.outDir = o.out;
    wo.seed = o.seed;
    wo.scale = synthetic::worldScaleFromName(o.scale);
    std::string lastStage;
    auto lastPrint = std::chrono::steady_clock::now();
    const bool tty = isatty(fileno(stderr));
    auto progress = [&](const Progress& p) {
        const auto now = std::chrono::steady_clock::now();
        const bool stageDone = p.total > 0 && p.done == p.total;
        if (p.stage != lastStage || stageDone ||
            now - lastPrint > std::chrono::milliseconds(tty ? 100 : 2000)) {
            std::fprintf(stderr, "%s[world] %-8s %5lld / %lld%s", tty ? "\r" : "", p.stage.c_str(),
                         static_cast<long long>(p.done), static_cast<long long>(p.total),
                         tty && !stageDone ? "" : "\n");
            std::fflush(stderr);
            lastPrint = now;
            lastStage = p.stage;
        }
        return true;
    };
    synthetic::WorldSummary s;
    try {
        s = synthetic::generateWorld(wo, progress);
    } catch (const synthetic::WorldFolderError& e) {
        throw BadInput(e.what());
    }
    std::printf("synthetic world (seed %llu, scale %s) written to %s in %.1f s\n",
                static_cast<unsigned long long>(o.seed), o.scale.c_str(), o.out.c_str(), s.seconds);
    std::printf("  %d PNG images, %d DICOM files, %d findings files, %.1f MB\n", s.images, s.dicomFiles,
                s.findingsFiles, static_cast<double>(s.bytes) / 1e6);
    std::printf("  stage 1: %d conversations; pool: %d images\n", s.stage1Items, s.poolImages);
    std::printf("  test questions: VQA-RAD %d, SLAKE %d (en+zh), PathVQA %d\n", s.vqaRadQuestions,
                s.slakeQuestions, s.pathVqaQuestions);
    return exit_code::kOk;
}

const bool registered = registerDemoPart({"world", 10, &addDemoWorld});

}  // namespace

CommandRun addDemoWorld(CLI::App& demo) {
    auto o = std::make_shared<DemoWorldOptions>();
    CLI::App* c = demo.add_subcommand(
        "world",
        "Write the synthetic world: images with hidden findings, stage-1 data, the stage-2 pool, "
        "VQA-RAD/SLAKE/PathVQA-shaped benchmarks and DICOM studies (docs/synthetic-world.md)");
    c->add_option("--out", o->out, "Output folder (new, empty, or an earlier world to regenerate)")
        ->required();
    c->add_option("--seed", o->seed, "World seed (same seed, same bytes)");
    c->add_option("--scale", o->scale, "small (CI, seconds) or default")
        ->check(CLI::IsMember({"small", "default"}));
    auto chosen = std::make_shared<bool>(false);
    c->callback([chosen] { *chosen = true; });
    return [o, chosen]() { return *chosen ? runDemoWorld(*o) : exit_code::kUsage; };
}

}  // namespace stllava
