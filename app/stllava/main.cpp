// `stllava`: the headless face of STLLaVA-Med Studio. Each subcommand lives in its own cmd_*.cpp.
#include "command_registry.h"
#include "exit_codes.h"

#include "diagnostics/torch_probe.h"
#include "nn/threads.h"

#include <csignal>
#include <iostream>
#include <map>

int main(int argc, char** argv) {
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
