// `stllava dicom info|render|deid`: look at a medical image, render it under a window, export
// de-identified copies. Bad input files exit with code 3 (exit_codes.h).
#include "command_registry.h"
#include "exit_codes.h"

#include "imaging/deidentify.h"
#include "imaging/image_loader.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

namespace {
namespace fs = std::filesystem;
using stllava::BadInput;

struct DicomOptions {
    std::string file;
    bool json = false;
    int frame = 1;  // 1-based on the command line
    std::string out;
    std::string window;  // "C,W"
    std::string preset;
    std::string automatic;  // minmax | percentile
    int fileWindow = 0;     // 1-based; 0 = default
    bool invert = false;
    std::vector<std::string> inputs;
    bool png = false;
};

stllava::ImageData load(const std::string& path, int frame) {
    stllava::LoadOptions opt;
    opt.frame = frame - 1;
    try {
        return stllava::loadImageData(path, opt);
    } catch (const std::runtime_error& e) {
        throw BadInput(e.what());
    }
}

nlohmann::json windowJson(const stllava::Window& w) {
    return {{"center", w.center}, {"width", w.width}, {"explanation", w.explanation}};
}

int runInfo(const DicomOptions& o) {
    const stllava::ImageData img = load(o.file, o.frame);
    const auto& t = img.tags;
    nlohmann::json j;
    j["file"] = o.file;
    j["source"] = img.source == stllava::ImageSource::Dicom ? "dicom" : "raster";
    j["width"] = img.width;
    j["height"] = img.height;
    j["channels"] = img.channels;
    j["frames"] = img.frameCount;
    j["frame"] = img.frame;
    j["bits"] = img.bits;
    const auto [mn, mx] = std::minmax_element(img.values.begin(), img.values.end());
    j["value_range"] = {*mn, *mx};
    j["default_window"] = windowJson(stllava::defaultWindow(img));
    if (img.source == stllava::ImageSource::Dicom) {
        j["transfer_syntax"] = {{"uid", t.transferSyntaxUid}, {"name", t.transferSyntaxName}};
        j["photometric"] = t.photometric;
        j["monochrome1_inverted"] = img.monochrome1;
        j["bits_allocated"] = t.bitsAllocated;
        j["bits_stored"] = t.bitsStored;
        j["signed"] = t.pixelRepresentation == 1;
        j["rescale"] = {{"slope", t.rescaleSlope}, {"intercept", t.rescaleIntercept}, {"type", t.rescaleType},
                        {"modality_lut", t.hasModalityLut}};
        j["tags"] = {{"modality", t.modality}, {"body_part", t.bodyPart}, {"study_description", t.studyDescription},
                     {"series_description", t.seriesDescription}, {"patient_name", t.patientName},
                     {"patient_id", t.patientId}, {"study_date", t.studyDate}, {"series_date", t.seriesDate},
                     {"manufacturer", t.manufacturer}, {"institution", t.institution}, {"image_type", t.imageType},
                     {"burned_in_annotation", t.burnedInAnnotation}, {"sop_class_uid", t.sopClassUid},
                     {"study_uid", t.studyUid}, {"series_uid", t.seriesUid}, {"sop_instance_uid", t.sopInstanceUid},
                     {"instance_number", t.instanceNumber}};
        j["windows"] = nlohmann::json::array();
        for (const auto& w : img.fileWindows) j["windows"].push_back(windowJson(w));
        j["voi_function"] = img.voiFunction == stllava::VoiFunction::Linear        ? "LINEAR"
                            : img.voiFunction == stllava::VoiFunction::LinearExact ? "LINEAR_EXACT"
                                                                                   : "SIGMOID";
        j["voi_luts"] = nlohmann::json::array();
        for (const auto& l : img.voiLuts)
            j["voi_luts"].push_back({{"entries", l.data.size()}, {"first_mapped", l.firstMapped}, {"bits", l.bits},
                                     {"explanation", l.explanation}});
        j["pixel_spacing_mm"] = {img.pixelSpacingRow, img.pixelSpacingCol};
        j["burned_in_text_risk"] = stllava::burnedInTextRisk(t);
    }
    if (o.json) {
        std::cout << j.dump(2) << "\n";
        return stllava::exit_code::kOk;
    }
    std::cout << "file            " << o.file << "\n"
              << "type            " << j["source"].get<std::string>() << ", " << img.width << "x" << img.height << ", "
              << img.channels << " channel(s), " << img.bits << " bits, frame " << img.frame + 1 << " of "
              << img.frameCount << "\n"
              << "value range     " << *mn << " .. " << *mx << "\n";
    if (img.source == stllava::ImageSource::Dicom) {
        std::cout << "transfer syntax " << t.transferSyntaxName << " (" << t.transferSyntaxUid << ")\n"
                  << "photometric     " << t.photometric << (img.monochrome1 ? " (displayed inverted)" : "") << "\n"
                  << "modality        " << t.modality << (t.bodyPart.empty() ? "" : ", " + t.bodyPart) << "\n"
                  << "study           " << t.studyDescription << " " << t.studyDate << "\n"
                  << "series          " << t.seriesDescription << " " << t.seriesDate << "\n"
                  << "patient         " << t.patientName << " (" << t.patientId << ")\n"
                  << "rescale         slope " << t.rescaleSlope << ", intercept " << t.rescaleIntercept
                  << (t.hasModalityLut ? " (Modality LUT used)" : "") << "\n";
        if (img.pixelSpacingRow > 0)
            std::cout << "pixel spacing   " << img.pixelSpacingRow << " x " << img.pixelSpacingCol << " mm\n";
        for (std::size_t i = 0; i < img.fileWindows.size(); ++i)
            std::cout << "window " << i + 1 << "        C " << img.fileWindows[i].center << " W " << img.fileWindows[i].width
                      << (img.fileWindows[i].explanation.empty() ? "" : " (" + img.fileWindows[i].explanation + ")") << "\n";
        for (std::size_t i = 0; i < img.voiLuts.size(); ++i)
            std::cout << "VOI LUT " << i + 1 << "       " << img.voiLuts[i].data.size() << " entries from "
                      << img.voiLuts[i].firstMapped << " (" << img.voiLuts[i].explanation << ")\n";
        const auto risks = stllava::burnedInTextRisk(t);
        for (const auto& r : risks) std::cout << "burned-in risk  " << r << "\n";
        if (risks.empty()) std::cout << "burned-in risk  none known\n";
    }
    const auto w = stllava::defaultWindow(img);
    std::cout << "default window  C " << w.center << " W " << w.width << " (" << w.explanation << ")\n";
    return stllava::exit_code::kOk;
}

int runRender(const DicomOptions& o) {
    const stllava::ImageData img = load(o.file, o.frame);
    stllava::DisplayOptions d;
    d.invert = o.invert;
    using Mode = stllava::DisplayOptions::Mode;
    if (!o.window.empty()) {
        std::istringstream in(o.window);
        char comma = 0;
        if (!(in >> d.window.center >> comma >> d.window.width) || comma != ',' || d.window.width <= 0)
            throw std::invalid_argument("--window expects CENTER,WIDTH with WIDTH > 0, got '" + o.window + "'");
        d.mode = Mode::Explicit;
    } else if (!o.preset.empty()) {
        const auto p = stllava::presetWindow(o.preset);
        if (!p) throw std::invalid_argument("unknown preset '" + o.preset + "'");
        d.mode = Mode::Explicit;
        d.window = *p;
    } else if (o.automatic == "minmax") {
        d.mode = Mode::MinMax;
    } else if (o.automatic == "percentile") {
        d.mode = Mode::Percentile;
    } else if (o.fileWindow > 0) {
        d.mode = Mode::FileWindow;
        d.index = o.fileWindow - 1;
    }
    const stllava::RgbImage rgb = stllava::renderDisplay(img, d);
    stllava::writePixelsPng(rgb, o.out);
    std::cerr << "wrote " << o.out << " (" << rgb.width << "x" << rgb.height << ")\n";
    return stllava::exit_code::kOk;
}

// Every file under the inputs (folders recursively), paired with its path relative to the output folder.
std::vector<std::pair<fs::path, fs::path>> collect(const std::vector<std::string>& inputs) {
    std::vector<std::pair<fs::path, fs::path>> files;
    for (const auto& in : inputs) {
        const fs::path p(in);
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
                 it != end; it.increment(ec)) {
                if (ec) break;
                if (it->is_regular_file(ec)) files.emplace_back(it->path(), p.filename() / fs::relative(it->path(), p, ec));
            }
        } else if (fs::is_regular_file(p, ec)) {
            files.emplace_back(p, p.filename());
        } else {
            throw BadInput(in + ": no such file or folder");
        }
    }
    return files;
}

int runDeid(const DicomOptions& o) {
    const auto files = collect(o.inputs);
    stllava::DeidSession session;
    std::set<fs::path> written;
    int ok = 0, bad = 0, skipped = 0;
    for (const auto& [src, rel] : files) {
        if (!stllava::looksLikeDicom(src.string())) {
            ++skipped;
            continue;
        }
        fs::path dst = fs::path(o.out) / rel;
        if (o.png) dst.replace_extension(".png");
        for (int k = 2; written.count(dst); ++k) dst.replace_filename(rel.stem().string() + "_" + std::to_string(k) + dst.extension().string());
        try {
            if (o.png) {
                const stllava::ImageData img = stllava::loadImageData(src.string());
                for (const auto& r : stllava::burnedInTextRisk(img.tags))
                    std::cerr << "warning: " << src.string() << ": burned-in text risk: " << r << "\n";
                fs::create_directories(dst.parent_path());
                stllava::writePixelsPng(stllava::renderDisplay(img), dst.string());
            } else {
                // Objects without pixels (reports, plans) are de-identified too; images get the risk check.
                try {
                    const stllava::ImageData img = stllava::loadImageData(src.string());
                    for (const auto& r : stllava::burnedInTextRisk(img.tags))
                        std::cerr << "warning: " << src.string() << ": burned-in text risk: " << r << "\n";
                } catch (const std::runtime_error& e) {
                    std::cerr << "note: " << e.what() << " (metadata de-identified anyway)\n";
                }
                session.deidentifyFile(src.string(), dst.string());
            }
            written.insert(dst);
            ++ok;
        } catch (const std::exception& e) {
            std::cerr << "error: " << e.what() << "\n";
            ++bad;
        }
    }
    std::cerr << "de-identified " << ok << " file(s) into " << o.out << (o.png ? " as pixels-only PNG" : "") << "; "
              << bad << " failed; " << skipped << " non-DICOM file(s) skipped; " << session.uidCount()
              << " UID(s) replaced\n";
    if (bad > 0) return stllava::exit_code::kBadInput;
    if (ok == 0) throw BadInput("no DICOM files among the inputs");
    return stllava::exit_code::kOk;
}

stllava::CommandRun addDicom(CLI::App& app) {
    auto o = std::make_shared<DicomOptions>();
    auto which = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand("dicom", "Inspect, render and de-identify medical images (DICOM, PNG, JPEG, TIFF, BMP)");
    cmd->require_subcommand(1);

    CLI::App* info = cmd->add_subcommand("info", "Key tags, windows, transfer syntax and burned-in text risk of an image");
    info->add_option("FILE", o->file, "Image file")->required();
    info->add_flag("--json", o->json, "Print JSON");
    info->add_option("--frame", o->frame, "Frame of a multi-frame file (1-based)")->check(CLI::PositiveNumber);
    info->callback([which] { *which = "info"; });

    CLI::App* render = cmd->add_subcommand("render", "Write the image as PNG under a window");
    render->add_option("FILE", o->file, "Image file")->required();
    render->add_option("-o,--output", o->out, "Output PNG")->required();
    auto* win = render->add_option("--window", o->window, "Window CENTER,WIDTH in modality units (e.g. HU)");
    auto* pre = render->add_option("--preset", o->preset, "brain, lung, mediastinum, soft-tissue, bone, abdomen, liver");
    auto* aut = render->add_option("--auto", o->automatic, "Automatic window")->check(CLI::IsMember({"minmax", "percentile"}));
    auto* fw = render->add_option("--file-window", o->fileWindow, "Use the file's N-th window (1-based)")->check(CLI::PositiveNumber);
    win->excludes(pre)->excludes(aut)->excludes(fw);
    pre->excludes(aut)->excludes(fw);
    aut->excludes(fw);
    render->add_option("--frame", o->frame, "Frame of a multi-frame file (1-based)")->check(CLI::PositiveNumber);
    render->add_flag("--invert", o->invert, "Invert the grey levels");
    render->callback([which] { *which = "render"; });

    CLI::App* deid = cmd->add_subcommand("deid", "De-identified copies (PS3.15 Annex E basic profile) of DICOM files or folders");
    deid->add_option("INPUT", o->inputs, "DICOM files or folders (recursive)")->required();
    deid->add_option("-o,--output", o->out, "Output folder")->required();
    deid->add_flag("--png", o->png, "Write pixels-only PNG (default window) instead of DICOM");
    deid->callback([which] { *which = "deid"; });

    return [o, which]() {
        try {
            if (*which == "info") return runInfo(*o);
            if (*which == "render") return runRender(*o);
            if (*which == "deid") return runDeid(*o);
        } catch (const std::invalid_argument& e) {
            std::cerr << "stllava dicom: " << e.what() << "\n";
            return stllava::exit_code::kUsage;
        }
        return stllava::exit_code::kUsage;
    };
}

const bool registered = stllava::registerCommand({"dicom", 30, &addDicom});

}  // namespace
