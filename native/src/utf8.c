/* utf8.c - UTF-8 decoding and the code point properties chronicle uses. */
#include "utf8.h"

uint32_t chr_utf8_next(const unsigned char *s, size_t len, size_t *adv)
{
    *adv = 1;
    if (len == 0)
        return CHR_CP_INVALID;
    unsigned c = s[0];
    if (c < 0x80)
        return c;
    size_t n;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; min = 0x10000; }
    else return CHR_CP_INVALID;
    if (len < n)
        return CHR_CP_INVALID;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return CHR_CP_INVALID;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return CHR_CP_INVALID;
    *adv = n;
    return cp;
}

size_t chr_utf8_put(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

uint32_t chr_cp_lower(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp < 0xC0) return cp;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
    if (cp >= 0x100 && cp <= 0x17F) {
        /* Latin Extended-A alternates upper/lower, with two shifted runs */
        if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
            return (cp & 1) ? cp + 1 : cp;
        if (cp == 0x130 || cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x17F)
            return cp;
        return (cp & 1) ? cp : cp + 1;
    }
    if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
    return cp;
}

uint32_t chr_cp_upper(uint32_t cp)
{
    if (cp >= 'a' && cp <= 'z') return cp - 32;
    if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return cp - 32;
    if (cp >= 0x100 && cp <= 0x17F && chr_cp_lower(cp) == cp) {
        uint32_t up = ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
                          ? cp - 1 : cp - 1;
        if (chr_cp_lower(up) == cp && up != cp) return up;
        return cp;
    }
    if (cp >= 0x430 && cp <= 0x44F) return cp - 32;
    if (cp >= 0x450 && cp <= 0x45F) return cp - 80;
    return cp;
}

int chr_cp_is_cyr(uint32_t cp) { return cp >= 0x400 && cp <= 0x4FF; }

int chr_cp_is_lat(uint32_t cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

int chr_cp_is_letter(uint32_t cp)
{
    if (cp == CHR_CP_INVALID) return 0;
    if (chr_cp_is_lat(cp) || chr_cp_is_cyr(cp)) return 1;
    if (cp >= 0x370 && cp <= 0x3FF) return cp != 0x37E && cp != 0x387; /* Greek */
    return cp >= 0x500 && cp <= 0x52F;                                /* Cyrillic Supplement */
}

int chr_cp_is_upper(uint32_t cp)
{
    return chr_cp_is_letter(cp) && chr_cp_lower(cp) != cp;
}

int chr_cp_is_digit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

int chr_cp_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x3000 ||
           cp == 0xFEFF;
}

int chr_cp_is_dash(uint32_t cp)
{
    return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

void chr_utf8_fold(const char *s, size_t n, char *out)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        size_t adv;
        uint32_t cp = chr_utf8_next(u + i, n - i, &adv);
        if (cp == CHR_CP_INVALID || cp < 0x80) {
            out[i] = (char)(cp == CHR_CP_INVALID ? u[i] : (char)chr_cp_lower(cp));
            i++;
            continue;
        }
        uint32_t lo = chr_cp_lower(cp);
        if (lo == 0x451) lo = 0x435;   /* ё -> е */
        char tmp[4];
        size_t k = chr_utf8_put(lo, tmp);
        if (k == adv) {
            for (size_t j = 0; j < k; j++) out[i + j] = tmp[j];
        } else {
            for (size_t j = 0; j < adv; j++) out[i + j] = s[i + j];
        }
        i += adv;
    }
}

void chr_utf8_capitalize(const char *s, size_t n, char *out)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t adv;
    for (size_t j = 0; j < n; j++) out[j] = s[j];
    if (n == 0) return;
    uint32_t cp = chr_utf8_next(u, n, &adv);
    if (cp == CHR_CP_INVALID) return;
    char tmp[4];
    size_t k = chr_utf8_put(chr_cp_upper(cp), tmp);
    if (k == adv)
        for (size_t j = 0; j < k; j++) out[j] = tmp[j];
}
