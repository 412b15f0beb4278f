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

uint32_t fnv1a(const char *s, size_t n);

#endif
