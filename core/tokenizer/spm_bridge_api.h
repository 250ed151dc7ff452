/* The narrow C interface of libstllava_spm_bridge.so (see CMakeLists.txt for why it exists).
 * Every function catches all exceptions; errors come back as a message in `err`.
 * Size-query convention: functions that fill a buffer return the size they need; when that is
 * larger than the capacity given, nothing useful was written and the caller retries bigger. */
#ifndef STLLAVA_SPM_BRIDGE_API_H
#define STLLAVA_SPM_BRIDGE_API_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define STLLAVA_SPM_BRIDGE_ABI 1

typedef struct stllava_spm stllava_spm;

int stllava_spm_abi_version(void);
const char* stllava_spm_library_version(void);

/* Loads a .model file. Returns NULL and fills err on failure. */
stllava_spm* stllava_spm_load(const char* path, char* err, size_t err_cap);
void stllava_spm_free(stllava_spm* spm);

/* Encodes UTF-8 text. Returns the id count (>= 0) or -1 with err filled. */
long stllava_spm_encode(const stllava_spm* spm, const char* text, size_t len, int32_t* ids, size_t cap,
                        char* err, size_t err_cap);
/* Decodes ids to UTF-8. Returns the byte count, or -1 with err filled (an id out of range). */
long stllava_spm_decode(const stllava_spm* spm, const int32_t* ids, size_t n, char* out, size_t cap,
                        char* err, size_t err_cap);

int32_t stllava_spm_vocab_size(const stllava_spm* spm);
int32_t stllava_spm_bos_id(const stllava_spm* spm);
int32_t stllava_spm_eos_id(const stllava_spm* spm);
int32_t stllava_spm_unk_id(const stllava_spm* spm);
int32_t stllava_spm_pad_id(const stllava_spm* spm);
/* Returns the unk id when the piece is not in the vocabulary. */
int32_t stllava_spm_piece_to_id(const stllava_spm* spm, const char* piece, size_t len);
/* Returns the piece's byte length (see size-query convention) or -1 for an id out of range. */
long stllava_spm_id_to_piece(const stllava_spm* spm, int32_t id, char* out, size_t cap);
/* 1 for a byte-fallback piece (<0xAB>), 2 for control, 3 for unknown, 0 else (normal or user-defined). */
int stllava_spm_piece_kind(const stllava_spm* spm, int32_t id);

/* Trains a model; `args` holds sentencepiece's trainer flags one per line, without dashes
 * ("input=/a b/corpus.txt\nmodel_prefix=/a b/tok\nvocab_size=400"), so paths may hold spaces.
 * `seed` fixes sentencepiece's shuffling so the same corpus gives the same model.
 * Returns 0 on success, -1 with err filled. */
int stllava_spm_train(const char* args, unsigned int seed, char* err, size_t err_cap);

#ifdef __cplusplus
}
#endif
#endif
