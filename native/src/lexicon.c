/* lexicon.c - look-ups in the lexicons compiled from native/lexicons. */
#include "lexicon.h"
#include "lexicon_table.h"

#include <string.h>

__attribute__((visibility("hidden"))) uint32_t fnv1a(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

const char *chr_lex_get(chr_lexicon lex, const char *key, size_t len)
{
    if ((unsigned)lex >= CHR_LEX_COUNT || !key)
        return NULL;
    const chr_lex_table *t = &chr_lex_tables[lex];
    if (t->n == 0)
        return NULL;
    size_t s = fnv1a(key, len) & t->mask;
    for (;;) {
        unsigned idx = t->slots[s];
        if (!idx)
            return NULL;
        idx--;
        if (t->key_len[idx] == len && memcmp(t->keys[idx], key, len) == 0)
            return t->payloads[idx];
        s = (s + 1) & t->mask;
    }
}

size_t chr_lex_size(chr_lexicon lex)
{
    return (unsigned)lex < CHR_LEX_COUNT ? chr_lex_tables[lex].n : 0;
}

const char *chr_lex_key(chr_lexicon lex, size_t i)
{
    return i < chr_lex_size(lex) ? chr_lex_tables[lex].keys[i] : NULL;
}

const char *chr_lex_payload(chr_lexicon lex, size_t i)
{
    return i < chr_lex_size(lex) ? chr_lex_tables[lex].payloads[i] : NULL;
}
