// Crash-safe file writes: write to a temporary file beside the target, fsync, rename over the
// target, fsync the folder. A reader sees either the old file or the new one, never a torn one.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace stllava {

// Writes `size` bytes at `data` to `path` atomically. Throws std::runtime_error naming the path.
void writeFileAtomic(const std::string& path, const void* data, std::size_t size);
void writeFileAtomic(const std::string& path, const std::string& contents);

// Streams into a temporary file through `fill(fd)`; on success renames it over `path`.
// `fill` writes with writeAll(); if it throws, the temporary file is removed and `path` is untouched.
void writeFileAtomicStreamed(const std::string& path, const std::function<void(int fd)>& fill);

// write(2) until all bytes are written; throws on error (names `what`).
void writeAll(int fd, const void* data, std::size_t size, const std::string& what);

// Reads a whole file; throws std::runtime_error naming the path when it cannot.
std::string readFile(const std::string& path);

}  // namespace stllava
