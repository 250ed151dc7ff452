// Exit codes of `stllava`, the same for every subcommand (listed in `stllava --help`).
#pragma once

namespace stllava::exit_code {
constexpr int kOk = 0;
constexpr int kFailure = 1;     // the work failed (an error message says why), or doctor found a FAIL
constexpr int kUsage = 2;       // bad command line: unknown option, missing argument, bad value
constexpr int kBadInput = 3;    // an input file is missing, unreadable or malformed
constexpr int kCancelled = 4;   // stopped by the user (Ctrl-C) before finishing
constexpr int kInternal = 70;   // a bug: an unexpected exception
}  // namespace stllava::exit_code
