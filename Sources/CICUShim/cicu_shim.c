#include "cicu_shim.h"
#include <stdlib.h>
#include <string.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>
#include <unicode/unorm2.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

_Static_assert(sizeof(UChar) == sizeof(uint16_t), "UChar must be 16-bit");
_Static_assert(sizeof(UErrorCode) == sizeof(int32_t), "UErrorCode size");
_Static_assert(U_BUFFER_OVERFLOW_ERROR == CICU_BUFFER_OVERFLOW_ERROR, "status mismatch");

#define EC(p) ((UErrorCode *)(p))
#define STACK_UNITS 1024

const char *cicu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }
void cicu_version(uint8_t out[4]) { UVersionInfo v; u_getVersion(v); memcpy(out, v, 4); }

/// A UTF-16 scratch buffer: on the stack when small, on the heap otherwise.
typedef struct { UChar *p; int32_t len; int32_t cap; UChar stack[STACK_UNITS]; } ubuf;

static void ubuf_init(ubuf *b) { b->p = b->stack; b->len = 0; b->cap = STACK_UNITS; }
static void ubuf_free(ubuf *b) { if (b->p != b->stack) free(b->p); }
static int ubuf_reserve(ubuf *b, int32_t cap) {
    if (cap <= b->cap) return 1;
    UChar *n = (UChar *)malloc((size_t)cap * sizeof(UChar));
    if (!n) return 0;
    if (b->p != b->stack) free(b->p);
    b->p = n; b->cap = cap;
    return 1;
}

static int from_utf8(ubuf *b, const uint8_t *src, int32_t len, UErrorCode *st) {
    if (!ubuf_reserve(b, len + 1)) { *st = U_MEMORY_ALLOCATION_ERROR; return 0; }
    u_strFromUTF8WithSub(b->p, b->cap, &b->len, (const char *)src, len, 0xFFFD, NULL, st);
    return U_SUCCESS(*st);
}

static int normalize_into(const UNormalizer2 *n, const ubuf *in, ubuf *out, UErrorCode *st) {
    int32_t cap = in->len * 3 + 16;
    if (!ubuf_reserve(out, cap)) { *st = U_MEMORY_ALLOCATION_ERROR; return 0; }
    out->len = unorm2_normalize(n, in->p, in->len, out->p, out->cap, st);
    return U_SUCCESS(*st);
}

static int32_t to_utf8(const ubuf *b, uint8_t *dst, int32_t cap, UErrorCode *st) {
    int32_t out = 0;
    u_strToUTF8WithSub((char *)dst, cap, &out, b->p, b->len, 0xFFFD, NULL, st);
    return out;
}

int32_t cicu_nfc_quick_check_utf8(const uint8_t *src, int32_t len, int32_t *status) {
    const UNormalizer2 *nfc = unorm2_getNFCInstance(EC(status));
    if (U_FAILURE(*EC(status))) return 0;
    ubuf b; ubuf_init(&b);
    int32_t yes = 0;
    if (from_utf8(&b, src, len, EC(status))) {
        int32_t span = unorm2_spanQuickCheckYes(nfc, b.p, b.len, EC(status));
        yes = U_SUCCESS(*EC(status)) && span == b.len;
    }
    ubuf_free(&b);
    return yes;
}

int32_t cicu_nfc_utf8(const uint8_t *src, int32_t len, uint8_t *dst, int32_t cap, int32_t *status) {
    const UNormalizer2 *nfc = unorm2_getNFCInstance(EC(status));
    if (U_FAILURE(*EC(status))) return 0;
    ubuf in, out; ubuf_init(&in); ubuf_init(&out);
    int32_t n = 0;
    if (from_utf8(&in, src, len, EC(status)) && normalize_into(nfc, &in, &out, EC(status)))
        n = to_utf8(&out, dst, cap, EC(status));
    ubuf_free(&in); ubuf_free(&out);
    return n;
}

int32_t cicu_match_key_utf8(const uint8_t *src, int32_t len, uint8_t *dst, int32_t cap, int32_t *status) {
    UErrorCode *st = EC(status);
    const UNormalizer2 *fold = unorm2_getNFKCCasefoldInstance(st);
    const UNormalizer2 *nfd = unorm2_getNFDInstance(st);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(st);
    if (U_FAILURE(*st)) return 0;
    ubuf a, b; ubuf_init(&a); ubuf_init(&b);
    int32_t n = 0;
    if (from_utf8(&a, src, len, st) && normalize_into(fold, &a, &b, st) && normalize_into(nfd, &b, &a, st)) {
        // Drop non-spacing marks in place.
        int32_t w = 0;
        for (int32_t i = 0; i < a.len;) {
            UChar32 c; int32_t start = i;
            U16_NEXT(a.p, i, a.len, c);
            if (u_charType(c) == U_NON_SPACING_MARK) continue;
            for (int32_t k = start; k < i; k++) a.p[w++] = a.p[k];
        }
        a.len = w;
        if (normalize_into(nfc, &a, &b, st)) n = to_utf8(&b, dst, cap, st);
    }
    ubuf_free(&a); ubuf_free(&b);
    return n;
}

int32_t cicu_nfc_is_inert(uint32_t c) {
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    if (U_FAILURE(st)) return 0;
    return unorm2_isInert(nfc, (UChar32)c) ? 1 : 0;
}

int32_t cicu_is_letter(uint32_t c) { return u_isalpha((UChar32)c) ? 1 : 0; }
int32_t cicu_is_mark(uint32_t c) { return (U_GET_GC_MASK((UChar32)c) & U_GC_M_MASK) ? 1 : 0; }
int32_t cicu_is_upper(uint32_t c) {
    int8_t t = u_charType((UChar32)c);
    return (t == U_UPPERCASE_LETTER || t == U_TITLECASE_LETTER) ? 1 : 0;
}
int32_t cicu_is_digit(uint32_t c) { return u_isdigit((UChar32)c) ? 1 : 0; }

void cicu_fill_bmp_properties(uint8_t *table) {
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    for (UChar32 c = 0; c < 0x10000; c++) {
        uint32_t gc = U_GET_GC_MASK(c);
        uint8_t b = 0;
        if (gc & U_GC_L_MASK) b |= 1;
        if (gc & U_GC_M_MASK) b |= 2;
        if (gc & U_GC_ND_MASK) b |= 4;
        if (gc & (U_GC_LU_MASK | U_GC_LT_MASK)) b |= 8;
        if (!U_FAILURE(st) && unorm2_isInert(nfc, c)) b |= 16;
        table[c] = b;
    }
}
