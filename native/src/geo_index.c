/* geo_index.c - the lexicon index of the organisations and places stage:
   one hash table over the word lexicons it reads (a candidate costs one probe
   whatever lexicon holds it), the multi-word keys' prefixes, letter-prefix
   gates that rule most words out before any candidate is built, and a memo of
   each word form's hits. */
#include "geo_index.h"

static const chr_lexicon gl_lexicon[GL_N] = {
    CHR_LEX_COUNTRIES, CHR_LEX_REGIONS, CHR_LEX_CITIES, CHR_LEX_ORGANIZATIONS,
    CHR_LEX_ORG_DESCRIPTORS, CHR_LEX_GEO_PLACE_NOUNS, CHR_LEX_GEO_PLACE_TITLES,
};

static const word_hits no_hits;

/* ------------------------------------------------------------ hashing */

/* Eight bytes at a time: word forms are short, and every gated token pays
   for one of these. */
static uint32_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    while (n >= 8) {
        uint64_t v;
        memcpy(&v, s, 8);
        h = (h ^ v) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 29;
        s += 8;
        n -= 8;
    }
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v |= (uint64_t)(unsigned char)s[i] << (8 * i);
    h = (h ^ v) * 0xC4CEB9FE1A85EC53ull;
    return (uint32_t)(h ^ (h >> 32));
}

static int map_init(chr_document *doc, geo_map *m, uint32_t cap)
{
    uint32_t c = 16;
    while (c < cap * 2)
        c *= 2;
    m->key = chr_alloc(doc, c * sizeof *m->key);
    m->len = chr_alloc(doc, c * sizeof *m->len);
    m->val = chr_alloc(doc, c * sizeof *m->val);
    m->kind = chr_alloc(doc, c);
    if (!m->key || !m->len || !m->val || !m->kind)
        return -1;
    m->mask = c - 1;
    m->count = 0;
    return 0;
}

static uint32_t map_slot(const geo_map *m, const char *k, size_t n)
{
    uint32_t s = hash_bytes(k, n) & m->mask;
    while (m->key[s] && !(m->len[s] == n && memcmp(m->key[s], k, n) == 0))
        s = (s + 1) & m->mask;
    return s;
}

const geo_map *chr_geo_map_find(const geo_map *m, const char *k, size_t n, uint32_t *slot)
{
    if (!m->key)
        return NULL;
    uint32_t s = map_slot(m, k, n);
    if (!m->key[s])
        return NULL;
    if (slot)
        *slot = s;
    return m;
}

int chr_geo_map_put(chr_document *doc, geo_map *m, const char *k, size_t n, const void *val,
                    uint8_t kind)
{
    if (!m->key && map_init(doc, m, 16) < 0)
        return -1;
    if ((m->count + 1) * 2 > m->mask + 1) {
        geo_map old = *m;
        if (map_init(doc, m, (old.mask + 1)) < 0)
            return -1;
        for (uint32_t i = 0; i <= old.mask; i++) {
            if (!old.key[i])
                continue;
            uint32_t s = map_slot(m, old.key[i], old.len[i]);
            m->key[s] = old.key[i];
            m->len[s] = old.len[i];
            m->val[s] = old.val[i];
            m->kind[s] = old.kind[i];
            m->count++;
        }
    }
    uint32_t s = map_slot(m, k, n);
    if (!m->key[s]) {
        m->key[s] = k;
        m->len[s] = (uint32_t)n;
        m->count++;
    }
    m->val[s] = val;
    m->kind[s] = kind;
    return 0;
}

/* Bytes of the first `want` code points of s; *got receives how many there
   were. */
static size_t prefix_bytes(const char *s, size_t n, int want, int *got)
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

/* 32 bits from up to eight bytes: one multiply, the gates run per token. */
static uint32_t gate_hash(const char *s, size_t k)
{
    uint64_t v = 0;
    for (size_t i = 0; i < k && i < 8; i++)
        v |= (uint64_t)(unsigned char)s[i] << (8 * i);
    return (uint32_t)((v * 0x9E3779B97F4A7C15ull) >> 32);
}

/* Bitmap w - 2 holds the first w letters (w = 2, 3, 4) of every key. */
static void gate_set(uint8_t g[3][GATE_BYTES], uint32_t mask, const char *s, size_t n)
{
    for (int w = 2; w <= 4; w++) {
        uint32_t b = gate_hash(s, prefix_bytes(s, n, w, NULL)) & mask;
        g[w - 2][b >> 3] |= (uint8_t)(1u << (b & 7));
    }
}

/* Endings take at most three letters, so a word of L letters keeps its
   first L - 3 in every candidate (at least two: a stem is never shorter);
   `min3` when every key's stem has three letters (the descriptors). */
static int gate_has(const uint8_t g[3][GATE_BYTES], uint32_t mask, const char *s, size_t n,
                    size_t avail, int min3, uint16_t flags)
{
    int got, plain = (flags & (CHR_TF_CYR | CHR_TF_LAT | CHR_TF_HYPHEN)) == CHR_TF_CYR;
    if (plain)
        got = (int)(n / 2);             /* plain Cyrillic: two bytes a letter */
    else
        prefix_bytes(s, n, 7, &got);
    int w = got - 3;
    if (w < (min3 ? 3 : 2))
        w = min3 ? 3 : 2;
    if (w > 4)
        w = 4;
    size_t k = plain ? ((size_t)w * 2 < n ? (size_t)w * 2 : n) : prefix_bytes(s, n, w, NULL);
    uint32_t b;
    if (avail >= 8) {
        /* one load and a mask give gate_hash's value without its loop */
        uint64_t v;
        memcpy(&v, s, 8);
        if (k < 8)
            v &= (1ull << (8 * k)) - 1;
        b = (uint32_t)((v * 0x9E3779B97F4A7C15ull) >> 32) & mask;
    } else {
        b = gate_hash(s, k) & mask;
    }
    return (g[w - 2][b >> 3] >> (b & 7)) & 1;
}

const geo_entry *chr_geo_entry_get(const geo_index *x, const char *k, size_t n)
{
    uint32_t s = hash_bytes(k, n) & x->mask;
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

static geo_entry *entry_put(geo_index *x, const char *k, size_t n)
{
    uint32_t s = hash_bytes(k, n) & x->mask;
    for (;;) {
        uint32_t e = x->slots[s];
        if (!e)
            break;
        geo_entry *g = &x->ents[e - 1];
        if (g->len == n && memcmp(g->key, k, n) == 0)
            return g;
        s = (s + 1) & x->mask;
    }
    geo_entry *g = &x->ents[x->n_ents++];   /* sized by the caller's count */
    g->key = k;
    g->len = (uint32_t)n;
    x->slots[s] = x->n_ents;
    return g;
}

geo_index *chr_geo_index(chr_document *doc)
{
    if (doc->geo)
        return doc->geo;
    geo_index *x = chr_alloc(doc, sizeof *x);
    if (!x)
        return NULL;
    size_t total = 0;
    for (int l = 0; l < GL_N; l++) {
        for (size_t i = 0, n = chr_lex_size(gl_lexicon[l]); i < n; i++) {
            total++;
            for (const char *k = chr_lex_key(gl_lexicon[l], i); *k; k++)
                total += *k == ' ';
        }
    }
    uint32_t cap = 16;
    while (cap < total * 2)
        cap *= 2;
    x->ents = chr_alloc(doc, (total + 1) * sizeof *x->ents);
    x->slots = chr_alloc(doc, cap * sizeof *x->slots);
    if (!x->ents || !x->slots)
        return NULL;
    x->mask = cap - 1;
    /* about 8% of the bits set: the descriptors need far fewer than names */
    x->gate_mask = GATE_BYTES * 8 - 1;
    x->dgate_mask = 4095;
    for (int l = 0; l < GL_N; l++) {
        for (size_t i = 0, n = chr_lex_size(gl_lexicon[l]); i < n; i++) {
            const char *k = chr_lex_key(gl_lexicon[l], i);
            size_t kn = strlen(k);
            if (l < GL_ENTITIES)
                gate_set(x->gate, x->gate_mask, k, kn);
            else
                gate_set(x->dgate, x->dgate_mask, k, kn);
            entry_put(x, k, kn)->pay[l] = chr_lex_payload(gl_lexicon[l], i);
            for (size_t j = 0; j < kn; j++)
                if (k[j] == ' ')
                    entry_put(x, k, j)->prefix = 1;
        }
    }
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
    c->dgate_tok[0] = c->dgate_tok[1] = UINT32_MAX;
}

int chr_geo_gate(geo_ctx *c, int which, uint32_t i)
{
    const chr_document *doc = c->doc;
    const chr_token *t = &doc->toks[i];
    size_t avail = doc->text.len - t->start;
    if (which == 0)
        return gate_has(c->x->gate, c->x->gate_mask, geo_tok_fold(doc, i), geo_tok_len(doc, i),
                        avail, 0, t->flags);
    /* a token is asked as a descriptor's head and as the word after an
       adjective: remember the last answers */
    int slot = (int)(i & 1);
    if (c->dgate_tok[slot] == i)
        return c->dgate_val[slot];
    int v = gate_has(c->x->dgate, c->x->dgate_mask, geo_tok_fold(doc, i), geo_tok_len(doc, i),
                     avail, 1, t->flags);
    c->dgate_tok[slot] = i;
    c->dgate_val[slot] = (uint8_t)v;
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
const word_hits *chr_geo_hits(geo_ctx *c, uint32_t i)
{
    chr_document *doc = c->doc;
    const char *t = geo_tok_text(doc, i);
    size_t n = geo_tok_len(doc, i);
    uint32_t slot;
    if (chr_geo_map_find(&c->x->memo, t, n, &slot))
        return c->x->memo.val[slot];
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
