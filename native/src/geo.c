/* geo.c - organisations and places (chr_orgs_places, chr_geo_canonical).
 *
 * One pass over each sentence's tokens.  At a word it tries, longest first:
 *   - a lexicon name (countries, regions, cities, organisations; several
 *     words allowed) in any case: nominative candidates of each word
 *     (geo_morph.c) are confirmed against the lexicons (geo_index.c);
 *   - a place phrase: a title before a place (Республике Казахстан), an
 *     adjective before a place noun (Тверской области -> Тверская область),
 *     a place noun before a name (реки Славянки);
 *   - an organisation built on a descriptor (министерство, партия, совет...):
 *     with a quoted or Latin name after it, or a genitive chain that is a
 *     capitalised name or ends in a place or organisation (мэрии Москвы,
 *     Совета коллективной безопасности ОДКБ), or a state body named by a
 *     country's adjective (украинское правительство);
 *   - an abbreviation: listed, defined in the document by its expansion in
 *     parentheses, or a plain all-capitals word; a run of Latin names.
 * A listed organisation followed by a place in the genitive takes it in
 * (МИД России).  Norms are built from canonical parts, so that every spelling
 * of one entity shares one: ОДКБ and its expansion, РФ and России, МИД РФ and
 * Министерство иностранных дел России.  A city that is also a person's name
 * (Королёв) is a place only with a cue (в, из, город) and no name beside it.
 */
#include "geo_index.h"

#include <string.h>

/* A recognised entity [first, end) of tokens. */
typedef struct geo_ent {
    uint32_t first, end;
    chr_kind kind;
    const char *norm;           /* static or arena */
    uint8_t cases;              /* CHR_GEO_CASE bits of the whole name */
    uint8_t person_like;        /* a city that is also a person's name */
    uint8_t single_place;       /* one-word city or region: check for persons */
    uint8_t common;             /* also a common word: not at a sentence start */
} geo_ent;


/* -------------------------------------------------------------- tokens */

static int is_word(const chr_document *doc, uint32_t i)
{
    return doc->toks[i].kind == CHR_TOK_WORD;
}

static uint32_t first_cp(const chr_document *doc, uint32_t i)
{
    size_t adv;
    return chr_utf8_next((const unsigned char *)geo_tok_text(doc, i), geo_tok_len(doc, i), &adv);
}

/* The tokenizer's flags answer these without decoding the word again. */
static int is_cap(const chr_document *doc, uint32_t i)
{
    return is_word(doc, i) && (doc->toks[i].flags & CHR_TF_UPPER);
}

static int is_latin_name(const chr_document *doc, uint32_t i)
{
    return is_cap(doc, i) && !(doc->toks[i].flags & CHR_TF_CYR) && chr_cp_is_lat(first_cp(doc, i));
}

static int tok_is(const chr_document *doc, uint32_t i, const char *s)
{
    size_t n = strlen(s);
    return geo_tok_len(doc, i) == n && memcmp(geo_tok_fold(doc, i), s, n) == 0;
}

static int is_quote_open(const chr_document *doc, uint32_t i)
{
    if (doc->toks[i].flags & CHR_TF_QUOTE_OPEN)
        return 1;
    return doc->toks[i].kind == CHR_TOK_PUNCT && !(doc->toks[i].flags & CHR_TF_QUOTE_CLOSE) &&
           (tok_is(doc, i, "«") || tok_is(doc, i, "“") || tok_is(doc, i, "„") ||
            tok_is(doc, i, "\""));
}

static int is_quote_close(const chr_document *doc, uint32_t i)
{
    if (doc->toks[i].flags & CHR_TF_QUOTE_CLOSE)
        return 1;
    return doc->toks[i].kind == CHR_TOK_PUNCT && !(doc->toks[i].flags & CHR_TF_QUOTE_OPEN) &&
           (tok_is(doc, i, "»") || tok_is(doc, i, "”") || tok_is(doc, i, "“") ||
            tok_is(doc, i, "\""));
}

static int sentence_initial(const geo_ctx *c, uint32_t i) { return i <= c->first_word; }

/* The lexicon entry among w's candidates: payload, or NULL.  *which gets the
   candidate's index. */
static const char *lex_cand(chr_lexicon lex, const chr_geo_cand *c, int n, int *which)
{
    for (int k = 0; k < n; k++) {
        const char *p = chr_lex_get(lex, c[k].s, c[k].n);
        if (p) {
            if (which) *which = k;
            return p;
        }
    }
    return NULL;
}

/* The same over a word's hits, for one of the merged lexicons. */
static const char *hit_cand(int gl, const word_hits *h, int *which)
{
    for (int k = 0; k < h->n; k++) {
        if (h->e[k]->pay[gl]) {
            *which = k;
            return h->e[k]->pay[gl];
        }
    }
    return NULL;
}

static uint8_t case_of(uint8_t cases)
{
    for (int c = CHR_CASE_NOM; c <= CHR_CASE_PREP; c++)
        if (cases == CHR_GEO_CASE(c))
            return (uint8_t)c;
    return cases & CHR_GEO_CASE(CHR_CASE_NOM) ? CHR_CASE_NOM : CHR_CASE_UNKNOWN;
}

/* The canonical name in a payload: up to '|' (a repeated key), without the
   marks '*' (also a person's name) and '~' (also a common word). */
static const char *payload_norm(chr_document *doc, const char *p, geo_ent *e)
{
    size_t n = strcspn(p, "|");
    int star = n > 0 && p[n - 1] == '*', tilde = n > 0 && p[n - 1] == '~';
    if (e) {
        e->person_like = (uint8_t)star;
        e->common = (uint8_t)tilde;
    }
    if (!star && !tilde && p[n] == '\0')
        return p;
    return chr_strndup(doc, p, n - (size_t)(star || tilde));
}

/* ------------------------------------------------------ lexicon names */

/* ЭТА, ИРА are abbreviations (and МИДа one inflected); Эта, Эти, Ира are not. */
static int acronym_key_in_lowercase(const chr_document *doc, uint32_t i, const char *payload,
                                    const char *key, size_t key_n)
{
    if (geo_allcaps(doc, i, NULL, NULL))
        return 0;
    size_t n = strcspn(payload, "|*~");
    if (n != key_n || n > CHR_GEO_WORD_MAX)
        return 0;
    /* is the canonical name written in capitals (most stop at their second
       letter), and is it the key itself? */
    const unsigned char *u = (const unsigned char *)payload;
    size_t k = 0, adv;
    int upper = 0;
    while (k < n) {
        uint32_t cp = chr_utf8_next(u + k, n - k, &adv);
        if (chr_cp_is_letter(cp) && !chr_cp_is_upper(cp))
            return 0;
        upper += chr_cp_is_upper(cp);
        k += adv;
    }
    if (upper < 2)
        return 0;
    char f[CHR_GEO_WORD_MAX];
    chr_utf8_fold(payload, n, f);
    if (memcmp(f, key, n) != 0)
        return 0;
    /* then the surface must be in capitals as far as it shares the key */
    const unsigned char *t = (const unsigned char *)geo_tok_text(doc, i);
    const char *f2 = geo_tok_fold(doc, i);
    size_t tn = geo_tok_len(doc, i);
    for (k = 0; k < tn && k < n && f2[k] == key[k]; k += adv) {
        uint32_t cp = chr_utf8_next(t + k, tn - k, &adv);
        if (chr_cp_is_letter(cp) && !chr_cp_is_upper(cp))
            return 1;
    }
    return 0;
}

#define MAX_WORDS 8
#define MAX_PARTIALS 8
#define PHRASE_MAX 320

typedef struct partial { char s[PHRASE_MAX]; size_t n; uint8_t cases; } partial;

/* The longest lexicon name starting at token i (capitalised), ending by
   `limit`.  Returns 1 and fills *e. */
static int lex_match(geo_ctx *c, uint32_t i, uint32_t limit, geo_ent *e)
{
    chr_document *doc = c->doc;
    if (!is_cap(doc, i) || geo_tok_len(doc, i) > CHR_GEO_WORD_MAX ||
        !chr_geo_gate(c, 0, i))
        return 0;
    const word_hits *h = chr_geo_hits(c, i);
    if (h->n == 0)
        return 0;
    partial parts[2][MAX_PARTIALS];
    int np = 0, cur = 0, found = 0;
    for (int k = 0; k < h->n; k++) {
        const geo_entry *g = h->e[k];
        for (int l = 0; l < GL_ENTITIES; l++) {
            const char *p = g->pay[l];
            if (!p || acronym_key_in_lowercase(doc, i, p, g->key, g->len))
                continue;
            if (!found) {
                e->first = i;
                e->end = i + 1;
                e->kind = l == GL_ORGS ? CHR_KIND_ORGANIZATION : CHR_KIND_LOCATION;
                e->norm = payload_norm(doc, p, e);
                e->cases = h->cases[k];
                e->single_place = l == GL_CITIES || l == GL_REGIONS;
                found = 1;
                if (!e->norm)
                    return 0;
            }
            break;
        }
        if (np < MAX_PARTIALS && g->prefix) {
            memcpy(parts[cur][np].s, g->key, g->len);
            parts[cur][np].n = g->len;
            parts[cur][np].cases = h->cases[k];
            np++;
        }
    }
    const chr_geo_cand *cd;
    const geo_entry *const *ce;
    int nc;
    for (uint32_t j = i + 1; np > 0 && j < limit && j - i < MAX_WORDS; j++) {
        if (!is_word(doc, j) || geo_tok_len(doc, j) > CHR_GEO_WORD_MAX)
            break;
        nc = chr_geo_cands_of(c, j, &cd, &ce);
        int nn = 0, nxt = 1 - cur;
        for (int a = 0; a < np; a++) {
            partial *pa = &parts[cur][a];
            for (int k = 0; k < nc; k++) {
                if (pa->n + 1 + cd[k].n > PHRASE_MAX - 1)
                    continue;
                char buf[PHRASE_MAX];
                memcpy(buf, pa->s, pa->n);
                buf[pa->n] = ' ';
                memcpy(buf + pa->n + 1, cd[k].s, cd[k].n);
                size_t bn = pa->n + 1 + cd[k].n;
                const geo_entry *g = chr_geo_entry_get(c->x, buf, bn);
                for (int l = 0; g && l < GL_ENTITIES; l++) {
                    const char *p = g->pay[l];
                    if (!p)
                        continue;
                    if (!found || e->end < j + 1) {
                        e->first = i;
                        e->end = j + 1;
                        e->kind = l == GL_ORGS ? CHR_KIND_ORGANIZATION : CHR_KIND_LOCATION;
                        e->norm = payload_norm(doc, p, e);
                        e->cases = pa->cases;
                        e->single_place = 0;
                        e->person_like = e->common = 0;
                        found = 1;
                        if (!e->norm)
                            return 0;
                    }
                    break;
                }
                if (nn < MAX_PARTIALS && g && g->prefix) {
                    memcpy(parts[nxt][nn].s, buf, bn);
                    parts[nxt][nn].n = bn;
                    parts[nxt][nn].cases = pa->cases;
                    nn++;
                }
            }
        }
        np = nn;
        cur = nxt;
    }
    return found;
}

/* -------------------------------------------------------- descriptors */

typedef struct desc_info {
    char key[CHR_GEO_WORD_MAX + 8];   /* nominative, folded */
    size_t n;
    char gender;
    int apposition, cap_only, state;
    uint8_t cases;
} desc_info;

static int lookup_word(geo_ctx *c, uint32_t i, int gl, desc_info *d)
{
    chr_document *doc = c->doc;
    if (!is_word(doc, i) || geo_tok_len(doc, i) > CHR_GEO_WORD_MAX ||
        !chr_geo_gate(c, 1, i))
        return 0;
    const word_hits *h = chr_geo_hits(c, i);
    int w = 0;
    const char *p = hit_cand(gl, h, &w);
    if (!p)
        return 0;
    memcpy(d->key, h->e[w]->key, h->e[w]->len);
    d->key[h->e[w]->len] = '\0';
    d->n = h->e[w]->len;
    d->gender = p[0] ? p[0] : 'm';
    d->apposition = strchr(p, 'a') != NULL;
    d->cap_only = strchr(p, 'c') != NULL;
    d->state = strchr(p, 's') != NULL;
    d->cases = h->cases[w];
    return 1;
}

/* Verb forms end the genitive chain of a descriptor (Министерство заявило). */
static int verb_like(const char *f, size_t n)
{
    static const char *const ends[] = {
        "л", "ла", "ло", "ли", "лся", "лась", "лось", "лись", "ть", "ться", "ет", "ит",
        "ют", "ут", "ат", "ят", "ется", "ится", "ются", "ятся", "ем",
    };
    for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
        size_t e = strlen(ends[k]);
        if (n > e + 4 && memcmp(f + n - e, ends[k], e) == 0)
            return 1;
    }
    return 0;
}

/* Genitive-looking noun: а я ы и ов ев ей. */
static int genitive_like(const char *f, size_t n)
{
    static const char *const ends[] = {"а", "я", "ы", "и", "ов", "ев", "ей"};
    for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
        size_t e = strlen(ends[k]);
        if (n > e + 2 && memcmp(f + n - e, ends[k], e) == 0)
            return 1;
    }
    return 0;
}

static int short_function_word(const chr_document *doc, uint32_t i)
{
    return is_word(doc, i) && !is_cap(doc, i) && geo_tok_len(doc, i) <= 6 &&
           ((doc->toks[i].lex & CHR_W_STOP) || geo_tok_len(doc, i) <= 4);
}

/* A growing norm in a fixed buffer. */
typedef struct nbuf { char s[512]; size_t n; int overflow; } nbuf;

static void nb_add(nbuf *b, const char *s, size_t n)
{
    if (b->n && b->n + 1 < sizeof b->s)
        b->s[b->n++] = ' ';
    if (b->n + n + 1 > sizeof b->s) {
        b->overflow = 1;
        return;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void nb_add_genitive(nbuf *b, const char *name)
{
    char g[256];
    size_t n = chr_geo_genitive(name, g, sizeof g);
    if (n)
        nb_add(b, g, n);
    else
        nb_add(b, name, strlen(name));
}

static const char *nb_finish(chr_document *doc, nbuf *b)
{
    if (b->overflow || b->n == 0)
        return NULL;
    chr_utf8_capitalize(b->s, b->n, b->s);
    return chr_strndup(doc, b->s, b->n);
}

static int entity_at(geo_ctx *c, uint32_t i, uint32_t limit, geo_ent *e, int depth);
static const char *adjective_place(chr_document *doc, uint32_t i);

/* A state body named by a country's adjective: украинское правительство,
   российском министерстве финансов -> Правительство Украины, Минфин России
   (the same norms as the genitive spellings get). */
static int state_body(geo_ctx *c, uint32_t i, uint32_t limit, geo_ent *e)
{
    chr_document *doc = c->doc;
    desc_info d;
    if (i + 1 >= limit || is_cap(doc, i + 1) || !lookup_word(c, i + 1, GL_DESC, &d) || !d.state)
        return 0;
    const char *country = adjective_place(doc, i);
    if (!country)
        return 0;
    /* a short genitive complement: министерстве финансов, иностранных дел */
    char key[PHRASE_MAX];
    size_t kn = d.n;
    memcpy(key, d.key, d.n);
    uint32_t j = i + 2, end = i + 2;
    int after_adj = 0;
    while (j < limit && j - i < 5 && is_word(doc, j) && !is_cap(doc, j) &&
           !short_function_word(doc, j) && !verb_like(geo_tok_fold(doc, j), geo_tok_len(doc, j))) {
        size_t n = geo_tok_len(doc, j);
        int adj = chr_geo_adj_ending(geo_tok_fold(doc, j), n) != 0;
        if (!adj && !after_adj && !genitive_like(geo_tok_fold(doc, j), n))
            break;
        if (kn + 1 + n >= sizeof key)
            break;
        key[kn++] = ' ';
        memcpy(key + kn, geo_tok_fold(doc, j), n);
        kn += n;
        j++;
        after_adj = adj;
        if (!adj)
            end = j;
    }
    if (after_adj)
        kn = 0;     /* ended on an adjective: drop the complement */
    const geo_entry *g = kn ? chr_geo_entry_get(c->x, key, kn) : NULL;
    nbuf nb = {.n = 0};
    if (g && g->pay[GL_ORGS]) {
        const char *canon = payload_norm(doc, g->pay[GL_ORGS], NULL);
        if (!canon)
            return 0;
        nb_add(&nb, canon, strlen(canon));
    } else {
        end = i + 2;
        nb_add(&nb, d.key, d.n);
    }
    nb_add_genitive(&nb, country);
    e->first = i;
    e->end = end;
    e->kind = CHR_KIND_ORGANIZATION;
    e->cases = d.cases;
    e->person_like = e->single_place = e->common = 0;
    e->norm = nb_finish(doc, &nb);
    return e->norm != NULL;
}

/* An adjective run (capitalised first) then a descriptor, then a name. */
static int desc_match(geo_ctx *c, uint32_t i, uint32_t limit, geo_ent *e, int depth)
{
    chr_document *doc = c->doc;
    if (depth == 0 && (!is_cap(doc, i) || sentence_initial(c, i)) && state_body(c, i, limit, e))
        return 1;
    uint32_t k = i;
    desc_info d;
    int have = 0;
    if (is_cap(doc, i)) {
        /* up to three adjectives before the descriptor (Верховный суд): the
           cheap look-up of the descriptor decides first whether their endings
           matter */
        while (k < limit && is_word(doc, k)) {
            if (lookup_word(c, k, GL_DESC, &d)) {
                have = 1;
                break;
            }
            if (k - i >= 3 || !chr_geo_adj_ending(geo_tok_fold(doc, k), geo_tok_len(doc, k)))
                break;
            k++;
        }
    } else {
        have = lookup_word(c, k, GL_DESC, &d);
    }
    if (!have)
        return 0;
    uint32_t n_adj = k - i;
    int head_cap = is_cap(doc, i);
    uint32_t h = k;
    nbuf nb = {.n = 0};
    for (uint32_t a = i; a < h; a++) {
        char adj[CHR_GEO_WORD_MAX + 8];
        size_t an = chr_geo_adj_nominative(geo_tok_text(doc, a), geo_tok_len(doc, a), d.gender, adj,
                                           sizeof adj);
        if (an)
            nb_add(&nb, adj, an);
        else
            nb_add(&nb, geo_tok_text(doc, a), geo_tok_len(doc, a));
    }
    {
        char head[CHR_GEO_WORD_MAX + 8];
        memcpy(head, d.key, d.n);
        if (is_cap(doc, h))
            chr_utf8_capitalize(head, d.n, head);
        int cyr = 0;
        if (geo_allcaps(doc, h, &cyr, NULL))
            memcpy(head, geo_tok_text(doc, h), d.n);   /* ОАО stays in capitals */
        nb_add(&nb, head, d.n);
    }
    e->first = i;
    e->kind = CHR_KIND_ORGANIZATION;
    e->cases = n_adj ? 0 : d.cases;
    e->person_like = e->single_place = e->common = 0;
    uint32_t j = h + 1;

    /* a quoted name: партия «Единая Россия» */
    if (j < limit && is_quote_open(doc, j)) {
        uint32_t q = j + 1;
        while (q < limit && q - j <= 10 && !is_quote_close(doc, q))
            q++;
        if (q < limit && q > j + 1 && is_quote_close(doc, q) &&
            (is_cap(doc, j + 1) || doc->toks[j + 1].kind == CHR_TOK_NUMBER)) {
            geo_ent inner;
            const char *norm = NULL;
            if (depth == 0 && entity_at(c, j + 1, q, &inner, depth + 1) && inner.end == q &&
                inner.kind == CHR_KIND_ORGANIZATION)
                norm = inner.norm;
            else
                norm = chr_strndup(doc, geo_tok_text(doc, j + 1),
                                   doc->toks[q - 1].end - doc->toks[j + 1].start);
            if (!norm)
                return 0;
            e->end = q + 1;
            e->norm = norm;
            return 1;
        }
        return 0;
    }
    /* a Latin name in apposition: компания Apple */
    if (j < limit && d.apposition && is_latin_name(doc, j)) {
        uint32_t q = j;
        while (q < limit && q - j < 4 &&
               (is_latin_name(doc, q) || doc->toks[q].kind == CHR_TOK_NUMBER))
            q++;
        e->end = q;
        e->norm = chr_strndup(doc, geo_tok_text(doc, j), doc->toks[q - 1].end - doc->toks[j].start);
        return e->norm != NULL;
    }
    if ((d.cap_only && !head_cap) || geo_allcaps(doc, h, NULL, NULL))
        return 0;          /* ОАО, ПАО name nothing without a quoted name */
    /* the genitive chain */
    uint32_t chain = 0, proper = 0;
    uint32_t last_ok = h + 1;            /* end of the chain accepted so far */
    size_t nb_ok = nb.n;
    int after_adj = 0, found_entity = 0, in_pp = 0;
    while (j < limit && j - h <= 6 && depth == 0) {
        geo_ent sub;
        if (is_cap(doc, j) && entity_at(c, j, limit, &sub, depth + 1)) {
            if (d.apposition && chain == 0 && sub.kind == CHR_KIND_ORGANIZATION && !head_cap) {
                /* банк ВТБ: the descriptor only says what the name is */
                e->end = sub.end;
                e->norm = sub.norm;
                return 1;
            }
            if (sub.kind == CHR_KIND_LOCATION && (!(sub.cases & CHR_GEO_CASE(CHR_CASE_GEN)) ||
                                                  (doc->toks[j - 1].lex & CHR_W_TITLE)))
                break;
            if (sub.kind == CHR_KIND_LOCATION)
                nb_add_genitive(&nb, sub.norm);
            else
                nb_add(&nb, sub.norm, strlen(sub.norm));
            j = sub.end;
            last_ok = j;
            nb_ok = nb.n;
            found_entity = 1;
            break;
        }
        if (!is_word(doc, j) || geo_tok_len(doc, j) > CHR_GEO_WORD_MAX)
            break;
        const char *f = geo_tok_fold(doc, j);
        size_t fn = geo_tok_len(doc, j);
        if (doc->toks[j].lex & (CHR_W_VERB | CHR_W_GIVEN | CHR_W_SURNAME | CHR_W_PATRONYMIC))
            break;
        if (verb_like(f, fn))
            break;
        if (is_cap(doc, j)) {
            if (!head_cap || !genitive_like(f, fn))
                break;
            nb_add(&nb, geo_tok_text(doc, j), fn);
            proper++;
        } else if (!in_pp && head_cap && (tok_is(doc, j, "по") || tok_is(doc, j, "при") ||
                                          tok_is(doc, j, "против") || tok_is(doc, j, "за"))) {
            in_pp = 1;
            nb_add(&nb, geo_tok_text(doc, j), fn);
            j++;
            chain++;
            continue;
        } else if (short_function_word(doc, j)) {
            break;
        } else if (chr_geo_adj_ending(f, fn)) {
            nb_add(&nb, geo_tok_text(doc, j), fn);
            after_adj = 1;
            j++;
            chain++;
            continue;
        } else if (after_adj || in_pp || genitive_like(f, fn)) {
            nb_add(&nb, geo_tok_text(doc, j), fn);
        } else {
            break;
        }
        after_adj = 0;
        j++;
        chain++;
        last_ok = j;
        nb_ok = nb.n;
    }
    nb.n = nb_ok;
    if (nb.n < sizeof nb.s)
        nb.s[nb.n] = '\0';
    int sent_init = sentence_initial(c, i);
    int ok = found_entity ||
             (head_cap && last_ok > h + 1 && (!sent_init || proper)) ||
             (head_cap && n_adj && !sent_init);
    if (!ok)
        return 0;
    e->end = last_ok;
    e->norm = nb_finish(doc, &nb);
    return e->norm != NULL;
}

static int has_part(const char *f, size_t n, const char *part)
{
    size_t k = strlen(part);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(f + i, part, k) == 0)
            return 1;
    return 0;
}

/* Тверской области -> Тверская область; Республике Польша -> Польша. */
static int place_phrase(geo_ctx *c, uint32_t i, uint32_t limit, geo_ent *e, int depth)
{
    chr_document *doc = c->doc;
    desc_info d;
    /* a title or a place noun goes before a capitalised name */
    int next_cap = i + 1 < limit && is_cap(doc, i + 1);
    if (depth == 0 && next_cap && lookup_word(c, i, GL_TITLES, &d)) {
        geo_ent sub;
        if (lex_match(c, i + 1, limit, &sub) && sub.kind == CHR_KIND_LOCATION) {
            *e = sub;
            e->first = i;
            e->cases = d.cases;
            e->single_place = e->person_like = e->common = 0;
            return 1;
        }
    }
    /* реки Славянки, острова Уайт: a place noun before a name */
    if (depth == 0 && next_cap && (!is_cap(doc, i) || !sentence_initial(c, i)) &&
        !(doc->toks[i + 1].lex & (CHR_W_GIVEN | CHR_W_TITLE)) &&
        lookup_word(c, i, GL_NOUNS, &d) && !d.cap_only) {
        geo_ent sub;
        if (entity_at(c, i + 1, limit, &sub, depth + 1)) {
            if (sub.kind != CHR_KIND_LOCATION)
                return 0;
            *e = sub;                   /* a listed place keeps its own name */
            return 1;
        }
        /* мэр города Лужков: an unlisted surname-shaped word is a person */
        if (geo_allcaps(doc, i + 1, NULL, NULL) || geo_tok_len(doc, i + 1) > CHR_GEO_WORD_MAX ||
            (doc->toks[i + 1].lex & (CHR_W_SURNAME | CHR_W_PATRONYMIC)) ||
            (i + 2 < limit && is_cap(doc, i + 2)))
            return 0;
        nbuf nb = {.n = 0};
        nb_add(&nb, d.key, d.n);
        nb_add(&nb, geo_tok_text(doc, i + 1), geo_tok_len(doc, i + 1));
        e->first = i;
        e->end = i + 2;
        e->kind = CHR_KIND_LOCATION;
        e->cases = d.cases;
        e->person_like = e->single_place = e->common = 0;
        e->norm = nb_finish(doc, &nb);
        return e->norm != NULL;
    }
    if (!is_cap(doc, i))
        return 0;
    /* the noun one or two words on, looked up first (it is cheap), then the
       adjectives before it */
    uint32_t k = i + 1;
    if (!(k < limit && lookup_word(c, k, GL_NOUNS, &d))) {
        k = i + 2;
        if (!(k < limit && lookup_word(c, k, GL_NOUNS, &d)))
            return 0;
    }
    for (uint32_t a = i; a < k; a++)
        if (!is_word(doc, a) || !chr_geo_adj_ending(geo_tok_fold(doc, a), geo_tok_len(doc, a)))
            return 0;
    /* "Большой город" opening a sentence is no name; Тверская область is */
    if (sentence_initial(c, i) && !has_part(geo_tok_fold(doc, i), geo_tok_len(doc, i), "ск") &&
        !has_part(geo_tok_fold(doc, i), geo_tok_len(doc, i), "цк"))
        return 0;
    nbuf nb = {.n = 0};
    for (uint32_t a = i; a < k; a++) {
        char adj[CHR_GEO_WORD_MAX + 8];
        size_t an = chr_geo_adj_nominative(geo_tok_text(doc, a), geo_tok_len(doc, a), d.gender, adj,
                                           sizeof adj);
        if (!an)
            return 0;
        nb_add(&nb, adj, an);
    }
    nb_add(&nb, d.key, d.n);
    e->first = i;
    e->end = k + 1;
    e->kind = CHR_KIND_LOCATION;
    e->cases = d.cases;
    e->person_like = e->single_place = e->common = 0;
    e->norm = nb_finish(doc, &nb);
    return e->norm != NULL;
}

/* An abbreviation defined earlier in the document, or a plain one. */
static int acronym_match(geo_ctx *c, uint32_t i, geo_ent *e)
{
    chr_document *doc = c->doc;
    int cyr = 0, lat = 0;
    if (!geo_allcaps(doc, i, &cyr, &lat))
        return 0;
    uint32_t slot;
    const geo_map *m =
        chr_geo_map_find(&c->x->acronyms, geo_tok_fold(doc, i), geo_tok_len(doc, i), &slot);
    e->first = i;
    e->end = i + 1;
    e->cases = CHR_GEO_ANY_CASE;
    e->person_like = e->single_place = e->common = 0;
    if (m) {
        e->norm = m->e[slot].val;
        e->kind = (chr_kind)m->e[slot].kind;
        return 1;
    }
    /* A capitalised heading is not a row of abbreviations. */
    if (!cyr || lat || geo_tok_len(doc, i) > 12 || geo_tok_len(doc, i) < 6)
        return 0;
    if ((i > c->sfirst && geo_allcaps(doc, i - 1, NULL, NULL)) ||
        (i + 1 < c->send && geo_allcaps(doc, i + 1, NULL, NULL)))
        return 0;
    if (chr_lex_get(CHR_LEX_GEO_NOT_ORGS, geo_tok_fold(doc, i), geo_tok_len(doc, i)) ||
        chr_lex_get(CHR_LEX_ORG_DESCRIPTORS, geo_tok_fold(doc, i), geo_tok_len(doc, i)))
        return 0;
    e->kind = CHR_KIND_ORGANIZATION;
    e->norm = chr_strndup(doc, geo_tok_text(doc, i), geo_tok_len(doc, i));
    return e->norm != NULL;
}

/* Products, numerals, titles of works (The ...) and two-word personal names
   (Joel Simon) are the Latin runs that are not organisations. */
static int latin_not_org(const chr_document *doc, uint32_t i, uint32_t end)
{
    if (geo_tok_len(doc, i) < 2 || tok_is(doc, i, "the"))
        return 1;
    int titlecase = 0;
    for (uint32_t k = i; k < end; k++) {
        const char *t = geo_tok_text(doc, k);
        size_t n = geo_tok_len(doc, k);
        for (size_t b = 0; b < n; b++)
            if (t[b] >= '0' && t[b] <= '9')
                return 1;
        if (chr_lex_get(CHR_LEX_GEO_NOT_ORGS, geo_tok_fold(doc, k), n))
            return 1;
        titlecase += !geo_allcaps(doc, k, NULL, NULL) && n >= 2;
    }
    return end - i == 2 && titlecase == 2 &&
           !chr_lex_get(CHR_LEX_ORGANIZATIONS, geo_tok_fold(doc, i), geo_tok_len(doc, i));
}

/* Capitalised Latin words in Russian text name companies, media and
   products far more often than anything else (Vestas, Bank of East Asia). */
static int latin_run(geo_ctx *c, uint32_t i, uint32_t limit, geo_ent *e)
{
    chr_document *doc = c->doc;
    if (doc->info.language == CHR_LANG_EN || !is_latin_name(doc, i) ||
        (doc->toks[i].lex & (CHR_W_GIVEN | CHR_W_SURNAME)))
        return 0;
    uint32_t j = i + 1, end = i + 1;
    while (j < limit && j - i < 8) {
        if (is_latin_name(doc, j) || doc->toks[j].kind == CHR_TOK_NUMBER) {
            if (doc->toks[j].lex & CHR_W_GIVEN)
                break;
            end = ++j;
        } else if (tok_is(doc, j, "of") || tok_is(doc, j, "and") || tok_is(doc, j, "&") ||
                   tok_is(doc, j, "de") || tok_is(doc, j, "the") || tok_is(doc, j, "for")) {
            j++;
        } else {
            break;
        }
    }
    if (latin_not_org(doc, i, end))
        return 0;
    /* a run of Latin words among Latin text is English, not a name */
    if ((i > c->sfirst && is_word(doc, i - 1) && chr_cp_is_lat(first_cp(doc, i - 1))) ||
        (end < limit && is_word(doc, end) && chr_cp_is_lat(first_cp(doc, end))))
        return 0;
    e->first = i;
    e->end = end;
    e->kind = CHR_KIND_ORGANIZATION;
    e->cases = CHR_GEO_ANY_CASE;
    e->person_like = e->single_place = e->common = 0;
    e->norm = chr_strndup(doc, geo_tok_text(doc, i), doc->toks[end - 1].end - doc->toks[i].start);
    return e->norm != NULL;
}

/* A listed organisation takes a place in the genitive after it: МИД России. */
static void extend_org(geo_ctx *c, uint32_t limit, geo_ent *e)
{
    geo_ent sub;
    /* Администрации Президента Кыргызстана: the place goes with the title */
    if (c->doc->toks[e->end - 1].lex & CHR_W_TITLE)
        return;
    if (e->kind != CHR_KIND_ORGANIZATION || e->end >= limit || !is_cap(c->doc, e->end) ||
        !lex_match(c, e->end, limit, &sub) || sub.kind != CHR_KIND_LOCATION ||
        !(sub.cases & CHR_GEO_CASE(CHR_CASE_GEN)) || sub.person_like)
        return;
    nbuf nb = {.n = 0};
    nb_add(&nb, e->norm, strlen(e->norm));
    nb_add_genitive(&nb, sub.norm);
    const char *norm = nb_finish(c->doc, &nb);
    if (norm) {
        e->norm = norm;
        e->end = sub.end;
        e->common = 0;          /* Правительство России is no common word */
    }
}

/* The best entity starting at token i. */
static int entity_at(geo_ctx *c, uint32_t i, uint32_t limit, geo_ent *e, int depth)
{
    geo_ent best = {0}, t;
    int found = 0;
    if (lex_match(c, i, limit, &t)) {
        if (depth == 0)
            extend_org(c, limit, &t);
        best = t;
        found = 1;
    }
    if (place_phrase(c, i, limit, &t, depth) && (!found || t.end > best.end)) {
        best = t;
        found = 1;
    }
    if (!found || best.kind == CHR_KIND_ORGANIZATION || depth == 0) {
        if (desc_match(c, i, limit, &t, depth) && (!found || t.end > best.end)) {
            best = t;
            found = 1;
        }
    }
    if (!found && acronym_match(c, i, &t)) {
        best = t;
        found = 1;
    }
    if (!found && depth == 0 && latin_run(c, i, limit, &t)) {
        best = t;
        found = 1;
    }
    if (found)
        *e = best;
    return found;
}

/* ------------------------------------------------------------ persons */

/* Владимир Путин, С. Королёв: a name next to the word makes it a person's. */
static int personish(const chr_document *doc, uint32_t i)
{
    if (doc->toks[i].lex & (CHR_W_GIVEN | CHR_W_PATRONYMIC))
        return 1;
    return (doc->toks[i].flags & CHR_TF_INITIAL) != 0;
}

static int initial_before(const geo_ctx *c, uint32_t i)
{
    const chr_document *doc = c->doc;
    if (i < c->sfirst + 2 || !tok_is(doc, i - 1, "."))
        return 0;
    size_t adv;
    const unsigned char *s = (const unsigned char *)geo_tok_text(doc, i - 2);
    uint32_t cp = chr_utf8_next(s, geo_tok_len(doc, i - 2), &adv);
    return is_word(doc, i - 2) && adv == geo_tok_len(doc, i - 2) && chr_cp_is_upper(cp);
}

static int place_cue_before(const geo_ctx *c, uint32_t i)
{
    const chr_document *doc = c->doc;
    uint32_t p = i;
    if (p > c->sfirst && tok_is(doc, p - 1, "."))
        p--;                                     /* г. Королёв */
    return p > c->sfirst && is_word(doc, p - 1) &&
           chr_lex_get(CHR_LEX_GEO_PLACE_CUES, geo_tok_fold(doc, p - 1), geo_tok_len(doc, p - 1));
}

static int is_persons_name(const geo_ctx *c, const geo_ent *e)
{
    const chr_document *doc = c->doc;
    if (place_cue_before(c, e->first))
        return 0;
    if (e->common && sentence_initial(c, e->first))
        return 1;
    if (e->person_like)
        return 1;
    /* only a surname-shaped place (Королёв, Пушкин) can be a person's name */
    if (!e->single_place || !(doc->toks[e->first].lex & CHR_W_SURNAME))
        return 0;
    return (e->first > c->sfirst && personish(doc, e->first - 1)) ||
           initial_before(c, e->first) ||
           (e->end < c->send && personish(doc, e->end));
}

/* ------------------------------------------------------- abbreviations */

/* Walks back from the '(' at p for words whose initials spell the
   abbreviation (Движение в защиту Химкинского леса (ДЗХЛ)); function words
   may be skipped.  Returns the first word's index or UINT32_MAX. */
static uint32_t expansion_start(const geo_ctx *c, uint32_t p, uint32_t acr)
{
    const chr_document *doc = c->doc;
    uint32_t letters[16];
    size_t nl = 0, k = 0, n = geo_tok_len(doc, acr);
    const unsigned char *s = (const unsigned char *)geo_tok_fold(doc, acr);
    while (k < n && nl < 16) {
        size_t adv;
        uint32_t cp = chr_utf8_next(s + k, n - k, &adv);
        if (cp != '-')
            letters[nl++] = cp;
        k += adv;
    }
    if (nl < 2 || nl > 8)
        return UINT32_MAX;
    uint32_t j = p, start = UINT32_MAX;
    while (nl > 0 && j > c->sfirst && p - j < 3 * 8) {
        j--;
        if (!is_word(doc, j))
            return UINT32_MAX;
        size_t adv;
        uint32_t cp =
            chr_utf8_next((const unsigned char *)geo_tok_fold(doc, j), geo_tok_len(doc, j), &adv);
        if (cp == letters[nl - 1]) {
            nl--;
            start = j;
        } else if (!short_function_word(doc, j)) {
            return UINT32_MAX;
        }
    }
    return nl == 0 && is_cap(doc, start) ? start : UINT32_MAX;
}

static int emit(geo_ctx *c, const geo_ent *e)
{
    chr_document *doc = c->doc;
    chr_ent_mention m;
    memset(&m, 0, sizeof m);
    m.start = doc->toks[e->first].start;
    m.end = doc->toks[e->end - 1].end;
    m.tok_first = e->first;
    m.tok_end = e->end;
    m.sentence = doc->toks[e->first].sentence;
    m.kind = e->kind;
    m.type = CHR_MENTION_NAME;
    m.gram_case = case_of(e->cases);
    m.norm = e->norm;
    m.role = -1;
    m.participant = -1;
    return chr_add_mention(doc, &m) < 0 ? -1 : 0;
}

/* "( ABBR )" at p: links the abbreviation with the name before it.  Returns
   tokens consumed (0 when this is no definition), -1 on OOM. */
static int acronym_definition(geo_ctx *c, uint32_t p, uint32_t base)
{
    chr_document *doc = c->doc;
    int cyr = 0, lat = 0;
    if (!tok_is(doc, p, "(") || p + 2 >= c->send || !geo_allcaps(doc, p + 1, &cyr, &lat) ||
        !tok_is(doc, p + 2, ")") || geo_tok_len(doc, p + 1) > 16)
        return 0;
    uint32_t a = p + 1;
    geo_ent listed;
    int is_listed = lex_match(c, a, a + 1, &listed);
    chr_ent_mention *prev = doc->n_ments > base ? &doc->ments[doc->n_ments - 1] : NULL;
    geo_ent e = {.first = a, .end = a + 1, .cases = CHR_GEO_ANY_CASE};
    if (prev && prev->tok_end == p) {
        /* A listed name keeps its norm (Казахстана (РК) stays Казахстан); a
           built one takes the abbreviation's, which is shorter and stable. */
        geo_ent pl;
        int prev_listed = prev->kind == CHR_KIND_LOCATION;
        if (!prev_listed && lex_match(c, prev->tok_first, p, &pl)) {
            extend_org(c, p, &pl);
            prev_listed = pl.end == p;
        }
        e.kind = prev->kind;
        if (prev_listed && !(is_listed && prev->kind != listed.kind)) {
            e.norm = prev->norm;
        } else if (is_listed) {
            e.norm = listed.norm;
            e.kind = listed.kind;
        } else {
            e.norm = chr_strndup(doc, geo_tok_text(doc, a), geo_tok_len(doc, a));
        }
        if (!e.norm)
            return -1;
        if (!prev_listed && strcmp(prev->norm, e.norm) != 0) {
            if (chr_geo_map_put(doc, &c->x->aliases, prev->norm, strlen(prev->norm), e.norm, 0) < 0)
                return -1;
            prev->norm = e.norm;
        }
    } else {
        uint32_t s = expansion_start(c, p, a);
        if (s == UINT32_MAX)
            return 0;
        /* the expansion replaces what was found inside it */
        while (doc->n_ments > base && doc->ments[doc->n_ments - 1].tok_end > s)
            doc->n_ments--;
        if (doc->n_ments > base && doc->ments[doc->n_ments - 1].tok_end > s)
            return 0;
        e.kind = is_listed ? listed.kind : CHR_KIND_ORGANIZATION;
        e.norm = is_listed ? listed.norm
                           : chr_strndup(doc, geo_tok_text(doc, a), geo_tok_len(doc, a));
        if (!e.norm)
            return -1;
        geo_ent x = e;
        x.first = s;
        x.end = p;
        if (emit(c, &x) < 0)
            return -1;
    }
    if (chr_geo_map_put(doc, &c->x->acronyms, geo_tok_fold(doc, a), geo_tok_len(doc, a), e.norm,
                (uint8_t)e.kind) < 0 || emit(c, &e) < 0)
        return -1;
    return 3;
}

/* "ABBR (expansion)" at i: the expansion's initials spell the abbreviation
   (СКС (Союз координационных советов)).  Both get one norm: a listed name's,
   else the abbreviation.  Returns tokens consumed, 0 when this is no such
   pair, -1 on OOM. */
static int acronym_first(geo_ctx *c, uint32_t i)
{
    chr_document *doc = c->doc;
    if (!geo_allcaps(doc, i, NULL, NULL) || i + 3 >= c->send || !tok_is(doc, i + 1, "("))
        return 0;
    uint32_t close = i + 2;
    while (close < c->send && close - i < 26 && !tok_is(doc, close, ")"))
        close++;
    if (close >= c->send || !tok_is(doc, close, ")") || expansion_start(c, close, i) != i + 2)
        return 0;
    geo_ent in, ab;
    if (!entity_at(c, i + 2, close, &in, 0) || in.end != close) {
        /* an expansion no rule names (Движение в защиту Химкинского леса) */
        in = (geo_ent){.first = i + 2, .end = close, .kind = CHR_KIND_ORGANIZATION};
        in.norm = chr_strndup(doc, geo_tok_text(doc, i + 2),
                              doc->toks[close - 1].end - doc->toks[i + 2].start);
        if (!in.norm)
            return -1;
    }
    geo_ent listed_in;
    int in_listed = lex_match(c, in.first, in.end, &listed_in) && listed_in.end == in.end;
    if (!lex_match(c, i, i + 1, &ab)) {
        ab = (geo_ent){.first = i, .end = i + 1, .kind = in.kind, .cases = CHR_GEO_ANY_CASE};
        ab.norm = in_listed ? in.norm
                            : chr_strndup(doc, geo_tok_text(doc, i), geo_tok_len(doc, i));
        if (!ab.norm)
            return -1;
    }
    if (strcmp(in.norm, ab.norm) != 0 && !in_listed) {
        if (chr_geo_map_put(doc, &c->x->aliases, in.norm, strlen(in.norm), ab.norm, 0) < 0)
            return -1;
        in.norm = ab.norm;
    }
    if (chr_geo_map_put(doc, &c->x->acronyms, geo_tok_fold(doc, i), geo_tok_len(doc, i), ab.norm,
                        (uint8_t)ab.kind) < 0 ||
        emit(c, &ab) < 0 || emit(c, &in) < 0)
        return -1;
    return (int)(in.end + 1 - i);
}

/* --------------------------------------------------------------- stage */

/* Most words start nothing: a lowercase word can only be a descriptor, a
   place noun or title, or a country's adjective before a descriptor, and the
   gates answer that without building a candidate. */
static int may_start(geo_ctx *c, uint32_t i)
{
    const chr_document *doc = c->doc;
    if (is_cap(doc, i))
        return 1;
    /* A lower-case word: what entity_at could build from it needs the word
       to be a descriptor, place noun or title, or the next word to be a
       state descriptor (state_body); an all-capitals word without a
       capital first letter (archaic letters) may still be an acronym.  The
       hits are memoised, so entity_at finds them again for free. */
    if (doc->toks[i].flags & CHR_TF_ALLUPPER)
        return chr_geo_gate(c, 1, i) ||
               (i + 1 < c->send && is_word(doc, i + 1) && !is_cap(doc, i + 1) &&
                chr_geo_gate(c, 1, i + 1));
    if (geo_tok_len(doc, i) <= CHR_GEO_WORD_MAX && chr_geo_gate(c, 1, i)) {
        const word_hits *h = chr_geo_hits(c, i);
        for (int k = 0; k < h->n; k++)
            if (h->e[k]->pay[GL_DESC] || h->e[k]->pay[GL_NOUNS] || h->e[k]->pay[GL_TITLES])
                return 1;
    }
    if (i + 1 >= c->send)
        return 0;
    /* one test for "a lower-case word of a sane length": no branch to
       mispredict per condition */
    const chr_token *t = &doc->toks[i + 1];
    if (!((t->kind == CHR_TOK_WORD) & !(t->flags & CHR_TF_UPPER) &
          (t->end - t->start <= CHR_GEO_WORD_MAX)) ||
        !chr_geo_gate(c, 1, i + 1))
        return 0;
    int w = 0;
    const char *p = hit_cand(GL_DESC, chr_geo_hits(c, i + 1), &w);
    return p && strchr(p, 's') != NULL;
}

static void ctx_sentence(geo_ctx *c, uint32_t s)
{
    const chr_sentence *se = &c->doc->sents[s];
    c->sfirst = se->first_token;
    c->send = se->first_token + se->n_tokens;
    if (c->send > c->doc->n_toks)
        c->send = c->doc->n_toks;
    c->first_word = c->send;
    for (uint32_t i = c->sfirst; i < c->send; i++) {
        if (is_word(c->doc, i)) {
            c->first_word = i;
            break;
        }
    }
}

/* "МИД" after "МИД России" in one document is that ministry: a bare name
   takes the one longer name it begins, unless the document has several
   (МИД России and МИД Украины). */
static const char conflict_mark[] = "";

static int qualify_bare_names(chr_document *doc, uint32_t base)
{
    geo_map longer;
    memset(&longer, 0, sizeof longer);
    for (uint32_t k = base; k < doc->n_ments; k++) {
        const char *n = doc->ments[k].norm;
        if (doc->ments[k].kind != CHR_KIND_ORGANIZATION || !n)
            continue;
        for (const char *sp = strchr(n, ' '); sp; sp = strchr(sp + 1, ' ')) {
            uint32_t slot;
            if (chr_geo_map_find(&longer, n, (size_t)(sp - n), &slot)) {
                if (longer.e[slot].val != conflict_mark && strcmp(longer.e[slot].val, n) != 0)
                    longer.e[slot].val = conflict_mark;
            } else if (chr_geo_map_put(doc, &longer, n, (size_t)(sp - n), n, 0) < 0) {
                return -1;
            }
        }
    }
    if (!longer.count)
        return 0;
    for (uint32_t k = base; k < doc->n_ments; k++) {
        const char *n = doc->ments[k].norm;
        uint32_t slot;
        if (doc->ments[k].kind == CHR_KIND_ORGANIZATION && n &&
            chr_geo_map_find(&longer, n, strlen(n), &slot) && longer.e[slot].val != conflict_mark)
            doc->ments[k].norm = longer.e[slot].val;
    }
    return 0;
}

int chr_orgs_places(chr_document *doc)
{
    if (doc->n_toks == 0)
        return 0;
    geo_ctx c;
    chr_geo_ctx_init(&c, doc);
    c.x = chr_geo_index(doc);
    if (!c.x)
        return -1;
    uint32_t base = doc->n_ments;
    for (uint32_t s = 0; s < doc->n_sents; s++) {
        ctx_sentence(&c, s);
        uint32_t i = c.sfirst;
        while (i < c.send) {
            int used = acronym_definition(&c, i, base);
            if (used == 0)
                used = acronym_first(&c, i);
            if (used < 0)
                return -1;
            if (used > 0) {
                i += (uint32_t)used;
                continue;
            }
            geo_ent e;
            if (is_word(doc, i) && may_start(&c, i) && entity_at(&c, i, c.send, &e, 0) &&
                !is_persons_name(&c, &e)) {
                if (emit(&c, &e) < 0)
                    return -1;
                i = e.end;
                continue;
            }
            i++;
        }
    }
    if (qualify_bare_names(doc, base) < 0)
        return -1;
    /* expansions met before their abbreviation was defined */
    if (c.x->aliases.count) {
        for (uint32_t k = base; k < doc->n_ments; k++) {
            const char *n = doc->ments[k].norm;
            uint32_t slot;
            if (n && chr_geo_map_find(&c.x->aliases, n, strlen(n), &slot))
                doc->ments[k].norm = c.x->aliases.e[slot].val;
        }
    }
    return doc->status == CHR_OK ? 0 : -1;
}

/* A place's adjective as an affiliation: российский -> Россия. */
static const char *adjective_place(chr_document *doc, uint32_t i)
{
    if (!is_word(doc, i) || geo_tok_len(doc, i) > CHR_GEO_WORD_MAX)
        return NULL;
    chr_geo_cand cd[CHR_GEO_MAX_CANDS];
    int nc = chr_geo_cands(geo_tok_fold(doc, i), geo_tok_len(doc, i), cd, CHR_GEO_MAX_CANDS);
    const char *p = lex_cand(CHR_LEX_GEO_ADJECTIVES, cd, nc, NULL);
    return p ? payload_norm(doc, p, NULL) : NULL;
}

const char *chr_geo_canonical(chr_document *doc, uint32_t a, uint32_t b, chr_kind *kind)
{
    if (!doc || a >= b || b > doc->n_toks || !doc->lower)
        return NULL;
    geo_ctx c;
    chr_geo_ctx_init(&c, doc);
    c.x = chr_geo_index(doc);
    if (!c.x)
        return NULL;
    ctx_sentence(&c, doc->toks[a].sentence);
    if (b > c.send)
        b = c.send;
    if (a < c.sfirst || a >= b)
        return NULL;
    /* the whole span first, else the last name inside it */
    const char *found = NULL;
    chr_kind fk = CHR_KIND_LOCATION;
    for (uint32_t i = a; i < b;) {
        geo_ent e;
        if (entity_at(&c, i, b, &e, 0)) {
            uint32_t slot;
            found = e.norm;
            if (found && chr_geo_map_find(&c.x->aliases, found, strlen(found), &slot))
                found = c.x->aliases.e[slot].val;
            fk = e.kind;
            if (i == a && e.end == b)
                break;
            i = e.end;
            continue;
        }
        const char *adj = adjective_place(doc, i);
        if (adj) {
            found = adj;
            fk = CHR_KIND_LOCATION;
        }
        i++;
    }
    if (found && kind)
        *kind = fk;
    return found;
}
