// Small pieces for self-contained HTML reports: escaping, number formatting and inline SVG charts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stllava::eval::html {

std::string escape(std::string_view text);
// RFC 4648 base64 with padding.
std::string base64(std::string_view bytes);
// "37.12" (fixed, `digits` decimals); "n/a" for NaN.
std::string fixed(double value, int digits = 2);

struct Bar {
    std::string label;
    double value = 0;          // 0..100
    double lo = -1, hi = -1;   // interval whiskers, omitted when lo < 0
    std::string color = "#3b6ea5";
};

// Horizontal bar chart on a 0..100 axis, one row per bar, as an inline <svg>.
std::string barChart(const std::vector<Bar>& bars, const std::string& title);

// The page's <head> with inline CSS and the opening <body>; close with pageEnd().
std::string pageStart(const std::string& title);
std::string pageEnd();

}  // namespace stllava::eval::html
