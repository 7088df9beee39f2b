#ifndef CICU_SHIM_H
#define CICU_SHIM_H
// Opaque, ICU-header-free facade over the system ICU (libicu-dev).
//
// Swift must never see <unicode/*.h>: Foundation on Linux carries its own ICU as the
// clang module _FoundationICU, and a Swift file that sees both fails to compile. This
// header uses only <stdint.h> types; every ICU include lives in cicu_shim.c. Compiling
// the shim against ICU's macro names also keeps Swift free of the version suffix (_72).
//
// All functions here are thread-safe: they use only ICU's immutable normalizer
// singletons and stack or heap scratch buffers of their own.
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU status: > 0 is a failure, <= 0 success (negative values are warnings).
#define CICU_OK 0
#define CICU_BUFFER_OVERFLOW_ERROR 15

/// The name of an ICU status code, e.g. "U_BUFFER_OVERFLOW_ERROR".
const char *cicu_error_name(int32_t status);
/// The runtime ICU version, major.minor.milli.micro.
void cicu_version(uint8_t out[4]);

/// 1 when UTF-8 `src` is certainly in NFC (ICU quick check "yes"), else 0.
int32_t cicu_nfc_quick_check_utf8(const uint8_t *src, int32_t len, int32_t *status);

/// Writes the NFC form of UTF-8 `src` to `dst` and returns its length in bytes.
/// When `cap` is too small, returns the needed length with CICU_BUFFER_OVERFLOW_ERROR.
int32_t cicu_nfc_utf8(const uint8_t *src, int32_t len, uint8_t *dst, int32_t cap, int32_t *status);

/// Writes the lexicon match key of UTF-8 `src`: NFKC case folding, then accents
/// (non-spacing marks after NFD) removed, then NFC. Same return convention as above.
int32_t cicu_match_key_utf8(const uint8_t *src, int32_t len, uint8_t *dst, int32_t cap, int32_t *status);

/// 1 when NFC never changes text around this code point (ICU unorm2_isInert), else 0.
int32_t cicu_nfc_is_inert(uint32_t c);

/// General category of a code point is a letter (L*): 1, else 0.
int32_t cicu_is_letter(uint32_t c);
/// General category of a code point is a combining mark (M*): 1, else 0.
int32_t cicu_is_mark(uint32_t c);
/// Upper-case letter (Lu or Lt): 1, else 0.
int32_t cicu_is_upper(uint32_t c);
/// Decimal digit (Nd): 1, else 0.
int32_t cicu_is_digit(uint32_t c);
/// Fills table[0..<0x10000] with the bits of every BMP code point as the four functions above
/// and cicu_nfc_is_inert give them: 1 letter, 2 mark, 4 digit, 8 upper, 16 NFC-inert (one
/// general-category lookup and one inertness test a code point, in one call).
void cicu_fill_bmp_properties(uint8_t *table);

#ifdef __cplusplus
}
#endif
#endif
