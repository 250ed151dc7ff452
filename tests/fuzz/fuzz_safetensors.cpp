// Fuzz target: a .safetensors file (8-byte header length, JSON tensor table, data) through
// st::File::open and the loading of every tensor it lists, as checkpoints are read.
// Allowed outcome for bad input: std::runtime_error naming the file.
#include "fuzz_support.h"

#include "safetensors/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = stllava::fuzz::writeInput(data, size, "input.safetensors");
    std::shared_ptr<stllava::st::File> file;
    try {
        file = stllava::st::File::open(path);
    } catch (const std::runtime_error& e) {
        stllava::fuzz::requireNamedError(e, path);
        return 0;
    }
    for (const auto& info : file->tensors()) {
        try {
            const torch::Tensor t = file->load(info.name);
            if (t.sizes().vec() != info.shape) stllava::fuzz::finding("tensor '" + info.name + "' loaded with another shape");
            (void)file->load(info.name, torch::kFloat32);
        } catch (const std::runtime_error& e) {
            stllava::fuzz::requireNamedError(e, path);
        }
    }
    return 0;
}
