/* geo_index.c - the lexicon index of the organisations and places stage:
   one hash table over the word lexicons it reads (a candidate costs one probe
   whatever lexicon holds it), the multi-word keys' prefixes and letter-prefix
   gates that rule most words out before any candidate is built, all compiled
   at build time (geo_hash.h); per document, a memo of each word form's hits
   and of recent tokens' answers. */
#include "geo_index.h"

static const word_hits no_hits;

/* ------------------------------------------------------------ hashing */

static int map_init(chr_document *doc, geo_map *m, uint32_t cap)
{
    uint32_t c = 16;
    while (c < cap * 2)
        c *= 2;
    m->e = chr_alloc(doc, c * sizeof *m->e);
    if (!m->e)
        return -1;
    m->mask = c - 1;
    m->count = 0;
    return 0;
}

static uint32_t map_slot(const geo_map *m, const char *k, size_t n, uint32_t h)
{
    uint32_t s = h & m->mask;
    while (m->e[s].key && !(m->e[s].hash == h && m->e[s].len == n && memcmp(m->e[s].key, k, n) == 0))
        s = (s + 1) & m->mask;
    return s;
}

const geo_map *chr_geo_map_find(const geo_map *m, const char *k, size_t n, uint32_t *slot)
{
    if (!m->e)
        return NULL;
    uint32_t s = map_slot(m, k, n, chr_geo_hash(k, n));
    if (!m->e[s].key)
        return NULL;
    if (slot)
        *slot = s;
    return m;
}

int chr_geo_map_put(chr_document *doc, geo_map *m, const char *k, size_t n, const void *val,
                    uint8_t kind)
{
    if (!m->e && map_init(doc, m, 16) < 0)
        return -1;
    if ((m->count + 1) * 2 > m->mask + 1) {
        geo_map old = *m;
        if (map_init(doc, m, (old.mask + 1)) < 0)
            return -1;
        for (uint32_t i = 0; i <= old.mask; i++) {
            if (!old.e[i].key)
                continue;
            m->e[map_slot(m, old.e[i].key, old.e[i].len, old.e[i].hash)] = old.e[i];
            m->count++;
        }
    }
    uint32_t h = chr_geo_hash(k, n);
    uint32_t s = map_slot(m, k, n, h);
    if (!m->e[s].key) {
        m->e[s].key = k;
        m->e[s].len = (uint32_t)n;
        m->e[s].hash = h;
        m->count++;
    }
    m->e[s].val = val;
    m->e[s].kind = kind;
    return 0;
}

/* Endings take at most three letters, so a word of L letters keeps its
   first L - 3 in every candidate (at least two: a stem is never shorter);
   `min3` when every key's stem has three letters (the descriptors). */
static int gate_has(const uint8_t (*g)[GATE_BYTES], uint32_t mask, const char *s, size_t n,
                    size_t avail, int min3, uint16_t flags)
{
    int got, plain = (flags & (CHR_TF_CYR | CHR_TF_LAT | CHR_TF_HYPHEN)) == CHR_TF_CYR;
    if (plain)
        got = (int)(n / 2);             /* plain Cyrillic: two bytes a letter */
    else
        chr_geo_prefix_bytes(s, n, CHR_GEO_GATE_MAX_W + 3, &got);
    /* clamped without branches: word lengths do not predict */
    int lo = min3 ? 3 : 2, w = got - 3;
    w = w < lo ? lo : w;
    w = w > CHR_GEO_GATE_MAX_W ? CHR_GEO_GATE_MAX_W : w;
    size_t k = plain ? ((size_t)w * 2 < n ? (size_t)w * 2 : n) : chr_geo_prefix_bytes(s, n, w, NULL);
    uint32_t b;
    if (avail >= 16) {
        /* two loads and masks give chr_geo_gate_hash's value without its loops */
        uint64_t v, v2;
        memcpy(&v, s, 8);
        memcpy(&v2, s + 8, 8);
        size_t k1 = k < 8 ? k : 8, k2 = k > 16 ? 8 : k > 8 ? k - 8 : 0;
        v &= k1 ? ~0ull >> (64 - 8 * k1) : 0;
        v2 &= k2 ? ~0ull >> (64 - 8 * k2) : 0;
        b = (uint32_t)((v * 0x9E3779B97F4A7C15ull ^ v2 * 0xC2B2AE3D27D4EB4Full) >> 32) & mask;
    } else {
        b = chr_geo_gate_hash(s, k) & mask;
    }
    return (g[w - 2][b >> 3] >> (b & 7)) & 1;
}

const geo_entry *chr_geo_entry_get(const geo_index *x, const char *k, size_t n)
{
    uint32_t s = chr_geo_hash(k, n) & x->mask;
    for (;;) {
        uint32_t e = x->slots[s];
        if (!e)
            return NULL;
        const geo_entry *g = &x->ents[e - 1];
        if (g->len == n && memcmp(g->key, k, n) == 0)
            return g;
        s = (s + 1) & x->mask;
    }
}

geo_index *chr_geo_index(chr_document *doc)
{
    if (doc->geo)
        return doc->geo;
    geo_index *x = chr_alloc(doc, sizeof *x);
    if (!x)
        return NULL;
    x->tm = chr_alloc(doc, TOK_MEMO * sizeof *x->tm);
    if (!x->tm)
        return NULL;
    for (uint32_t k = 0; k < TOK_MEMO; k++)
        x->tm[k].tok = UINT32_MAX;
    x->ents = chr_geo_tables.ents;
    x->slots = chr_geo_tables.slots;
    x->n_ents = chr_geo_tables.n_ents;
    x->mask = chr_geo_tables.mask;
    x->gate = chr_geo_tables.gate;
    x->dgate = chr_geo_tables.dgate;
    x->gate_mask = CHR_GEO_GATE_MASK;
    x->dgate_mask = CHR_GEO_DGATE_MASK;
    doc->geo = x;
    return x;
}

void chr_geo_ctx_init(geo_ctx *c, chr_document *doc)
{
    c->doc = doc;
    c->x = NULL;
    c->sfirst = c->send = c->first_word = 0;
    for (int k = 0; k < CAND_CACHE; k++)
        c->cache[k].tok = UINT32_MAX;
}

static tok_memo *memo_of(geo_index *x, uint32_t i)
{
    tok_memo *m = &x->tm[i & (TOK_MEMO - 1)];
    if (m->tok != i) {
        m->tok = i;
        m->gate[0] = m->gate[1] = TM_UNKNOWN;
        m->hits = NULL;
    }
    return m;
}

/* gate_has for a word of plain Cyrillic letters with sixteen bytes readable
   at s (nearly every word): no decoding, no loop. */
static inline int gate_plain(const uint8_t (*g)[GATE_BYTES], uint32_t mask, const char *s,
                             size_t n, int lo)
{
    int w = (int)(n / 2) - 3;
    w = w < lo ? lo : w;
    w = w > CHR_GEO_GATE_MAX_W ? CHR_GEO_GATE_MAX_W : w;
    size_t k = (size_t)w * 2 < n ? (size_t)w * 2 : n;
    uint64_t v, v2;
    memcpy(&v, s, 8);
    memcpy(&v2, s + 8, 8);
    size_t k1 = k < 8 ? k : 8, k2 = k > 8 ? k - 8 : 0;     /* k <= 12 */
    v &= ~0ull >> (64 - 8 * k1);
    v2 &= k2 ? ~0ull >> (64 - 8 * k2) : 0;
    uint32_t b = (uint32_t)((v * 0x9E3779B97F4A7C15ull ^ v2 * 0xC2B2AE3D27D4EB4Full) >> 32) & mask;
    return (g[w - 2][b >> 3] >> (b & 7)) & 1;
}

int chr_geo_gate_slow(geo_ctx *c, int which, uint32_t i)
{
    tok_memo *m = memo_of(c->x, i);
    if (m->gate[which] != TM_UNKNOWN)
        return m->gate[which];
    const chr_document *doc = c->doc;
    const chr_token *t = &doc->toks[i];
    const char *f = geo_tok_fold(doc, i);
    size_t n = geo_tok_len(doc, i), avail = doc->text.len - t->start;
    const uint8_t (*g)[GATE_BYTES] = which == 0 ? c->x->gate : c->x->dgate;
    uint32_t mask = which == 0 ? c->x->gate_mask : c->x->dgate_mask;
    int v;
    if ((t->flags & (CHR_TF_CYR | CHR_TF_LAT | CHR_TF_HYPHEN)) == CHR_TF_CYR && avail >= 16 && n > 0)
        v = gate_plain(g, mask, f, n, which == 0 ? 2 : 3);
    else
        v = gate_has(g, mask, f, n, avail, which != 0, t->flags);
    m->gate[which] = (uint8_t)v;
    return v;
}

int chr_geo_cands_of(geo_ctx *c, uint32_t i, const chr_geo_cand **out, const geo_entry *const **ent)
{
    cand_cache *e = &c->cache[i % CAND_CACHE];
    if (e->tok != i) {
        const chr_document *doc = c->doc;
        e->tok = i;
        e->n = chr_geo_cands(geo_tok_fold(doc, i), geo_tok_len(doc, i), e->c, CHR_GEO_MAX_CANDS);
        if (e->n > 0 && geo_allcaps(doc, i, NULL, NULL))
            e->c[0].cases = CHR_GEO_ANY_CASE;   /* abbreviations do not decline */
        for (int k = 0; k < e->n; k++)
            e->ent[k] = chr_geo_entry_get(c->x, e->c[k].s, e->c[k].n);
    }
    *out = e->c;
    *ent = e->ent;
    return e->n;
}

/* News repeat the same names, and building candidates is the costly step. */
static const word_hits *word_hits_of(geo_ctx *c, uint32_t i)
{
    chr_document *doc = c->doc;
    const char *t = geo_tok_text(doc, i);
    size_t n = geo_tok_len(doc, i);
    uint32_t slot;
    if (chr_geo_map_find(&c->x->memo, t, n, &slot))
        return c->x->memo.e[slot].val;
    const chr_geo_cand *cd;
    const geo_entry *const *ce;
    int nc = chr_geo_cands_of(c, i, &cd, &ce);
    word_hits h = {0};
    for (int k = 0; k < nc && h.n < MAX_HITS; k++) {
        if (ce[k]) {
            h.e[h.n] = ce[k];
            h.cases[h.n] = cd[k].cases;
            h.n++;
        }
    }
    const word_hits *v = &no_hits;
    if (h.n) {
        word_hits *p = chr_alloc(doc, sizeof *p);
        if (!p)
            return &no_hits;
        *p = h;
        v = p;
    }
    if (chr_geo_map_put(doc, &c->x->memo, t, n, v, 0) < 0)
        return &no_hits;
    return v;
}

const word_hits *chr_geo_hits_slow(geo_ctx *c, uint32_t i)
{
    tok_memo *m = memo_of(c->x, i);
    if (!m->hits) {
        const word_hits *h = word_hits_of(c, i);
        /* an allocation failure answers "nothing" now and is not remembered */
        if (c->doc->status != CHR_OK)
            return h;
        m->hits = h;
    }
    return m->hits;
}
