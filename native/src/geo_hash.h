/* geo_hash.h - what the organisations and places index shares with the
   build-time generator (native/tools/lexgen.c), which compiles the index
   into lexicon_data.c so that no document pays for building it: the merged
   lexicons, the hash of its table and the letter-prefix gates.  Plain C,
   no library types: lexgen includes it too. */
#ifndef CHR_GEO_HASH_H
#define CHR_GEO_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The lexicons geo.c reads word by word, in the order of geo_index.h's
   GL_* values; the first CHR_GEO_ENTITY_LEXICONS name places and
   organisations and feed the entity gate, the others the descriptor gate. */
#define CHR_GEO_LEXICON_NAMES                                                        \
    {"countries", "regions", "cities", "organizations", "org_descriptors",          \
     "geo_place_nouns", "geo_place_titles"}
#define CHR_GEO_LEXICONS 7
#define CHR_GEO_ENTITY_LEXICONS 4

/* Gate bitmaps: [w - 2] holds the first w letters (w = 2 .. 6) of every
   key.  About 8% of the bits are set: the descriptors need far fewer than
   names. */
#define CHR_GEO_GATE_BYTES 4096
#define CHR_GEO_GATE_MAX_W 6
#define CHR_GEO_GATE_LEVELS (CHR_GEO_GATE_MAX_W - 1)
#define CHR_GEO_GATE_MASK (CHR_GEO_GATE_BYTES * 8 - 1)
#define CHR_GEO_DGATE_MASK 4095

/* Eight bytes at a time, the last (or only) word loaded so that it ends at
   the key's end: no loop over a tail, whose length is unpredictable. */
static inline uint32_t chr_geo_hash(const char *s, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n, v;
    if (n >= 8) {
        const char *end = s + n;
        while (end - s > 8) {
            memcpy(&v, s, 8);
            h = (h ^ v) * 0xFF51AFD7ED558CCDull;
            h ^= h >> 29;
            s += 8;
        }
        memcpy(&v, end - 8, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        v = (uint64_t)a << 32 | b;
    } else if (n > 0) {
        v = (uint64_t)(unsigned char)s[0] << 16 | (uint64_t)(unsigned char)s[n >> 1] << 8 |
            (unsigned char)s[n - 1];
    } else {
        v = 0;
    }
    h = (h ^ v) * 0xC4CEB9FE1A85EC53ull;
    return (uint32_t)(h ^ (h >> 32));
}

/* Bytes of the first `want` code points of s; *got receives how many there
   were. */
static inline size_t chr_geo_prefix_bytes(const char *s, size_t n, int want, int *got)
{
    size_t k = 0;
    int letters = 0;
    while (k < n && letters < want) {
        k++;
        while (k < n && ((unsigned char)s[k] & 0xC0) == 0x80)
            k++;
        letters++;
    }
    if (got)
        *got = letters;
    return k;
}

/* 32 bits from the first k bytes (at most sixteen): a multiply or two, the
   gates run per token. */
static inline uint32_t chr_geo_gate_hash(const char *s, size_t k)
{
    uint64_t v = 0, v2 = 0;
    for (size_t i = 0; i < k && i < 8; i++)
        v |= (uint64_t)(unsigned char)s[i] << (8 * i);
    for (size_t i = 8; i < k && i < 16; i++)
        v2 |= (uint64_t)(unsigned char)s[i] << (8 * (i - 8));
    return (uint32_t)((v * 0x9E3779B97F4A7C15ull ^ v2 * 0xC2B2AE3D27D4EB4Full) >> 32);
}

/* Sets key s's bits in gate g. */
static inline void chr_geo_gate_set(uint8_t g[CHR_GEO_GATE_LEVELS][CHR_GEO_GATE_BYTES],
                                    uint32_t mask, const char *s, size_t n)
{
    for (int w = 2; w <= CHR_GEO_GATE_MAX_W; w++) {
        uint32_t b = chr_geo_gate_hash(s, chr_geo_prefix_bytes(s, n, w, NULL)) & mask;
        g[w - 2][b >> 3] |= (uint8_t)(1u << (b & 7));
    }
}

#endif
