// What a report was made from: file sizes and SHA-256 checksums, a model folder's files, UTC time.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace stllava::eval {

// {"path", "bytes", "sha256"}; throws InputError when the file cannot be read.
nlohmann::json fileDigest(const std::string& path);

// {"path", "files": [{"name", "bytes", "sha256"}]} for the regular files directly in `dir`
// (config, tokenizer, weights). Weight files (.safetensors, .bin, .pt) are hashed only when
// `hash_weights` is set (checksumming a 14 GB checkpoint takes a while); otherwise their size is given.
nlohmann::json modelDigest(const std::string& dir, bool hash_weights);

// "2026-11-29T06:10:00Z"
std::string utcNow();

}  // namespace stllava::eval
