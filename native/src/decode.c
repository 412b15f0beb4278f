/* decode.c - the input bytes -> UTF-8 (doc->utf8) with a map back to them.

   UTF-8 (with or without a BOM) is the common case and costs a copy: the map
   stays the identity plus the BOM's length.  UTF-16 (BOM, or BOM-less when
   its NUL bytes give it away), Windows-1251 and KOI8-R are converted with a
   per-byte map.  Nothing here fails on content: invalid UTF-8 is kept byte
   for byte (with one warning) and NUL bytes become spaces. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* 0x80..0xFF of the two single-byte Cyrillic encodings, from the Unicode
   consortium's mapping tables (0x98 is unassigned in Windows-1251). */
static const uint16_t cp1251_high[128] = {
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
    0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
    0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
    0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
    0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
    0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
    0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
    0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
    0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
    0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
    0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
    0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
    0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
    0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
};

static const uint16_t koi8r_high[128] = {
    0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524,
    0x252C, 0x2534, 0x253C, 0x2580, 0x2584, 0x2588, 0x258C, 0x2590,
    0x2591, 0x2592, 0x2593, 0x2320, 0x25A0, 0x2219, 0x221A, 0x2248,
    0x2264, 0x2265, 0x00A0, 0x2321, 0x00B0, 0x00B2, 0x00B7, 0x00F7,
    0x2550, 0x2551, 0x2552, 0x0451, 0x2553, 0x2554, 0x2555, 0x2556,
    0x2557, 0x2558, 0x2559, 0x255A, 0x255B, 0x255C, 0x255D, 0x255E,
    0x255F, 0x2560, 0x2561, 0x0401, 0x2562, 0x2563, 0x2564, 0x2565,
    0x2566, 0x2567, 0x2568, 0x2569, 0x256A, 0x256B, 0x256C, 0x00A9,
    0x044E, 0x0430, 0x0431, 0x0446, 0x0434, 0x0435, 0x0444, 0x0433,
    0x0445, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E,
    0x043F, 0x044F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0436, 0x0432,
    0x044C, 0x044B, 0x0437, 0x0448, 0x044D, 0x0449, 0x0447, 0x044A,
    0x042E, 0x0410, 0x0411, 0x0426, 0x0414, 0x0415, 0x0424, 0x0413,
    0x0425, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E,
    0x041F, 0x042F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0416, 0x0412,
    0x042C, 0x042B, 0x0417, 0x0428, 0x042D, 0x0429, 0x0427, 0x042A,
};

typedef enum { ENC_UTF8, ENC_UTF16LE, ENC_UTF16BE, ENC_CP1251, ENC_KOI8R } encoding;

#define SNIFF_BYTES 65536u

typedef struct utf8_scan {
    uint32_t bad;           /* invalid bytes */
    uint32_t first_bad;
    uint32_t multi;         /* valid multi-byte characters */
} utf8_scan;

#define LANES(b) (0x0101010101010101ull * (b))

/* Eight bytes that hold only ASCII and well-formed two-byte sequences (all
   of Russian) are checked at once; *carry says that the previous word ended
   with a lead byte.  Returns the number of two-byte sequences started, or -1
   when the word needs the byte-wise path. */
static int word_utf8(uint64_t w, int *carry)
{
    uint64_t hi = w & LANES(0x80);
    if (!hi && !*carry)
        return 0;
    uint64_t b6 = (w << 1) & LANES(0x80), b5 = (w << 2) & LANES(0x80);
    uint64_t cont = hi & ~b6, lead = hi & b6;
    if (lead & b5)
        return -1;                          /* three- or four-byte sequence */
    uint64_t over = w & LANES(0x1E);        /* C0 and C1 are overlong leads */
    if (lead & ((over - LANES(0x01)) & ~over & LANES(0x80)))
        return -1;
    if (cont != ((lead << 8) | (*carry ? 0x80u : 0u)))
        return -1;
    *carry = (lead >> 63) != 0;
    return (int)(((lead >> 7) * LANES(1)) >> 56);     /* bytes of 0/1 summed */
}

static void scan_utf8(const unsigned char *s, uint32_t n, utf8_scan *r)
{
    memset(r, 0, sizeof *r);
    uint32_t i = 0;
    while (i < n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        int carry = 0;
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            int k = word_utf8(w, &carry);
            if (k < 0)
                break;
            r->multi += (uint32_t)k;
            i += 8;
        }
        if (carry) {
            /* resume at the lead byte the last word ended with */
            i--;
            r->multi--;
        }
#endif
        /* byte-wise for a stretch, then back to whole words */
        uint32_t stop = n - i > 16 ? i + 16 : n;
        while (i < stop) {
            if (s[i] < 0x80) {
                i++;
                continue;
            }
            size_t adv;
            if (chr_utf8_next(s + i, n - i, &adv) == CHR_CP_INVALID) {
                if (r->bad++ == 0)
                    r->first_bad = i;
            } else {
                r->multi++;
            }
            i += (uint32_t)adv;
        }
    }
}

/* BOM-less UTF-16 is only believed when NUL bytes sit on one side of the
   code units and hardly ever on the other (ASCII and Cyrillic both have a
   high byte of 0x00 or 0x04). */
static encoding sniff_utf16(const unsigned char *s, uint32_t n)
{
    uint32_t m = n < SNIFF_BYTES ? n : SNIFF_BYTES;
    uint32_t pairs = m / 2, z_even = 0, z_odd = 0, hi_even = 0, hi_odd = 0;
    if (pairs < 2)
        return ENC_UTF8;
    for (uint32_t i = 0; i + 1 < m; i += 2) {
        z_even += s[i] == 0;
        z_odd += s[i + 1] == 0;
        hi_even += s[i] == 0 || s[i] == 4;
        hi_odd += s[i + 1] == 0 || s[i + 1] == 4;
    }
    if (z_odd * 10 >= pairs && z_even * 20 <= z_odd && hi_odd * 10 >= pairs * 9)
        return ENC_UTF16LE;
    if (z_even * 10 >= pairs && z_odd * 20 <= z_even && hi_even * 10 >= pairs * 9)
        return ENC_UTF16BE;
    return ENC_UTF8;
}

/* Russian text is mostly lower case, and the two encodings keep lower-case
   letters in opposite halves of 0xC0..0xFF; the commonest vowels (о е а и)
   settle close calls. */
static encoding cp1251_or_koi8(const unsigned char *s, uint32_t n)
{
    static const unsigned char cp_vowels[] = {0xEE, 0xE5, 0xE0, 0xE8};
    static const unsigned char koi_vowels[] = {0xCF, 0xC5, 0xC1, 0xC9};
    uint64_t cp = 0, koi = 0;
    for (uint32_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c < 0xC0)
            continue;
        if (c >= 0xE0) cp += 1; else koi += 1;
        for (int k = 0; k < 4; k++) {
            if (c == cp_vowels[k]) cp += 4;
            if (c == koi_vowels[k]) koi += 4;
        }
    }
    return koi > cp ? ENC_KOI8R : ENC_CP1251;
}

static int alloc_text(chr_document *doc, uint64_t len, int with_map)
{
    if (len >= UINT32_MAX) {
        doc->status = CHR_ERR_TOO_LARGE;
        return -1;
    }
    chr_text *t = &doc->utf8;
    t->s = malloc((size_t)len + 1);
    if (t->s && with_map) {
        t->map_start = malloc((size_t)(len ? len : 1) * sizeof *t->map_start);
        t->map_end = t->map_start ? malloc((size_t)(len ? len : 1) * sizeof *t->map_end) : NULL;
    }
    if (!t->s || (with_map && !t->map_end)) {
        free(t->s);
        free(t->map_start);
        t->s = NULL;
        t->map_start = NULL;
        doc->status = CHR_ERR_NOMEM;
        return -1;
    }
    t->len = (uint32_t)len;
    t->s[len] = '\0';
    return 0;
}

static int decode_utf8(chr_document *doc, uint32_t bom)
{
    const unsigned char *in = doc->in + bom;
    uint32_t n = doc->in_len - bom;
    if (doc->opt.nul_terminated && !memchr(in, 0, n)) {
        /* Already what the stages read: UTF-8 ending in a NUL.  Reading it
           in place saves a copy of the whole input, the largest single
           allocation after the tokens.  No stage writes to the text. */
        doc->utf8.s = (char *)(uintptr_t)in;
        doc->utf8.len = n;
        doc->utf8.shift = bom;
        doc->utf8_borrowed = 1;
        return 0;
    }
    if (alloc_text(doc, n, 0) < 0)
        return -1;
    doc->utf8.shift = bom;
    memcpy(doc->utf8.s, in, n);
    uint32_t nuls = 0;
    char *end = doc->utf8.s + n;
    for (char *p = doc->utf8.s; p < end && (p = memchr(p, 0, (size_t)(end - p))) != NULL; p++) {
        *p = ' ';
        nuls++;
    }
    if (nuls)
        chr_warn(doc, "%u NUL bytes read as spaces", nuls);
    return 0;
}

static void put_mapped(chr_text *t, uint32_t *o, uint32_t cp, uint32_t from, uint32_t to)
{
    char buf[4];
    size_t k = chr_utf8_put(cp, buf);
    for (size_t j = 0; j < k; j++) {
        t->s[*o] = buf[j];
        t->map_start[*o] = from;
        t->map_end[*o] = to;
        (*o)++;
    }
}

static size_t cp_len(uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

static int decode_single(chr_document *doc, encoding enc)
{
    const uint16_t *high = enc == ENC_KOI8R ? koi8r_high : cp1251_high;
    const unsigned char *in = doc->in;
    uint64_t len = 0;
    for (uint32_t i = 0; i < doc->in_len; i++)
        len += in[i] < 0x80 ? 1 : cp_len(high[in[i] - 0x80]);
    if (alloc_text(doc, len, 1) < 0)
        return -1;
    uint32_t o = 0;
    for (uint32_t i = 0; i < doc->in_len; i++) {
        unsigned char c = in[i];
        uint32_t cp = c < 0x80 ? (c ? c : ' ') : high[c - 0x80];
        put_mapped(&doc->utf8, &o, cp, i, i + 1);
    }
    return 0;
}

/* One UTF-16 code point at i: a surrogate pair, or U+FFFD for a lone
   surrogate or a trailing odd byte. */
static uint32_t utf16_at(const unsigned char *s, uint32_t n, uint32_t i, int be, uint32_t *adv)
{
    *adv = 2;
    if (i + 1 >= n) {
        *adv = n - i;
        return 0xFFFD;
    }
    uint32_t u = be ? (uint32_t)s[i] << 8 | s[i + 1] : (uint32_t)s[i + 1] << 8 | s[i];
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
        uint32_t v = be ? (uint32_t)s[i + 2] << 8 | s[i + 3] : (uint32_t)s[i + 3] << 8 | s[i + 2];
        if (v >= 0xDC00 && v <= 0xDFFF) {
            *adv = 4;
            return 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
        }
    }
    if (u >= 0xD800 && u <= 0xDFFF)
        return 0xFFFD;
    return u ? u : ' ';
}

static int decode_utf16(chr_document *doc, uint32_t bom, int be)
{
    const unsigned char *in = doc->in;
    uint32_t n = doc->in_len, adv, bad = 0;
    uint64_t len = 0;
    for (uint32_t i = bom; i < n; i += adv)
        len += cp_len(utf16_at(in, n, i, be, &adv));
    if (alloc_text(doc, len, 1) < 0)
        return -1;
    uint32_t o = 0;
    for (uint32_t i = bom; i < n; i += adv) {
        uint32_t cp = utf16_at(in, n, i, be, &adv);
        bad += cp == 0xFFFD;
        put_mapped(&doc->utf8, &o, cp, i, i + adv);
    }
    if (bad)
        chr_warn(doc, "%u invalid UTF-16 code units replaced", bad);
    return 0;
}

int chr_decode(chr_document *doc)
{
    const unsigned char *in = doc->in;
    uint32_t n = doc->in_len;
    if (n >= 2 && in[0] == 0xFF && in[1] == 0xFE)
        return decode_utf16(doc, 2, 0);
    if (n >= 2 && in[0] == 0xFE && in[1] == 0xFF)
        return decode_utf16(doc, 2, 1);
    /* a UTF-8 BOM settles the encoding: what does not decode is damage */
    uint32_t bom = n >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF ? 3 : 0;
    if (!bom) {
        encoding e = sniff_utf16(in, n);
        if (e != ENC_UTF8)
            return decode_utf16(doc, 0, e == ENC_UTF16BE);
    }
    utf8_scan sc;
    scan_utf8(in + bom, n - bom, &sc);
    if (!bom && sc.bad > sc.multi) {
        /* Text in a single-byte encoding is almost never valid UTF-8 (its
           letters would have to pair up as lead and continuation bytes);
           binary data, full of control bytes, is neither and stays bytes. */
        uint32_t m = n < SNIFF_BYTES ? n : SNIFF_BYTES, ctrl = 0;
        for (uint32_t i = 0; i < m; i++)
            ctrl += in[i] < 0x20 && in[i] != '\n' && in[i] != '\r' && in[i] != '\t' &&
                    in[i] != '\f';
        if (ctrl * 20 < m)
            return decode_single(doc, cp1251_or_koi8(in, n));
        chr_warn(doc, "input looks binary: %u bytes are neither text nor UTF-8", sc.bad);
    }
    if (decode_utf8(doc, bom) < 0)
        return -1;
    if (sc.bad)
        chr_warn(doc, "invalid UTF-8 at byte %u (and %u more)", sc.first_bad + bom, sc.bad - 1);
    return 0;
}
