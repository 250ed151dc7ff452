// `stllava doctor`: what this machine gives the program, measured.
#include "command_registry.h"
#include "exit_codes.h"

#include "diagnostics/doctor_report.h"
#include "diagnostics/torch_probe.h"
#ifdef STLLAVA_HAVE_DICOM
#include "diagnostics/dicom_probe.h"
#endif
#ifdef STLLAVA_HAVE_RASTER_PROBE
#include "diagnostics/raster_probe.h"
#endif
#ifdef STLLAVA_HAVE_QT
#include "diagnostics/qt_probe.h"
#endif

#include <unistd.h>

#include <iostream>

namespace {

struct DoctorOptions {
    bool json = false;
    bool quick = false;
    std::string disk = ".";
};

stllava::CommandRun addDoctor(CLI::App& app) {
    auto opts = std::make_shared<DoctorOptions>();
    CLI::App* cmd = app.add_subcommand("doctor", "Check the stack (libtorch, BLAS speed, tokenizer, DICOM, PNG/JPEG, OpenCV, Qt, memory, disk)");
    cmd->add_flag("--json", opts->json, "Print the report as JSON");
    cmd->add_flag("--quick", opts->quick, "Smaller matmul measurement (256 instead of 1024)");
    cmd->add_option("--disk", opts->disk, "Folder whose free space to report")->capture_default_str();
    return [opts]() {
        stllava::DoctorReport report;
        report.facts["stllava"]["version"] = STLLAVA_VERSION;
        stllava::probeTorch(report, opts->quick);
        stllava::probeTokenizer(report);
#ifdef STLLAVA_HAVE_DICOM
        stllava::probeDicom(report);
#else
        report.add({"dicom", "support", "not built (STLLAVA_WITH_DICOM=OFF)", stllava::CheckStatus::Info, ""});
#endif
#ifdef STLLAVA_HAVE_RASTER_PROBE
        stllava::probeRasterCodecs(report);  // libpng, libjpeg and (where built) OpenCV
#else
        report.add({"images", "support", "not built (libpng/libjpeg not found)", stllava::CheckStatus::Info, ""});
#endif
#ifdef STLLAVA_HAVE_QT
        stllava::probeQt(report);
#else
        report.add({"qt", "support", "not built (STLLAVA_WITH_QT=OFF)", stllava::CheckStatus::Info, ""});
#endif
        stllava::probeSystem(report, opts->disk);
        if (opts->json) std::cout << report.toJson().dump(2) << "\n";
        else std::cout << report.toTable(::isatty(STDOUT_FILENO) != 0);
        return report.hasFailures() ? stllava::exit_code::kFailure : stllava::exit_code::kOk;
    };
}

const bool registered = stllava::registerCommand({"doctor", 90, &addDoctor});

}  // namespace
