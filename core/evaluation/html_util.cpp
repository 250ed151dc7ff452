#include "evaluation/html_util.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace stllava::eval::html {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string base64(std::string_view bytes) {
    static const char* t = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const auto v = (std::uint32_t(std::uint8_t(bytes[i])) << 16) | (std::uint32_t(std::uint8_t(bytes[i + 1])) << 8) |
                       std::uint8_t(bytes[i + 2]);
        out += t[v >> 18];
        out += t[(v >> 12) & 63];
        out += t[(v >> 6) & 63];
        out += t[v & 63];
    }
    if (i < bytes.size()) {
        auto v = std::uint32_t(std::uint8_t(bytes[i])) << 16;
        if (i + 1 < bytes.size()) v |= std::uint32_t(std::uint8_t(bytes[i + 1])) << 8;
        out += t[v >> 18];
        out += t[(v >> 12) & 63];
        out += i + 1 < bytes.size() ? t[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::string fixed(double value, int digits) {
    if (std::isnan(value)) return "n/a";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, value);
    return buf;
}

std::string barChart(const std::vector<Bar>& bars, const std::string& title) {
    const int label_w = 300, plot_w = 420, row_h = 24, top = 28, right = 60;
    const int height = top + row_h * static_cast<int>(bars.size()) + 24;
    const int width = label_w + plot_w + right;
    auto x = [&](double v) { return label_w + plot_w * std::clamp(v, 0.0, 100.0) / 100.0; };
    std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"" + std::to_string(width) +
                    "\" height=\"" + std::to_string(height) + "\" role=\"img\" aria-label=\"" + escape(title) + "\">";
    s += "<text x=\"4\" y=\"18\" class=\"ct\">" + escape(title) + "</text>";
    for (int t = 0; t <= 100; t += 20) {
        const std::string xs = fixed(x(t), 1);
        s += "<line x1=\"" + xs + "\" y1=\"" + std::to_string(top - 4) + "\" x2=\"" + xs + "\" y2=\"" +
             std::to_string(height - 20) + "\" class=\"grid\"/>";
        s += "<text x=\"" + xs + "\" y=\"" + std::to_string(height - 6) + "\" class=\"tick\">" + std::to_string(t) +
             "</text>";
    }
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& b = bars[i];
        const int y = top + row_h * static_cast<int>(i);
        s += "<text x=\"" + std::to_string(label_w - 6) + "\" y=\"" + std::to_string(y + 16) +
             "\" class=\"bl\">" + escape(b.label) + "</text>";
        s += "<rect x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(y + 4) + "\" width=\"" +
             fixed(x(b.value) - label_w, 1) + "\" height=\"" + std::to_string(row_h - 8) + "\" fill=\"" +
             escape(b.color) + "\"><title>" + escape(b.label) + ": " + fixed(b.value) + "</title></rect>";
        if (b.lo >= 0) {
            const std::string yl = std::to_string(y + row_h / 2);
            s += "<line x1=\"" + fixed(x(b.lo), 1) + "\" y1=\"" + yl + "\" x2=\"" + fixed(x(b.hi), 1) + "\" y2=\"" + yl +
                 "\" class=\"wh\"/>";
            for (const double v : {b.lo, b.hi})
                s += "<line x1=\"" + fixed(x(v), 1) + "\" y1=\"" + std::to_string(y + 7) + "\" x2=\"" + fixed(x(v), 1) +
                     "\" y2=\"" + std::to_string(y + row_h - 7) + "\" class=\"wh\"/>";
        }
        s += "<text x=\"" + fixed(std::max(x(b.value), b.lo >= 0 ? x(b.hi) : 0.0) + 4, 1) + "\" y=\"" +
             std::to_string(y + 16) + "\" class=\"bv\">" + fixed(b.value) + "</text>";
    }
    s += "</svg>";
    return s;
}

std::string pageStart(const std::string& title) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) +
           "</title>\n<style>\n"
           "body{font-family:system-ui,sans-serif;margin:24px;color:#1d1d1f;max-width:1400px}\n"
           "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em}\n"
           "table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ccd;padding:3px 8px;"
           "text-align:left;vertical-align:top}th{background:#eef1f6}\n"
           "td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
           ".hit{background:#e3f4e3}.miss{background:#fbe5e5}.part{background:#fdf6dc}\n"
           ".chart .ct{font-weight:bold;font-size:13px}.chart .bl{text-anchor:end;font-size:12px}"
           ".chart .bv,.chart .tick{font-size:11px}.chart .tick{text-anchor:middle;fill:#666}"
           ".chart .grid{stroke:#e4e4ea}.chart .wh{stroke:#222;stroke-width:1.5}\n"
           "code,.mono{font-family:ui-monospace,monospace;font-size:0.9em}\n"
           ".meta td:first-child{font-weight:bold}\n"
           "img.thumb{max-width:160px;max-height:160px;border:1px solid #ccd}\n"
           "details summary{cursor:pointer}\n"
           "</style></head><body>\n";
}

std::string pageEnd() { return "</body></html>\n"; }

}  // namespace stllava::eval::html
