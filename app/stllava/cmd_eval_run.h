// `stllava eval run`: a model over a benchmark (built only with the model core; see commands.cmake).
#pragma once

#include "command_registry.h"

namespace stllava {

// Adds the "run" subcommand under `eval` and returns its run function.
CommandRun addEvalRun(CLI::App& eval);

}  // namespace stllava
