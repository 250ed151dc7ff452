#include "quant/quant_format.h"

#include <stdexcept>

namespace stllava::quant {

const char* formatName(Format format) {
    switch (format) {
        case Format::Int8:
            return "int8";
        case Format::Q4:
            return "q4";
        case Format::None:
            break;
    }
    return "none";
}

Format parseFormat(const std::string& name) {
    if (name.empty() || name == "none") return Format::None;
    if (name == "int8") return Format::Int8;
    if (name == "q4") return Format::Q4;
    throw std::invalid_argument("quant '" + name + "': expected none, int8 or q4");
}

}  // namespace stllava::quant
