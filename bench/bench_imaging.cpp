// Images per second for decode + window + CLIP preprocess on CT-sized DICOM files (512x512, 16-bit
// (12 bits stored), rescale to HU, a soft-tissue window), generated here with DCMTK; then the same work by
// /usr/bin/python3 + pydicom + numpy + PIL (bench/imaging_reference.py) for the ratio.
// Usage: bench_imaging [N=100] [--threads T=1] [--dir DIR] [--no-python]. Prints JSON lines. libtorch runs
// with T threads. --dir: write the files into DIR and keep them (bench/run_all.sh runs the Python
// reference on them as its own process, for its own peak RSS); --no-python: no reference here.
#include "imaging/image_loader.h"
#include "vision_input/clip_preprocess.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include <unistd.h>

namespace fs = std::filesystem;

static void writeCt(const std::string& path, int index, std::mt19937& rng) {
    const int n = 512;
    std::vector<Uint16> px(static_cast<std::size_t>(n) * n);
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            const double r = std::hypot(x - 256.0, y - 256.0);
            int hu = r < 200 ? 40 + static_cast<int>(rng() % 60) - 30 : -1000;  // body and air
            if (r < 40 + index % 20) hu = 700;                                     // bone-like disc
            px[static_cast<std::size_t>(y) * n + x] = static_cast<Uint16>(hu + 1024);  // stored = HU + 1024
        }
    char uid[100];
    DcmFileFormat file;
    DcmDataset* ds = file.getDataset();
    ds->putAndInsertString(DCM_SOPClassUID, UID_CTImageStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT));
    ds->putAndInsertString(DCM_Modality, "CT");
    ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
    ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds->putAndInsertUint16(DCM_Rows, n);
    ds->putAndInsertUint16(DCM_Columns, n);
    ds->putAndInsertUint16(DCM_BitsAllocated, 16);
    ds->putAndInsertUint16(DCM_BitsStored, 12);
    ds->putAndInsertUint16(DCM_HighBit, 11);
    ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
    ds->putAndInsertString(DCM_RescaleIntercept, "-1024");
    ds->putAndInsertString(DCM_RescaleSlope, "1");
    ds->putAndInsertString(DCM_WindowCenter, "40\\-600");
    ds->putAndInsertString(DCM_WindowWidth, "400\\1500");
    ds->putAndInsertString(DCM_InstanceNumber, std::to_string(index + 1).c_str());
    ds->putAndInsertUint16Array(DCM_PixelData, px.data(), static_cast<unsigned long>(px.size()));
    if (file.saveFile(path.c_str(), EXS_LittleEndianExplicit).bad()) throw std::runtime_error("cannot write " + path);
}

int main(int argc, char** argv) {
    int n = 100, threads = 1;
    bool python = true;
    std::string keep_dir;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--threads" && i + 1 < argc) threads = std::atoi(argv[++i]);
        else if (a == "--dir" && i + 1 < argc) keep_dir = argv[++i];
        else if (a == "--no-python") python = false;
        else if (std::atoi(argv[i]) > 0) n = std::atoi(argv[i]);
        else {
            std::fprintf(stderr, "usage: bench_imaging [N] [--threads T] [--dir DIR] [--no-python]\n");
            return 2;
        }
    }
    torch::set_num_threads(threads);
    const fs::path dir = keep_dir.empty() ? fs::temp_directory_path() / ("bench_imaging_" + std::to_string(::getpid()))
                                          : fs::path(keep_dir);
    fs::create_directories(dir);
    std::mt19937 rng(1);
    std::vector<std::string> files;
    for (int i = 0; i < n; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "ct%04d.dcm", i);
        files.push_back((dir / name).string());
        writeCt(files.back(), i, rng);
    }
    torch::NoGradGuard noGrad;
    (void)stllava::clipPreprocess(stllava::loadDisplayImage(files[0]));  // warm-up (codec registration, allocator)
    using clock = std::chrono::steady_clock;
    double tDec = 0, tWin = 0, tPre = 0, checksum = 0;
    const auto start = clock::now();
    for (const auto& f : files) {
        const auto t0 = clock::now();
        const stllava::ImageData img = stllava::loadImageData(f);
        const auto t1 = clock::now();
        const stllava::RgbImage rgb = stllava::renderDisplay(img);
        const auto t2 = clock::now();
        const torch::Tensor x = stllava::clipPreprocess(rgb);  // [3, 336, 336]
        const auto t3 = clock::now();
        checksum += x[0][168][168].item<double>();
        tDec += std::chrono::duration<double>(t1 - t0).count();
        tWin += std::chrono::duration<double>(t2 - t1).count();
        tPre += std::chrono::duration<double>(t3 - t2).count();
    }
    const double seconds = std::chrono::duration<double>(clock::now() - start).count();
    const double ours = n / seconds;
    std::printf("{\"benchmark\": \"bench_imaging\", \"implementation\": \"stllava C++ (DCMTK + libtorch)\", \"images\": %d, "
                "\"size\": \"512x512 12-bit CT\", \"torch_threads\": %d, \"seconds\": %.4f, \"images_per_s\": %.2f, "
                "\"ms_decode\": %.3f, \"ms_window\": %.3f, \"ms_preprocess\": %.3f, \"checksum\": %.4f}\n",
                n, threads, seconds, ours, 1000 * tDec / n, 1000 * tWin / n, 1000 * tPre / n, checksum);
    std::fflush(stdout);

    const std::string script = std::string(STLLAVA_SOURCE_DIR) + "/bench/imaging_reference.py";
    if (python && fs::exists("/usr/bin/python3") && fs::exists(script)) {
        const std::string cmd = "/usr/bin/python3 " + script + " " + dir.string();
        if (FILE* p = ::popen(cmd.c_str(), "r")) {
            char line[2048] = {0};
            std::string out;
            while (std::fgets(line, sizeof line, p)) out += line;
            const int rc = ::pclose(p);
            if (rc == 0 && !out.empty()) {
                std::printf("%s", out.c_str());
                const auto at = out.find("\"images_per_s\": ");
                if (at != std::string::npos) {
                    const double ref = std::atof(out.c_str() + at + 16);
                    if (ref > 0) std::printf("{\"benchmark\": \"bench_imaging\", \"ratio_cpp_over_python\": %.2f}\n", ours / ref);
                }
            } else {
                std::printf("{\"benchmark\": \"bench_imaging\", \"reference\": \"python reference failed (rc %d)\"}\n", rc);
            }
        }
    }
    std::error_code ec;
    if (keep_dir.empty()) fs::remove_all(dir, ec);
    return 0;
}
