// `stllava demo run [--out DIR] [--scale small|default] [--seed N]`: the whole STLLaVA-Med pipeline on
// the synthetic world, from nothing, on the CPU (core/demo/demo_run.h; docs/demo.md). One line per
// phase with its time on stderr, a progress line within long phases; at the end the table of stage-1
// and stage-2 scores and the path of the HTML report on stdout. Ctrl-C stops within the current step
// (exit 4); the same command resumes. A folder holding another scale or seed exits 3.
#include "cli_support.h"
#include "cmd_demo.h"
#include "exit_codes.h"

#include "common/input_error.h"
#include "demo/demo_run.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <sstream>

namespace stllava {
namespace {

struct DemoRunCliOptions {
    std::string out = "stllava-demo";
    std::string scale = "default";
    std::uint64_t seed = 1;
    int threads = 1;
    std::string judge_noise;  // "FLIP,TIE" shares, e.g. "0.2,0.1"; "" = the clean oracle
};

class PhasePrinter {
public:
    void operator()(const demo::DemoEvent& e) {
        using K = demo::DemoEvent::Kind;
        const auto now = std::chrono::steady_clock::now();
        if (e.kind == K::Progress) {
            if (now - last_ < std::chrono::milliseconds(tty_ ? 200 : 5000)) return;
            last_ = now;
            const double rate = e.seconds > 0 ? static_cast<double>(e.done) / e.seconds : 0;
            const double eta =
                rate > 0 && e.total > e.done ? static_cast<double>(e.total - e.done) / rate : 0;
            std::fprintf(stderr, "%s  [%d/%d] %-11s %lld/%lld  %s  elapsed %s  ETA %s%s",
                         tty_ ? "\r\033[K" : "", e.index, e.phases, e.phase.c_str(),
                         static_cast<long long>(e.done), static_cast<long long>(e.total), e.detail.c_str(),
                         cli::formatDuration(e.seconds, true).c_str(),
                         eta > 0 ? cli::formatDuration(eta, true).c_str() : "?", tty_ ? "" : "\n");
            std::fflush(stderr);
            return;
        }
        const char* what = e.kind == K::PhaseStart  ? "started"
                           : e.kind == K::PhaseDone ? "done"
                                                    : "already done";
        if (e.kind == K::PhaseStart) {
            std::fprintf(stderr, "%s[%d/%d] %-11s %s\n", tty_ ? "\r\033[K" : "", e.index, e.phases,
                         e.phase.c_str(), what);
        } else {
            std::fprintf(stderr, "%s[%d/%d] %-11s %s in %s: %s\n", tty_ ? "\r\033[K" : "", e.index, e.phases,
                         e.phase.c_str(), what, cli::formatDuration(e.seconds, true).c_str(),
                         e.detail.c_str());
        }
        std::fflush(stderr);
        last_ = now - std::chrono::seconds(10);
    }

private:
    bool tty_ = isatty(fileno(stderr)) != 0;
    std::chrono::steady_clock::time_point last_{};
};

int runDemoRun(const DemoRunCliOptions& o) {
    demo::DemoRunOptions ro;
    ro.out_dir = o.out;
    ro.seed = o.seed;
    ro.threads = o.threads;
    if (!o.judge_noise.empty()) {
        synthetic::NoiseConfig noise;
        char comma = 0;
        std::istringstream in(o.judge_noise);
        if (!(in >> noise.flipShare >> comma >> noise.tieShare) || comma != ',' || !(in >> std::ws).eof() ||
            noise.flipShare < 0 || noise.tieShare < 0 || noise.flipShare + noise.tieShare > 1)
            throw BadInput("--judge-noise '" + o.judge_noise +
                           "': expected FLIP,TIE shares in [0, 1] summing to at most 1, e.g. 0.2,0.1");
        ro.judge_noise = noise;
    }
    try {
        ro.settings = demo::demoSettingsFor(demo::demoScaleFromName(o.scale));
    } catch (const std::invalid_argument& e) {
        throw BadInput(e.what());
    }
    auto printer = std::make_shared<PhasePrinter>();
    ro.on_event = [printer](const demo::DemoEvent& e) { (*printer)(e); };
    CancelToken cancel;
    ro.cancel = &cancel;
    std::fprintf(stderr, "STLLaVA-Med demo (scale %s, seed %llu) in %s\n", o.scale.c_str(),
                 static_cast<unsigned long long>(o.seed), o.out.c_str());
    demo::DemoResult r;
    {
        cli::InterruptScope interrupt(cancel);
        try {
            r = demo::runDemo(ro);
        } catch (const InputError& e) {
            throw BadInput(e.what());
        }
    }
    if (r.cancelled) {
        std::fprintf(stderr,
                     "\ninterrupted: what is done is kept in %s; run the same command again to resume\n",
                     o.out.c_str());
        return exit_code::kCancelled;
    }
    std::printf("\n%s\n", demo::comparisonTable(r.comparisons).c_str());
    std::printf("this run took %s; HTML report: %s\n", cli::formatDuration(r.seconds, true).c_str(),
                r.report_html.c_str());
    return exit_code::kOk;
}

CommandRun addDemoRun(CLI::App& demo) {
    auto o = std::make_shared<DemoRunCliOptions>();
    CLI::App* c = demo.add_subcommand(
        "run",
        "Run the whole pipeline on the synthetic world: tokenizer, tiny LLaVA trained from scratch (stage "
        "1), "
        "evaluation, stage-2 self-training with the oracle judge, DPO, evaluation, report (docs/demo.md)");
    c->add_option("--out", o->out, "Output folder (a rerun resumes it)")->capture_default_str();
    c->add_option("--scale", o->scale, "small (minutes) or default (the measured demo)")
        ->check(CLI::IsMember({"tiny", "small", "default"}))
        ->capture_default_str();  // tiny: the CI demo (a few steps per phase), not shown in the help
    c->add_option("--seed", o->seed, "Seed of the world, the initial weights and training")
        ->capture_default_str();
    c->add_option("--judge-noise", o->judge_noise,
                  "FLIP,TIE: the oracle judge swaps the scores of a FLIP share of the pairs and ties a TIE "
                  "share, as a real judge errs (e.g. 0.2,0.1); default: the clean oracle");
    auto chosen = std::make_shared<bool>(false);
    c->callback([chosen] { *chosen = true; });
    return [o, chosen]() { return *chosen ? runDemoRun(*o) : exit_code::kUsage; };
}

const bool registered = registerDemoPart({"run", 20, &addDemoRun});

}  // namespace
}  // namespace stllava
