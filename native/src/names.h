/* names.h - the persons stage's shared state, private to names*.c.

   names.c finds titles and names, names_east.c East Asian names (family
   first), names_roles.c ties titles to the persons they describe,
   names_memo.c remembers each word's name readings. */
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

/* The readings of a word as a surname or a first name, remembered per
   document: a person's name recurs, and its morphology is the costly part.
   Direct-mapped (a collision only recomputes); each slot keeps the forms
   packed (cases, gender, prio, length, nominative), and a word whose forms
   do not fit is simply not remembered. */
#define MEMO_SLOTS 4096
#define MEMO_BYTES 240
#define TITLE_MEMO 1024

typedef struct morph_memo {
    uint32_t key[MEMO_SLOTS];           /* token index + 1 of the word, 0 empty */
    uint8_t given[MEMO_SLOTS];          /* first-name readings, else surname */
    uint8_t n[MEMO_SLOTS];
    unsigned char packed[MEMO_SLOTS][MEMO_BYTES];
    /* a title word's cases and number by its lemma pointer, which
       analyze.c shares among tokens spelled alike */
    struct { const char *lemma; uint8_t cases, plural; } title[TITLE_MEMO];
    /* a title complement's affiliation, by the complement's text */
    struct { uint32_t start, len; const char *of; } of[TITLE_MEMO];
    /* whether a capitalised word is an organisation's head noun */
    struct { uint32_t key; uint8_t yes; } org[TITLE_MEMO];
} morph_memo;

typedef struct names_ctx {
    chr_document *doc;
    int32_t *tok_ment;      /* per token: the mention covering it, or -1 */
    uint8_t *tok_info;      /* per token: TI_* bits */
    phrase *ph;
    uint32_t n_ph, cap_ph;
    const char **fam;       /* hash set of folded family names (arena) */
    uint32_t fam_mask, n_fam;
    uint64_t fam_prefix[64];    /* first three letters of each family, hashed */
    morph_memo *memo;           /* NULL when it could not be allocated */
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

/* two or more letters, all capitals (the tokenizer's flag) */
static inline int is_all_upper(const chr_document *d, uint32_t i)
{
    return (d->toks[i].flags & CHR_TF_ALLUPPER) != 0;
}

static inline size_t n_letters(const chr_document *d, uint32_t i)
{
    size_t c = 0, n = tlen(d, i);
    const char *s = ttext(d, i);
    for (size_t k = 0; k < n; k++)
        c += ((unsigned char)s[k] & 0xC0) != 0x80;
    return c;
}

/* "В." : one capital letter glued to a full stop (the tokenizer's flag) */
static inline int is_initial(const chr_document *d, uint32_t i, uint32_t send)
{
    return (d->toks[i].flags & CHR_TF_INITIAL) && i + 1 < send;
}

static inline int ends_with(const char *f, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return k <= n && memcmp(f + n - k, suf, k) == 0;
}

/* The memo slot of a word's bytes (kind: 0 surname, 1 first name, 2 other). */
static inline uint32_t chr_names_memo_slot(const char *s, size_t n, int kind)
{
    uint32_t h = 2166136261u ^ (uint32_t)kind;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return (h ^ h >> 16) & (MEMO_SLOTS - 1);
}

/* The surname (given = 0) or first-name (given = 1) readings of token i,
   as chr_morph_surname / chr_morph_given give them, into out
   (CHR_MORPH_MAX forms); returns their number. */
CHR_HIDDEN int chr_names_forms(const names_ctx *c, uint32_t i, int given, chr_name_form *out);
/* A list of endings with their lengths, tested last byte first. */
typedef struct ending {
    const char *s;
    uint8_t n;
} ending;
#define END(x) {x, sizeof x - 1}

static inline int ends_in(const char *f, size_t n, const ending *e, size_t ne)
{
    for (size_t k = 0; k < ne; k++) {
        size_t l = e[k].n;
        if (l <= n && f[n - 1] == e[k].s[l - 1] && memcmp(f + n - l, e[k].s, l) == 0)
            return 1;
    }
    return 0;
}
#define ENDS_IN(f, n, list) ends_in(f, n, list, sizeof list / sizeof list[0])

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
