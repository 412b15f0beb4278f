/* geo_index.h - the lexicon index of geo.c: the word lexicons merged into
   one hash table with letter-prefix gates (compiled at build time), and per
   document each word form's lexicon hits and recent tokens' answers. */
#ifndef CHR_GEO_INDEX_H
#define CHR_GEO_INDEX_H

#include "geo_morph.h"
#include "lexicon_table.h"

#include <string.h>

/* A string set / map over (pointer, length) keys, in the arena.  A slot
   keeps its key's hash, so that a probe reads one cache line and compares
   bytes only when the hash agrees. */
typedef struct geo_slot {
    const char *key;            /* NULL: empty */
    const void *val;
    uint32_t len, hash;
    uint8_t kind;
} geo_slot;

typedef struct geo_map {
    geo_slot *e;
    uint32_t mask, count;
} geo_map;

/* The lexicons this stage reads word by word, merged into one table (at
   build time, by lexgen: geo_hash.h) so that a candidate costs one hash
   probe whatever lexicon holds it. */
enum { GL_COUNTRIES, GL_REGIONS, GL_CITIES, GL_ORGS, GL_DESC, GL_NOUNS, GL_TITLES, GL_N };
#define GL_ENTITIES CHR_GEO_ENTITY_LEXICONS     /* the first four name places and organisations */

_Static_assert(GL_N == CHR_GEO_LEXICONS, "GL_* follows CHR_GEO_LEXICON_NAMES");

typedef chr_geo_entry geo_entry;

#define GATE_BYTES CHR_GEO_GATE_BYTES

/* What a word form's candidates found in the merged table. */
#define MAX_HITS 6
typedef struct word_hits {
    uint8_t n;
    uint8_t cases[MAX_HITS];
    const geo_entry *e[MAX_HITS];
} word_hits;

/* What the gates and the merged table said about one token: the matchers
   ask about the same token several times (as a head, as the word after an
   adjective, as the next sentence position), and a direct-mapped window of
   recent tokens answers again without hashing.  The matchers look a few
   dozen tokens ahead at most, so a small window keeps nearly every answer. */
#define TOK_MEMO 256
#define TM_UNKNOWN 2
typedef struct tok_memo {
    uint32_t tok;               /* UINT32_MAX: empty */
    uint8_t gate[2];            /* chr_geo_gate's answers, TM_UNKNOWN */
    const word_hits *hits;      /* NULL: not looked up yet */
} tok_memo;

struct chr_geo_index {
    geo_map memo;               /* word form as written -> its word_hits */
    tok_memo *tm;               /* TOK_MEMO entries, slot = token % TOK_MEMO */
    const geo_entry *ents;      /* the merged table, static */
    const uint32_t *slots;      /* 1-based indexes into ents, 0 empty */
    uint32_t n_ents, mask;
    geo_map acronyms;           /* folded abbreviation -> norm, defined in the text */
    geo_map aliases;            /* norm of an expansion -> norm of its abbreviation */
    /* Bitmaps of the first two to six letters of the keys (geo_hash.h), for
       a cheap "cannot be in this lexicon" before any candidate is built:
       entity lexicons, then descriptors, place nouns and titles. */
    const uint8_t (*gate)[GATE_BYTES];
    const uint8_t (*dgate)[GATE_BYTES];
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

CHR_HIDDEN int chr_geo_gate_slow(geo_ctx *c, int which, uint32_t i);
CHR_HIDDEN const word_hits *chr_geo_hits_slow(geo_ctx *c, uint32_t i);

/* 0 when token i cannot be in the entity lexicons (which 0) or in the
   descriptor / place noun / title lexicons (which 1).  Asked again and
   again of the same tokens: the memo answers inline. */
static inline int chr_geo_gate(geo_ctx *c, int which, uint32_t i)
{
    const tok_memo *m = &c->x->tm[i & (TOK_MEMO - 1)];
    if (m->tok == i && m->gate[which] != TM_UNKNOWN)
        return m->gate[which];
    return chr_geo_gate_slow(c, which, i);
}

CHR_HIDDEN void chr_geo_ctx_init(geo_ctx *c, chr_document *doc);
/* Token i's nominative candidates and each one's entry (cached for a few
   tokens); returns how many. */
CHR_HIDDEN int chr_geo_cands_of(geo_ctx *c, uint32_t i, const chr_geo_cand **out,
                                const geo_entry *const **ent);
/* Token i's entries only, memoised per word form for the document. */
static inline const word_hits *chr_geo_hits(geo_ctx *c, uint32_t i)
{
    const tok_memo *m = &c->x->tm[i & (TOK_MEMO - 1)];
    if (m->tok == i && m->hits)
        return m->hits;
    return chr_geo_hits_slow(c, i);
}

#endif
