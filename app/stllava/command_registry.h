// Subcommands register themselves here from their own file, so main.cpp never changes when one is added:
//   static const bool registered = stllava::registerCommand({"doctor", 10, &addDoctorCommand});
#pragma once

#include "common/input_error.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace stllava {

// A subcommand adds itself to `app` and returns a function to run when it was chosen.
// The run function returns an exit code (exit_codes.h).
using CommandRun = std::function<int()>;
struct CommandSpec {
    std::string name;
    int order;  // position in --help
    std::function<CommandRun(CLI::App& app)> add;
};

bool registerCommand(CommandSpec spec);
std::vector<CommandSpec>& registeredCommands();

// Thrown by a command for bad input files: main maps it to exit_code::kBadInput. The same type
// as core's InputError, so core errors about input need no translation.
using BadInput = InputError;

}  // namespace stllava
