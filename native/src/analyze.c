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

/* Stem filters: a word is an inflected form of a lexicon key only if,
   once its ending (at most a few letters) is off, it is the key once the
   key's own nominative ending is off: Генерального -> генеральн(ый),
   Льва -> л(ев).  A Bloom filter of those key stems, built per parse from
   the lexicon (no shared state), spares most words every suffix rule. */
#define STEM_BITS (1u << 17)
#define GATE_BITS 65536u

typedef struct stem_filter {
    uint64_t bits[STEM_BITS / 64];
    uint64_t gate[GATE_BITS / 64];      /* first four bytes of the stems */
    uint64_t gate2[GATE_BITS / 64];     /* stems of two bytes (Л- of Лев) */
} stem_filter;

#define FNV_OFFSET 2166136261u
#define FNV_PRIME 16777619u

/* the first four bytes (two Cyrillic letters) of every key: most words
   fail this one look-up before any hashing */
static uint32_t gate_of(const char *s, size_t n)
{
    uint32_t g = 0;
    memcpy(&g, s, n < 4 ? n : 4);
    g *= 0x9E3779B1u;
    return g >> 16;
}

static void stem_set(stem_filter *f, uint32_t h)
{
    uint32_t a = h & (STEM_BITS - 1), b = (h >> 15 ^ h * 0x9E3779B1u) & (STEM_BITS - 1);
    f->bits[a / 64] |= 1ull << (a % 64);
    f->bits[b / 64] |= 1ull << (b % 64);
}

static int stem_has(const stem_filter *f, uint32_t h)
{
    uint32_t a = h & (STEM_BITS - 1), b = (h >> 15 ^ h * 0x9E3779B1u) & (STEM_BITS - 1);
    return (f->bits[a / 64] >> (a % 64)) & (f->bits[b / 64] >> (b % 64)) & 1;
}

static uint32_t fnv(const char *s, size_t n)
{
    uint32_t h = FNV_OFFSET;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= FNV_PRIME;
    }
    return h;
}

/* reps: the nominative endings that morph.c's rules put back on a stem */
static void stem_build(stem_filter *f, chr_lexicon lex, const char *const *reps, size_t n_reps)
{
    memset(f, 0, sizeof *f);
    size_t n = chr_lex_size(lex);
    for (size_t i = 0; i < n; i++) {
        const char *k = chr_lex_key(lex, i);
        size_t kl = strlen(k);
        for (size_t r = 0; r < n_reps; r++) {
            size_t rl = strlen(reps[r]);
            if (rl > kl || memcmp(k + kl - rl, reps[r], rl) != 0)
                continue;
            size_t sl = kl - rl;
            stem_set(f, fnv(k, sl));
            uint32_t g = gate_of(k, sl);
            if (sl >= 4)
                f->gate[g / 64] |= 1ull << (g % 64);
            else
                f->gate2[g / 64] |= 1ull << (g % 64);
        }
    }
}

/* Is some stem of folded f (the word less 0..max_cut two-byte letters,
   at least min_stem bytes long) in the filter?  One pass of the hash. */
static int stem_any(const stem_filter *f, const char *s, size_t n, size_t max_cut, size_t min_stem)
{
    if (n >= 4) {
        /* a stem of four bytes or more begins the word; a shorter one is
           its first two bytes */
        uint32_t g = gate_of(s, 4), g2 = gate_of(s, 2);
        if (!(f->gate[g / 64] >> (g % 64) & 1) && !(f->gate2[g2 / 64] >> (g2 % 64) & 1))
            return 0;
    }
    uint32_t h = FNV_OFFSET;
    size_t first = n > 2 * max_cut ? n - 2 * max_cut : 0;
    if (first < min_stem)
        first = min_stem;
    for (size_t i = 0; i < n; i++) {
        if (i >= first && !((n - i) & 1) && stem_has(f, h))
            return 1;
        h ^= (unsigned char)s[i];
        h *= FNV_PRIME;
    }
    return stem_has(f, h);
}

/* The small word lists looked up for every new word, as one Bloom filter
   (a bit test in cache instead of a probe of a lexicon table): most words
   are in none of them. */
#define LIST_BITS (1u << 16)
enum { L_STOP, L_PRONOUN, L_NOT_NAME, L_MONTH, L_SURNAME, L_N };
static const chr_lexicon list_lex[L_N] = {CHR_LEX_STOPWORDS, CHR_LEX_PRONOUNS, CHR_LEX_NOT_NAMES,
                                          CHR_LEX_MONTHS, CHR_LEX_SURNAMES};

typedef struct list_filter {
    uint64_t bits[LIST_BITS / 64];
} list_filter;

static uint32_t list_bit(uint32_t h, int list)
{
    uint32_t x = (h ^ (uint32_t)list * 0x85EBCA6Bu) * 0xC2B2AE35u;
    return (x ^ x >> 15) & (LIST_BITS - 1);
}

static void list_build(list_filter *f)
{
    memset(f, 0, sizeof *f);
    for (int l = 0; l < L_N; l++) {
        size_t n = chr_lex_size(list_lex[l]);
        for (size_t i = 0; i < n; i++) {
            const char *k = chr_lex_key(list_lex[l], i);
            uint32_t b = list_bit(fnv(k, strlen(k)), l);
            f->bits[b / 64] |= 1ull << (b % 64);
        }
    }
}

/* Is the folded word f (hash h) in list l? */
static int in_list(const list_filter *lf, uint32_t h, int l, const char *f, size_t n)
{
    uint32_t b = list_bit(h, l);
    return (lf->bits[b / 64] >> (b % 64) & 1) && chr_lex_get(list_lex[l], f, n) != NULL;
}

static const char *const title_reps[] = {"", "\xd0\xb0", "\xd1\x8c", "\xd1\x8f", "\xd1\x8b\xd0\xb9",
                                         "\xd0\xb8\xd0\xb9", "\xd0\xbe\xd0\xb9"};
static const char *const given_reps[] = {"", "\xd0\xb9", "\xd1\x8c", "\xd1\x8f", "\xd0\xb0",
                                         "\xd0\xb5\xd0\xbb", "\xd0\xb5\xd0\xb2"};

/* A patronymic carries -ич-, -вн- or -чн- near its end (Петрович,
   Ивановной, Ильиничну): a byte scan before the rules. */
static int may_be_patronymic(const char *f, size_t n)
{
    size_t from = n > 14 ? n - 14 : 0;
    for (size_t i = from; i + 4 <= n; i++) {
        const unsigned char *u = (const unsigned char *)f + i;
        if ((u[0] == 0xD0 && u[1] == 0xB8 && u[2] == 0xD1 && u[3] == 0x87) ||   /* ич */
            (u[0] == 0xD0 && u[1] == 0xB2 && u[2] == 0xD0 && u[3] == 0xBD) ||   /* вн */
            (u[0] == 0xD1 && u[1] == 0x87 && u[2] == 0xD0 && u[3] == 0xBD))     /* чн */
            return 1;
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

/* Eight bytes a step; a collision only costs a miss. */
/* avail: the bytes readable from s (the rest of the text), so that the
   tail is one load where the text goes on. */
static uint32_t word_hash(const char *s, size_t n, size_t avail)
{
    uint64_t h = n * 0x9E3779B97F4A7C15ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 29;
    }
    if (i < n) {
        uint64_t w = 0;
        if (i + 8 <= avail) {
            memcpy(&w, s + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            w >>= 8 * (8 - (n - i));        /* the word's bytes only */
#else
            w &= ~0ull >> (8 * (8 - (n - i)));
#endif
        } else {
            for (unsigned k = 0; i + k < n; k++)
                w |= (uint64_t)(unsigned char)s[i + k] << (8 * k);
        }
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 29;
    }
    h *= 0xC4CEB9FE1A85EC53ull;
    return (uint32_t)(h >> 48) & (CACHE_SLOTS - 1);
}

/* The analysis of one word (a cache miss): lexicon bits, case, lemma. */
static int analyze_word(chr_document *doc, chr_token *t, const stem_filter *titles,
                        const stem_filter *given, const list_filter *lists)
{
    const char *f = doc->lower + t->start;
    const char *s = doc->text.s + t->start;
    uint32_t n = t->end - t->start;
    int upper = (t->flags & CHR_TF_UPPER) != 0;     /* the tokenizer's reading */
    uint32_t h = fnv(f, n);
    if (in_list(lists, h, L_STOP, f, n))
        t->lex |= CHR_W_STOP;
    if (in_list(lists, h, L_PRONOUN, f, n))
        t->lex |= CHR_W_PRONOUN;
    if (upper && in_list(lists, h, L_NOT_NAME, f, n))
        t->lex |= CHR_W_NOT_NAME;
    if (in_list(lists, h, L_MONTH, f, n))
        t->lex |= CHR_W_MONTH;
    if ((t->lex & CHR_W_STOP) && !upper)
        return 0;                       /* "Сами" may still be a first name */
    char lemma[CHR_MORPH_WORD];
    uint8_t cases = 0, plural = 0;
    /* "После" capitalised is still a preposition, not a form of "посол" */
    if (n >= 4 && !(t->lex & CHR_W_STOP) && stem_any(titles, f, n, 3, 4) &&
        chr_morph_title(f, n, lemma, sizeof lemma, &cases, &plural)) {
        t->lex |= CHR_W_TITLE;
        t->gram_case = single_case(cases);
        if (set_lemma(doc, t, lemma, strlen(lemma)) < 0)
            return -1;
    }
    if (!upper)
        return 0;
    chr_name_form forms[CHR_MORPH_MAX];
    /* hyphenated names decline in either part: no filter for them */
    int k = (memchr(f, '-', n) || stem_any(given, f, n, 4, 2)) ?
            chr_morph_given(s, n, forms, CHR_MORPH_MAX) : 0;
    if (k > 0) {
        t->lex |= CHR_W_GIVEN;
        int b = chr_morph_pick(forms, k, 0, 0);
        if (!(t->lex & CHR_W_TITLE)) {
            t->gram_case = single_case(forms[b].cases);
            char fl[CHR_MORPH_WORD];
            size_t ln = strlen(forms[b].nom);
            chr_morph_fold(forms[b].nom, ln, fl);
            if (set_lemma(doc, t, fl, ln) < 0)
                return -1;
        }
    }
    if (may_be_patronymic(f, n) && chr_morph_patronymic(s, n, forms, CHR_MORPH_MAX) > 0)
        t->lex |= CHR_W_PATRONYMIC;
    if (in_list(lists, h, L_SURNAME, f, n) || chr_morph_surname_ending(f, n) >= 2)
        t->lex |= CHR_W_SURNAME;
    return 0;
}

int chr_analyze(chr_document *doc)
{
    stem_filter *filters = malloc(2 * sizeof *filters);
    list_filter *lists = malloc(sizeof *lists);
    uint32_t *cache = calloc(CACHE_SLOTS, sizeof *cache);   /* token index + 1 */
    if (!filters || !lists || !cache) {
        free(filters);
        free(lists);
        free(cache);
        doc->status = CHR_ERR_NOMEM;
        return -1;
    }
    stem_filter *titles = &filters[0], *given = &filters[1];
    stem_build(titles, CHR_LEX_TITLES, title_reps, sizeof title_reps / sizeof title_reps[0]);
    stem_build(given, CHR_LEX_GIVEN_NAMES, given_reps, sizeof given_reps / sizeof given_reps[0]);
    list_build(lists);
    int rc = 0;
    for (uint32_t i = 0; i < doc->n_toks && rc == 0; i++) {
        chr_token *t = &doc->toks[i];
        if (t->kind != CHR_TOK_WORD)
            continue;
        uint32_t n = t->end - t->start;
        if (n >= CHR_MORPH_WORD)
            continue;
        const char *s = doc->text.s + t->start;
        uint32_t slot = word_hash(s, n, doc->text.len - t->start);
        if (cache[slot]) {
            const chr_token *o = &doc->toks[cache[slot] - 1];
            if (o->end - o->start == n && memcmp(doc->text.s + o->start, s, n) == 0) {
                t->lex |= o->lex;
                t->gram_case = o->gram_case;
                t->lemma = o->lemma;
                t->lemma_len = o->lemma_len;
                continue;
            }
        }
        cache[slot] = i + 1;
        rc = analyze_word(doc, t, titles, given, lists);
    }
    free(filters);
    free(lists);
    free(cache);
    return rc;
}
