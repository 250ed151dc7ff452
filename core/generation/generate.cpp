// generate(): one set of sampling settings for a list of prompts, on the engine (engine.h). Prompt
// i samples from stream i, so its tokens are the same whichever batch it runs in.
#include "generation/generate.h"

#include "generation/engine.h"

#include <stdexcept>

namespace stllava {

std::vector<GenerationResult> generate(model::LlavaForCausalLM& model, const Tokenizer* tokenizer,
                                       const std::vector<GenerationRequest>& requests,
                                       const GenerateOptions& options, const TokenCallback& on_token) {
    options.sampling.validate();
    if (!tokenizer && !options.sampling.stop_strings.empty())
        throw std::invalid_argument("generate: stop strings need a tokenizer");
    if (options.max_batch < 1) throw std::invalid_argument("generate: max_batch must be >= 1");
    std::vector<SequenceRequest> seqs(requests.size());
    for (std::size_t i = 0; i < requests.size(); ++i) {
        if (requests[i].input_ids.empty())
            throw std::invalid_argument("generate: prompt " + std::to_string(i) + " is empty");
        seqs[i].input_ids = requests[i].input_ids;
        seqs[i].pixel_values = requests[i].pixel_values;
        seqs[i].sampling = options.sampling;
        seqs[i].stream_id = i;
    }
    EngineOptions eo;
    eo.max_batch = options.max_batch;
    eo.eos_id = options.eos_id;
    eo.penalty_includes_prompt = options.penalty_includes_prompt;
    eo.cancel = options.cancel;
    return runEngine(model, tokenizer, seqs, eo, on_token);
}

}  // namespace stllava
