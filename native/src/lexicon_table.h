/* lexicon_table.h - the layout of the generated lexicon tables. */
#ifndef CHR_LEXICON_TABLE_H
#define CHR_LEXICON_TABLE_H

#include <stddef.h>
#include <stdint.h>
#include "lexicon_ids.h"

typedef struct chr_lex_table {
    const char *const *keys;
    const unsigned short *key_len;
    const char *const *payloads;
    const unsigned *slots;      /* entry index + 1, 0 = empty */
    size_t n;
    size_t mask;                /* slot count - 1 (a power of two minus one) */
} chr_lex_table;

extern const chr_lex_table chr_lex_tables[CHR_LEX_COUNT];

/* The word lexicons of the organisations and places stage merged into one
   table by lexgen (geo_hash.h says which, and how it is hashed). */
#include "geo_hash.h"

typedef struct chr_geo_entry {
    const char *key;            /* a folded key, or the head of a multi-word one */
    uint32_t len;
    uint8_t prefix;             /* the head of a longer multi-word key */
    const char *pay[CHR_GEO_LEXICONS];  /* payload per lexicon, NULL when absent */
} chr_geo_entry;

typedef struct chr_geo_table {
    const chr_geo_entry *ents;
    const uint32_t *slots;      /* entry index + 1, 0 = empty; chr_geo_hash */
    uint32_t n_ents, mask;
    const uint8_t (*gate)[CHR_GEO_GATE_BYTES];    /* [CHR_GEO_GATE_LEVELS]: entities */
    const uint8_t (*dgate)[CHR_GEO_GATE_BYTES];   /* the same for the others */
} chr_geo_table;

extern const chr_geo_table chr_geo_tables;

uint32_t fnv1a(const char *s, size_t n);

#endif
