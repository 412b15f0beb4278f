/* geo_index.h - the per-document lexicon index of geo.c: the word lexicons
   merged into one hash table, letter-prefix gates, and each word form's
   lexicon hits memoised for the document. */
#ifndef CHR_GEO_INDEX_H
#define CHR_GEO_INDEX_H

#include "geo_morph.h"

#include <string.h>

/* A string set / map over (pointer, length) keys, in the arena. */
typedef struct geo_map {
    const char **key;
    uint32_t *len;
    const void **val;
    uint8_t *kind;
    uint32_t mask, count;
} geo_map;

/* The lexicons this stage reads word by word, merged into one table so that
   a candidate costs one hash probe whatever it turns out to be. */
enum { GL_COUNTRIES, GL_REGIONS, GL_CITIES, GL_ORGS, GL_DESC, GL_NOUNS, GL_TITLES, GL_N };
#define GL_ENTITIES 4           /* the first four name places and organisations */

typedef struct geo_entry {
    const char *key;            /* static lexicon text; a prefix is a key's head */
    uint32_t len;
    uint8_t prefix;             /* the head of a longer multi-word key */
    const char *pay[GL_N];      /* payload per lexicon, NULL when absent */
} geo_entry;

#define GATE_BYTES 4096

/* What a word form's candidates found in the merged table. */
#define MAX_HITS 6
typedef struct word_hits {
    uint8_t n;
    uint8_t cases[MAX_HITS];
    const geo_entry *e[MAX_HITS];
} word_hits;

struct chr_geo_index {
    geo_map memo;               /* word form as written -> its word_hits */
    geo_entry *ents;
    uint32_t *slots;            /* 1-based indexes into ents, 0 empty */
    uint32_t n_ents, mask;
    geo_map acronyms;           /* folded abbreviation -> norm, defined in the text */
    geo_map aliases;            /* norm of an expansion -> norm of its abbreviation */
    /* Bitmaps of the first two, three and four letters of the keys, for a
       cheap "cannot be in this lexicon" before any candidate is built:
       entity lexicons, then descriptors, place nouns and titles. */
    uint8_t gate[3][GATE_BYTES];
    uint8_t dgate[3][GATE_BYTES];
    uint32_t gate_mask, dgate_mask;  /* bits used: small enough to stay in L1 */
};
typedef struct chr_geo_index geo_index;

/* Candidates of recent tokens: the matchers ask for the same word's
   nominatives several times. */
#define CAND_CACHE 8
typedef struct cand_cache {
    uint32_t tok;               /* UINT32_MAX: empty */
    int n;
    chr_geo_cand c[CHR_GEO_MAX_CANDS];
    const geo_entry *ent[CHR_GEO_MAX_CANDS];   /* each candidate's entry or NULL */
} cand_cache;

/* The state of one scan (a stage run or one chr_geo_canonical call). */
typedef struct geo_ctx {
    chr_document *doc;
    geo_index *x;
    uint32_t sfirst, send;      /* the sentence's tokens */
    uint32_t first_word;        /* its first word token */
    uint32_t dgate_tok[2];      /* chr_geo_gate's last descriptor answers */
    uint8_t dgate_val[2];
    cand_cache cache[CAND_CACHE];
} geo_ctx;

static inline const char *geo_tok_text(const chr_document *doc, uint32_t i)
{
    return doc->text.s + doc->toks[i].start;
}

static inline const char *geo_tok_fold(const chr_document *doc, uint32_t i)
{
    return doc->lower + doc->toks[i].start;
}

static inline uint32_t geo_tok_len(const chr_document *doc, uint32_t i)
{
    return doc->toks[i].end - doc->toks[i].start;
}

/* Two or more letters, all capitals, no digits (ОДКБ, NATO; not ТМА-12);
   cyr/lat report the script. */
static inline int geo_allcaps(const chr_document *doc, uint32_t i, int *cyr, int *lat)
{
    const chr_token *t = &doc->toks[i];
    if (t->kind != CHR_TOK_WORD || !(t->flags & CHR_TF_ALLUPPER))
        return 0;
    for (uint32_t b = t->start; b < t->end; b++)
        if (doc->text.s[b] >= '0' && doc->text.s[b] <= '9')
            return 0;
    if (cyr) *cyr = (t->flags & CHR_TF_CYR) != 0;
    if (lat) *lat = (t->flags & CHR_TF_LAT) != 0;
    return 1;
}

/* Keys are not copied: they must live as long as the map (lexicon, arena or
   the document's text).  find returns the map when k is present and sets
   *slot; put returns -1 on OOM. */
CHR_HIDDEN const geo_map *chr_geo_map_find(const geo_map *m, const char *k, size_t n,
                                           uint32_t *slot);
CHR_HIDDEN int chr_geo_map_put(chr_document *doc, geo_map *m, const char *k, size_t n,
                               const void *val, uint8_t kind);

/* The document's index, built on first use; NULL on OOM. */
CHR_HIDDEN geo_index *chr_geo_index(chr_document *doc);
CHR_HIDDEN const geo_entry *chr_geo_entry_get(const geo_index *x, const char *k, size_t n);

/* 0 when token i cannot be in the entity lexicons (which 0) or in the
   descriptor / place noun / title lexicons (which 1). */
CHR_HIDDEN int chr_geo_gate(geo_ctx *c, int which, uint32_t i);

CHR_HIDDEN void chr_geo_ctx_init(geo_ctx *c, chr_document *doc);
/* Token i's nominative candidates and each one's entry (cached for a few
   tokens); returns how many. */
CHR_HIDDEN int chr_geo_cands_of(geo_ctx *c, uint32_t i, const chr_geo_cand **out,
                                const geo_entry *const **ent);
/* Token i's entries only, memoised per word form for the document. */
CHR_HIDDEN const word_hits *chr_geo_hits(geo_ctx *c, uint32_t i);

#endif
