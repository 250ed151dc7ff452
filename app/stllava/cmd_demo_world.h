// `stllava demo world`: writes the synthetic medical VQA world (core/synthetic/world.h).
#pragma once

#include "command_registry.h"

namespace stllava {

// Adds the "world" subcommand under `demo` (cmd_demo.h) and returns its run function.
CommandRun addDemoWorld(CLI::App& demo);

}  // namespace stllava
