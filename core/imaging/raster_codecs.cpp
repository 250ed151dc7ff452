#include "imaging/raster_codecs.h"

#include <opencv2/core.hpp>
#include <opencv2/core/version.hpp>
#include <opencv2/imgcodecs.hpp>

namespace stllava {

void probeRasterCodecs(DoctorReport& report) {
    report.facts["opencv"]["version"] = CV_VERSION;
    report.add({"opencv", "OpenCV version", CV_VERSION, CheckStatus::Ok, ""});
    const cv::Mat probe(64, 64, CV_8UC3, cv::Scalar(10, 20, 30));
    for (const char* ext : {".png", ".jpg", ".tiff", ".bmp", ".webp"}) {
        bool ok = false;
        try {
            std::vector<uchar> buf;
            ok = cv::imencode(ext, probe, buf) && !cv::imdecode(buf, cv::IMREAD_UNCHANGED).empty();
        } catch (const cv::Exception&) {
            ok = false;
        }
        report.facts["opencv"]["codecs"][ext + 1] = ok;
        const bool required = std::string(ext) == ".png" || std::string(ext) == ".jpg" || std::string(ext) == ".tiff" ||
                              std::string(ext) == ".bmp";
        report.add({"opencv", std::string("codec ") + (ext + 1), ok ? "encode+decode ok" : "unavailable",
                    ok ? CheckStatus::Ok : (required ? CheckStatus::Fail : CheckStatus::Info), ""});
    }
}

}  // namespace stllava
