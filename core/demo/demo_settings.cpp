#include "demo/demo_settings.h"

#include <stdexcept>

namespace stllava::demo {

const char* demoScaleName(DemoScale s) {
    switch (s) {
        case DemoScale::Tiny:
            return "tiny";
        case DemoScale::Small:
            return "small";
        case DemoScale::Default:
            return "default";
    }
    return "default";
}

DemoScale demoScaleFromName(const std::string& n) {
    if (n == "tiny") return DemoScale::Tiny;
    if (n == "small") return DemoScale::Small;
    if (n == "default") return DemoScale::Default;
    throw std::invalid_argument("demo scale '" + n + "': expected tiny, small or default");
}

DemoSettings demoSettingsFor(DemoScale s) {
    DemoSettings d;
    d.scale = s;
    if (s == DemoScale::Default) {
        // The default world's 1,800 conversations carry enough text for 1,000 pieces (fewer tokens
        // per answer than 400) and a wider decoder; one epoch left the model at chance (docs/demo.md).
        d.model.vocab = 1000;
        d.model.text_hidden = 128;
        d.model.text_intermediate = 344;
        d.sft_epochs = 5;
        return d;
    }
    d.world_scale = "small";
    if (s == DemoScale::Tiny) {
        d.sft_epochs = 1;
        d.sft_max_steps = 6;
        d.sft_batch = 8;
        d.pool_images = 6;
        d.questions = 2;
        d.describe_tokens = 16;
        d.question_tokens = 12;
        d.answer_tokens = 12;
        d.dpo_max_steps = 3;
        d.dpo_batch = 4;
        d.eval_tokens = 12;
    } else {
        d.sft_epochs = 30;  // 48 conversations: 180 steps of 8
        d.pool_images = 0;  // the small world's 24
    }
    return d;
}

}  // namespace stllava::demo
