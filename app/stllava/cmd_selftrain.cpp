// `stllava selftrain generate|judge|pairs`: the parent command; each part registers itself
// through cmd_selftrain.h.
#include "cmd_selftrain.h"

#include "exit_codes.h"

#include <algorithm>
#include <map>
#include <memory>

namespace stllava {
namespace {

std::vector<SelftrainPart>& parts() {
    static std::vector<SelftrainPart> all;
    return all;
}

CommandRun addSelftrain(CLI::App& app) {
    CLI::App* cmd = app.add_subcommand(
        "selftrain",
        "Stage 2: the model asks and answers on unlabeled images, an expert judge scores, pairs come out");
    cmd->require_subcommand(1);
    auto runs = std::make_shared<std::map<CLI::App*, CommandRun>>();
    auto& all = parts();
    std::sort(all.begin(), all.end(),
              [](const SelftrainPart& a, const SelftrainPart& b) { return a.order < b.order; });
    for (const auto& part : all) {
        CommandRun run = part.add(*cmd);
        (*runs)[cmd->get_subcommand(part.name)] = std::move(run);
    }
    return [cmd, runs]() {
        for (CLI::App* sub : cmd->get_subcommands()) {
            const auto it = runs->find(sub);
            if (it != runs->end() && it->second) return it->second();
        }
        return exit_code::kUsage;
    };
}

const bool registered = registerCommand({"selftrain", 35, &addSelftrain});

}  // namespace

bool registerSelftrainPart(SelftrainPart part) {
    parts().push_back(std::move(part));
    return true;
}

}  // namespace stllava
