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
    if (s == DemoScale::Default) return d;
    d.world_scale = "small";
    d.model.vocab = 400;  // the small world's text is too short for a larger sentencepiece vocabulary
    d.model.image_size = 64;
    d.model.vision_hidden = 48;
    d.model.vision_layers = 2;
    d.model.text_hidden = 96;
    d.model.text_intermediate = 256;
    d.model.text_layers = 2;
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
        d.sft_epochs = 30;
        d.sft_batch = 8;
    }
    return d;
}

}  // namespace stllava::demo
