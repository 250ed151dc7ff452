// `stllava`: the headless face of STLLaVA-Med Studio. Each subcommand lives in its own cmd_*.cpp.
#include "command_registry.h"
#include "exit_codes.h"

#include "common/core_dumps.h"
#include "common/openmp_spin.h"
#include "diagnostics/torch_probe.h"
#include "nn/threads.h"

#include <c10/util/Exception.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <map>

namespace {

// The files a subcommand was given (option values that name existing files), to say which input a
// JSON type error came from when the command did not say it.
std::string inputFiles(const CLI::App& sub) {
    std::string files;
    for (const CLI::Option* opt : sub.get_options()) {
        for (const std::string& value : opt->results()) {
            std::error_code ec;
            if (!value.empty() && std::filesystem::is_regular_file(value, ec) &&
                files.find(value) == std::string::npos)
                files += (files.empty() ? "" : ", ") + value;
        }
    }
    for (const CLI::App* nested : sub.get_subcommands()) {  // e.g. `report compare A B`
        const std::string more = inputFiles(*nested);
        if (!more.empty()) files += (files.empty() ? "" : ", ") + more;
    }
    return files;
}

}  // namespace

int main(int argc, char** argv) {
    stllava::restartWithShortOpenMpSpin(argv);  // common/openmp_spin.h: before anything else runs
    // Keys, tokens and patient data never reach a core file (common/core_dumps.h).
    if (const std::string why = stllava::disableCoreDumps(); !why.empty())
        std::cerr << "stllava: warning: core dumps stay on: " << why << "\n";
    CLI::App app{"stllava: STLLaVA-Med Studio from the command line (chat, DICOM, training, evaluation, diagnostics)",
                 "stllava"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string(STLLAVA_VERSION));
    app.footer(
        "Exit codes: 0 success, 1 failure, 2 bad command line, 3 bad input file, 4 cancelled, 70 internal error.\n"
        "Run `stllava COMMAND --help` for a command's options.");

    int threads = 0;
    app.add_option("--threads", threads,
                   "CPU threads for compute (default: $STLLAVA_THREADS, else all cores; $OMP_NUM_THREADS is respected)")
        ->check(CLI::NonNegativeNumber);

    std::map<CLI::App*, stllava::CommandRun> runs;
    for (const auto& spec : stllava::registeredCommands()) {
        stllava::CommandRun run = spec.add(app);
        runs[app.get_subcommand(spec.name)] = std::move(run);
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return stllava::exit_code::kUsage;
    }

    stllava::nn::configureComputeThreads(threads);
    for (CLI::App* sub : app.get_subcommands()) {
        if (sub->get_name() != "doctor") {  // doctor reports it in its table
            if (const std::string warning = stllava::referenceBlasWarning(); !warning.empty())
                std::cerr << warning << "\n";
        }
        const auto it = runs.find(sub);
        if (it == runs.end() || !it->second) continue;
        try {
            return it->second();
        } catch (const stllava::BadInput& e) {
            std::cerr << "stllava " << sub->get_name() << ": " << e.what() << "\n";
            return stllava::exit_code::kBadInput;
        } catch (const nlohmann::json::exception& e) {  // a field of the wrong type in a user's file
            const std::string files = inputFiles(*sub);
            std::cerr << "stllava " << sub->get_name() << ": bad input"
                      << (files.empty() ? "" : " (in " + files + ")") << ": " << e.what() << "\n";
            return stllava::exit_code::kBadInput;
        } catch (const c10::Error& e) {  // libtorch's message, without its C++ backtrace
            std::cerr << "stllava " << sub->get_name() << ": error: " << e.what_without_backtrace() << "\n";
            return stllava::exit_code::kFailure;
        } catch (const std::exception& e) {
            std::cerr << "stllava " << sub->get_name() << ": error: " << e.what() << "\n";
            return stllava::exit_code::kFailure;
        } catch (...) {
            std::cerr << "stllava " << sub->get_name() << ": internal error (unknown exception)\n";
            return stllava::exit_code::kInternal;
        }
    }
    return stllava::exit_code::kUsage;
}
