// `stllava demo`: the synthetic demo. Its parts (world, run) live in their own cmd_demo_*.cpp files
// and register here, so that each is built only with the modules it needs (world: core/synthetic;
// run: the model core, training and evaluation):
//   static const bool registered = stllava::registerDemoPart({"run", 20, &addDemoRun});
#pragma once

#include "command_registry.h"

#include <functional>
#include <string>

namespace stllava {

struct DemoPart {
    std::string name;
    int order;  // position in `stllava demo --help`
    std::function<CommandRun(CLI::App& demo)> add;
};

bool registerDemoPart(DemoPart part);

}  // namespace stllava
