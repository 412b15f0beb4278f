/* analyze.c - word analysis: lexicon bits, lemmas and case guesses.

   One pass over the tokens with O(1) lexicon look-ups per word.  Lemmas are
   kept only where a later stage needs them (titles, first names), so the
   arena does not grow with every word of a large document. */
#include "internal.h"
#include "morph.h"

#include <stdlib.h>
#include <string.h>

static uint8_t single_case(uint8_t cases)
{
    for (uint8_t c = CHR_CASE_NOM; c <= CHR_CASE_PREP; c++)
        if (cases == CHR_CM(c))
            return c;
    return CHR_CASE_UNKNOWN;
}

static int first_upper(const char *s, uint32_t n)
{
    size_t adv;
    uint32_t cp = chr_utf8_next((const unsigned char *)s, n, &adv);
    return chr_cp_is_upper(cp);
}

/* Prefix filters: a word can be an inflected form of a lexicon key only
   if they share the first three letters (six bytes in Cyrillic), so one bit
   test spares most words the suffix rules.  Built per parse from the
   lexicons: a few thousand hashes, no shared state. */
#define PREFIX_BITS 16384
#define PREFIX_LEN 6

typedef struct prefix_filter {
    uint64_t bits[PREFIX_BITS / 64];
} prefix_filter;

static uint32_t prefix_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n && i < PREFIX_LEN; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h & (PREFIX_BITS - 1);
}

static void filter_build(prefix_filter *f, chr_lexicon lex)
{
    memset(f, 0, sizeof *f);
    size_t n = chr_lex_size(lex);
    for (size_t i = 0; i < n; i++) {
        const char *k = chr_lex_key(lex, i);
        size_t kl = strlen(k);
        uint32_t h = prefix_hash(k, kl);
        f->bits[h / 64] |= 1ull << (h % 64);
        if (kl <= PREFIX_LEN) {
            /* Иса/Исы: a short name changes its third letter */
            h = prefix_hash(k, PREFIX_LEN - 2) ^ 1;
            f->bits[h / 64] |= 1ull << (h % 64);
        }
    }
}

/* Titles: four letters of the key (the whole key when shorter), since a
   title keeps its stem in every case but for the listed irregular forms. */
static uint32_t long_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n && i < 8; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h & (PREFIX_BITS - 1);
}

static void title_filter_build(prefix_filter *f)
{
    memset(f, 0, sizeof *f);
    size_t n = chr_lex_size(CHR_LEX_TITLES);
    for (size_t i = 0; i < n; i++) {
        const char *k = chr_lex_key(CHR_LEX_TITLES, i);
        uint32_t h = long_hash(k, strlen(k));
        f->bits[h / 64] |= 1ull << (h % 64);
    }
}

static int title_filter_has(const prefix_filter *f, const char *s, size_t n)
{
    uint32_t h = long_hash(s, n);
    if (f->bits[h / 64] & (1ull << (h % 64)))
        return 1;
    /* a three-letter title (мэр, шах) in an inflected form */
    h = long_hash(s, n < 6 ? n : 6);
    return (f->bits[h / 64] & (1ull << (h % 64))) != 0;
}

static int filter_has(const prefix_filter *f, const char *s, size_t n)
{
    uint32_t h = prefix_hash(s, n);
    if (f->bits[h / 64] & (1ull << (h % 64)))
        return 1;
    h = prefix_hash(s, n < PREFIX_LEN - 2 ? n : PREFIX_LEN - 2) ^ 1;
    if (n <= PREFIX_LEN + 4 && (f->bits[h / 64] & (1ull << (h % 64))))
        return 1;
    /* Льва, Льву: the key is Лев */
    if (n >= 6 && memcmp(s + 2, "\xd1\x8c", 2) == 0) {
        char t[6] = {s[0], s[1], '\xd0', '\xb5', s[4], s[5]};
        h = prefix_hash(t, 6);
        return (f->bits[h / 64] & (1ull << (h % 64))) != 0;
    }
    return 0;
}

static int set_lemma(chr_document *doc, chr_token *t, const char *s, size_t n)
{
    char *l = chr_strndup(doc, s, n);
    if (!l)
        return -1;
    t->lemma = l;
    t->lemma_len = (uint32_t)n;
    return 0;
}

/* Words repeat: a direct-mapped cache from a word's bytes to the token
   that last had them lets a repeated word copy its analysis instead of
   redoing the look-ups.  Collisions just overwrite. */
#define CACHE_SLOTS 65536

static uint32_t word_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h & (CACHE_SLOTS - 1);
}

int chr_analyze(chr_document *doc)
{
    prefix_filter *filters = malloc(2 * sizeof *filters);
    if (!filters) {
        doc->status = CHR_ERR_NOMEM;
        return -1;
    }
    prefix_filter *titles = &filters[0], *given = &filters[1];
    uint32_t *cache = calloc(CACHE_SLOTS, sizeof *cache);   /* token index + 1 */
    if (!cache) {
        free(filters);
        doc->status = CHR_ERR_NOMEM;
        return -1;
    }
    title_filter_build(titles);
    filter_build(given, CHR_LEX_GIVEN_NAMES);
    int rc = 0;
    for (uint32_t i = 0; i < doc->n_toks && rc == 0; i++) {
        chr_token *t = &doc->toks[i];
        if (t->kind != CHR_TOK_WORD)
            continue;
        const char *f = doc->lower + t->start;
        uint32_t n = t->end - t->start;
        if (n >= CHR_MORPH_WORD)
            continue;
        const char *s = doc->text.s + t->start;
        uint32_t slot = word_hash(s, n);
        if (cache[slot]) {
            const chr_token *o = &doc->toks[cache[slot] - 1];
            if (o->end - o->start == n && memcmp(doc->text.s + o->start, s, n) == 0) {
                t->lex |= o->lex;
                t->flags |= o->flags & CHR_TF_UPPER;
                t->gram_case = o->gram_case;
                t->lemma = o->lemma;
                t->lemma_len = o->lemma_len;
                continue;
            }
        }
        cache[slot] = i + 1;
        int upper = first_upper(s, n);
        /* the longest stop word and pronoun are short */
        if (n <= 20 && chr_lex_get(CHR_LEX_STOPWORDS, f, n))
            t->lex |= CHR_W_STOP;
        if (n <= 8 && chr_lex_get(CHR_LEX_PRONOUNS, f, n))
            t->lex |= CHR_W_PRONOUN;
        if (upper && chr_lex_get(CHR_LEX_NOT_NAMES, f, n))
            t->lex |= CHR_W_NOT_NAME;
        if (n <= 18 && chr_lex_get(CHR_LEX_MONTHS, f, n))
            t->lex |= CHR_W_MONTH;
        if ((t->lex & CHR_W_STOP) && !upper)
            continue;                   /* "Сами" may still be a first name */
        char lemma[CHR_MORPH_WORD];
        uint8_t cases = 0, plural = 0;
        /* "После" capitalised is still a preposition, not a form of "посол" */
        if (n >= 4 && !(t->lex & CHR_W_STOP) && title_filter_has(titles, f, n) &&
            chr_morph_title(f, n, lemma, sizeof lemma, &cases, &plural)) {
            t->lex |= CHR_W_TITLE;
            t->gram_case = single_case(cases);
            if (set_lemma(doc, t, lemma, strlen(lemma)) < 0) {
                rc = -1;
                break;
            }
        }
        if (!upper)
            continue;
        t->flags |= CHR_TF_UPPER;
        chr_name_form forms[CHR_MORPH_MAX];
        int k = filter_has(given, f, n) ? chr_morph_given(s, n, forms, CHR_MORPH_MAX) : 0;
        if (k > 0) {
            t->lex |= CHR_W_GIVEN;
            int b = chr_morph_pick(forms, k, 0, 0);
            if (!(t->lex & CHR_W_TITLE)) {
                t->gram_case = single_case(forms[b].cases);
                char fl[CHR_MORPH_WORD];
                size_t ln = strlen(forms[b].nom);
                chr_utf8_fold(forms[b].nom, ln, fl);
                if (set_lemma(doc, t, fl, ln) < 0) {
                    rc = -1;
                    break;
                }
            }
        }
        if (chr_morph_patronymic(s, n, forms, CHR_MORPH_MAX) > 0)
            t->lex |= CHR_W_PATRONYMIC;
        if (chr_morph_surname_shape(f, n) >= 2)
            t->lex |= CHR_W_SURNAME;
    }
    free(filters);
    free(cache);
    return rc;
}
