// Helpers every subcommand shares: Ctrl-C bound to a CancelToken, durations for progress lines,
// the --dtype/--device/--adapter options that open a model, and opening it with a progress line.
#pragma once

#include "common/cancel_token.h"

#include <CLI/CLI.hpp>

#include <string>

#ifdef STLLAVA_HAVE_PIPELINE
#include <memory>
#include "pipeline/llava_session.h"
#include "pipeline/model_source.h"
#endif

namespace stllava::cli {

// While alive, the first Ctrl-C sets `token` (the work stops at its next step and keeps what it
// has); a second one ends the process at once. The previous handler comes back on destruction.
class InterruptScope {
public:
    explicit InterruptScope(CancelToken& token);
    ~InterruptScope();
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;

private:
    void (*previous_)(int) = nullptr;
};

// "1:02:03" (h:mm:ss), or "2m05s" with `compact`.
std::string formatDuration(double seconds, bool compact = false);

#ifdef STLLAVA_HAVE_PIPELINE
// --vision-tower, --adapter, --adapter-mode, --dtype, --device, --template on `cmd`, into `source`.
void addModelOptions(CLI::App& cmd, pipeline::ModelSource& source, bool with_template = true);
// --quant none|int8|q4 (ModelSource::quant), for the commands that only run the model.
void addQuantOption(CLI::App& cmd, pipeline::ModelSource& source);
// Opens the session, printing "loading DIR ..." and the stages to stderr when `verbose`.
std::shared_ptr<pipeline::LlavaSession> openSession(const pipeline::ModelSource& source, bool verbose);
#endif

}  // namespace stllava::cli
