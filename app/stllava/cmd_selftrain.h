// `stllava selftrain`: stage-2 self-training. Its parts (generate, judge, pairs) live in their own
// cmd_selftrain_*.cpp files and register here, so that each is built only with the modules it
// needs (generate: the model core; judge: the Qt judge client; pairs: plain C++):
//   static const bool registered = stllava::registerSelftrainPart({"pairs", 30, &addPairs});
#pragma once

#include "command_registry.h"

#include <functional>
#include <string>
#include <vector>

namespace stllava {

struct SelftrainPart {
    std::string name;
    int order;  // position in `stllava selftrain --help`
    std::function<CommandRun(CLI::App& selftrain)> add;
};

bool registerSelftrainPart(SelftrainPart part);

}  // namespace stllava
