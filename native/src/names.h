/* names.h - the persons stage's shared state, private to names*.c.

   names.c finds titles and names, names_east.c East Asian names (family
   first), names_roles.c ties titles to the persons they describe. */
#ifndef CHR_NAMES_H
#define CHR_NAMES_H

#include "internal.h"
#include "morph.h"

#include <string.h>

#define FAIL UINT32_MAX       /* out of memory, from the scanners */

typedef struct phrase {
    uint32_t a, b;          /* title words [a, b) */
    uint32_t cb;            /* complement is [b, cb) */
    uint32_t sentence;
    const char *key;        /* folded nominative title (arena) */
    const char *head;       /* head noun, folded nominative (arena) */
    const char *flags;      /* lexicon payload */
    uint32_t head_tok;      /* last title word given as its lemma */
    int32_t holder;         /* person mention it describes, -1 none */
    uint8_t cases, plural, cap, chained;
} phrase;

typedef struct names_ctx {
    chr_document *doc;
    int32_t *tok_ment;      /* per token: the mention covering it, or -1 */
    uint8_t *tok_info;      /* per token: TI_* bits */
    phrase *ph;
    uint32_t n_ph, cap_ph;
    const char **fam;       /* hash set of folded family names (arena) */
    uint32_t fam_mask, n_fam;
    uint64_t fam_prefix[64];    /* first three letters of each family, hashed */
} names_ctx;

enum { TI_QUOTED = 1, TI_SENT_START = 2, TI_PHRASE = 4, TI_AFTER_PHRASE = 8 };

/* ------------------------------------------------------------ tokens */

static inline uint32_t tlen(const chr_document *d, uint32_t i) { return d->toks[i].end - d->toks[i].start; }
static inline const char *ttext(const chr_document *d, uint32_t i) { return d->text.s + d->toks[i].start; }
static inline const char *tfold(const chr_document *d, uint32_t i) { return d->lower + d->toks[i].start; }

static inline int is_word(const chr_document *d, uint32_t i) { return d->toks[i].kind == CHR_TOK_WORD; }

static inline int is_cap(const chr_document *d, uint32_t i)
{
    return is_word(d, i) && (d->toks[i].flags & CHR_TF_UPPER);
}

static inline int tok_is(const chr_document *d, uint32_t i, const char *s)
{
    size_t n = strlen(s);
    return tlen(d, i) == n && memcmp(ttext(d, i), s, n) == 0;
}

static inline int is_dash(const chr_document *d, uint32_t i)
{
    return tok_is(d, i, "\xe2\x80\x93") || tok_is(d, i, "\xe2\x80\x94") || tok_is(d, i, "-");
}

static inline int is_all_upper(const chr_document *d, uint32_t i)
{
    const unsigned char *s = (const unsigned char *)ttext(d, i);
    size_t n = tlen(d, i), k = 0, letters = 0;
    while (k < n) {
        size_t adv;
        uint32_t cp = chr_utf8_next(s + k, n - k, &adv);
        if (chr_cp_is_letter(cp)) {
            if (!chr_cp_is_upper(cp))
                return 0;
            letters++;
        }
        k += adv;
    }
    return letters >= 2;
}

static inline size_t n_letters(const chr_document *d, uint32_t i)
{
    size_t c = 0, n = tlen(d, i);
    const char *s = ttext(d, i);
    for (size_t k = 0; k < n; k++)
        c += ((unsigned char)s[k] & 0xC0) != 0x80;
    return c;
}

/* "В." : one capital letter glued to a full stop */
static inline int is_initial(const chr_document *d, uint32_t i, uint32_t send)
{
    return is_cap(d, i) && n_letters(d, i) == 1 && i + 1 < send && tok_is(d, i + 1, ".") &&
           d->toks[i + 1].start == d->toks[i].end;
}

static inline int ends_with(const char *f, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return k <= n && memcmp(f + n - k, suf, k) == 0;
}

/* A capitalised word that may be part of a person's name. */
CHR_HIDDEN int chr_names_namelike(const names_ctx *c, uint32_t i);
/* Adds a person name mention over tokens [a, b); returns its index, -1 on OOM. */
CHR_HIDDEN int32_t chr_names_add_person(names_ctx *c, uint32_t a, uint32_t b, const char *given,
                                        const char *patr, const char *family, uint8_t cases,
                                        uint8_t gender);
/* An East Asian name at token i: the token after it, i when none, or FAIL. */
CHR_HIDDEN uint32_t chr_names_east_asian(names_ctx *c, uint32_t i, uint32_t send);
/* Titles -> roles with their holders, role-only mentions (names_roles.c). */
CHR_HIDDEN int chr_names_tie_roles(names_ctx *c);
/* Sorts doc->ments by position, keeping roles' holders. */
CHR_HIDDEN int chr_names_sort_mentions(chr_document *d);

#endif
