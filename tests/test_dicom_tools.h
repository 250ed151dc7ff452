// Test helper: DICOM files made by DCMTK's own command-line tools (img2dcm, dcmodify, dcmconv,
// dcmcjpeg, dcmcjpls, dcmcrle), run with QProcess. Header-only, shared by the imaging test suites.
#pragma once

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtTest>

#include <cstdint>
#include <vector>

namespace dicomtest {

// Runs a DCMTK tool from /usr/bin (or PATH); fails the current test with its output when it fails.
inline bool runTool(const QString& tool, const QStringList& args, QString* output = nullptr) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    const QString exe = QFile::exists("/usr/bin/" + tool) ? "/usr/bin/" + tool : tool;
    p.start(exe, args);
    if (!p.waitForFinished(60000)) {
        qWarning("%s did not finish", qPrintable(tool));
        return false;
    }
    const QString out = QString::fromLocal8Bit(p.readAll());
    if (output) *output = out;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("%s %s failed: %s", qPrintable(tool), qPrintable(args.join(' ')), qPrintable(out));
        return false;
    }
    return true;
}

// An uncompressed 8-bit BMP (grey: palette of 256 greys; colour: 24-bit BGR), bottom-up rows.
inline bool writeBmp(const QString& path, int w, int h, const std::vector<std::uint8_t>& px, bool colour) {
    const int bpp = colour ? 24 : 8;
    const int stride = ((w * bpp / 8) + 3) & ~3;
    const int palette = colour ? 0 : 1024;
    const std::uint32_t offset = 14 + 40 + palette, size = offset + static_cast<std::uint32_t>(stride) * h;
    QByteArray b;
    auto u16 = [&](std::uint16_t v) { b.append(char(v & 0xFF)); b.append(char(v >> 8)); };
    auto u32 = [&](std::uint32_t v) { for (int i = 0; i < 4; ++i) b.append(char((v >> (8 * i)) & 0xFF)); };
    b.append("BM");
    u32(size); u32(0); u32(offset);
    u32(40); u32(static_cast<std::uint32_t>(w)); u32(static_cast<std::uint32_t>(h)); u16(1); u16(static_cast<std::uint16_t>(bpp));
    u32(0); u32(static_cast<std::uint32_t>(stride) * h); u32(2835); u32(2835); u32(colour ? 0 : 256); u32(0);
    if (!colour) for (int i = 0; i < 256; ++i) { b.append(char(i)); b.append(char(i)); b.append(char(i)); b.append('\0'); }
    for (int y = h - 1; y >= 0; --y) {
        QByteArray row(stride, '\0');
        for (int x = 0; x < w; ++x) {
            if (colour) {
                const std::size_t i = (static_cast<std::size_t>(y) * w + x) * 3;
                row[3 * x] = char(px[i + 2]); row[3 * x + 1] = char(px[i + 1]); row[3 * x + 2] = char(px[i]);
            } else {
                row[x] = char(px[static_cast<std::size_t>(y) * w + x]);
            }
        }
        b.append(row);
    }
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(b) == b.size();
}

// 8-bit MONOCHROME2 (or RGB) secondary capture DICOM from pixels, through img2dcm.
inline bool makeDicom8(const QString& dir, const QString& name, int w, int h, const std::vector<std::uint8_t>& px,
                       bool colour = false) {
    const QString bmp = dir + "/" + name + ".bmp";
    return writeBmp(bmp, w, h, px, colour) && runTool("img2dcm", {"-i", "BMP", bmp, dir + "/" + name});
}

// A 16-bit monochrome DICOM holding `stored` (little-endian), made from an 8-bit one with dcmodify.
// `extra` are further dcmodify arguments (e.g. {"-i", "(0028,1052)=-1024"}).
inline bool makeDicom16(const QString& dir, const QString& name, int w, int h, const std::vector<std::int16_t>& stored,
                        int bitsStored, bool isSigned, const QStringList& extra = {}) {
    std::vector<std::uint8_t> zeros(static_cast<std::size_t>(w) * h, 0);
    if (!makeDicom8(dir, name, w, h, zeros)) return false;
    const QString raw = dir + "/" + name + ".raw";
    QFile f(raw);
    if (!f.open(QIODevice::WriteOnly)) return false;
    for (std::int16_t v : stored) { const auto u = static_cast<std::uint16_t>(v); f.putChar(char(u & 0xFF)); f.putChar(char(u >> 8)); }
    f.close();
    QStringList args{"-nb", "-m", "(0028,0100)=16", "-m", QString("(0028,0101)=%1").arg(bitsStored),
                     "-m", QString("(0028,0102)=%1").arg(bitsStored - 1), "-m", QString("(0028,0103)=%1").arg(isSigned ? 1 : 0),
                     "-mf", "(7fe0,0010)=" + raw};
    args << extra << dir + "/" + name;
    return runTool("dcmodify", args);
}

}  // namespace dicomtest
