// `stllava demo world`: writes the synthetic medical VQA world (core/synthetic/world.h).
#pragma once

#include "command_registry.h"

namespace stllava {

// Adds the "world" subcommand under `demo` and returns its run function. The `demo` command itself is
// registered in cmd_demo_world.cpp until the demo pipeline's own file takes it over (then it calls this).
CommandRun addDemoWorld(CLI::App& demo);

}  // namespace stllava
