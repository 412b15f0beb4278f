/* times.h - temporal expressions: the recogniser (times_match.c) finds them
   and describes each as a chr_tx; times.c resolves them against the document
   date and publishes doc->tms and doc->times.  Recognition never needs the
   document date, so a dateline found in the text can anchor everything. */
#ifndef CHR_TIMES_H
#define CHR_TIMES_H

#include "internal.h"

#include <string.h>

/* The year is the document's (plus yoff) rather than written out. */
#define CHR_TX_YDOC 0

enum chr_tx_base {
    CHR_TX_NONE = 0,    /* a time of day only: takes its day from context */
    CHR_TX_DATE,        /* year / month / day, gran says how fine */
    CHR_TX_REL,         /* n units from the document date */
    CHR_TX_WDAY,        /* a weekday, resolved by direction */
    CHR_TX_WEEKEND,     /* a weekend, resolved by direction */
    CHR_TX_DECADE,      /* n = first year (1990) */
    CHR_TX_CENTURY,     /* n = century number (20 = XX век) */
    CHR_TX_SEASON,      /* n: 1 winter, 2 spring, 3 summer, 4 autumn */
    CHR_TX_QUARTER,     /* n: 1..4 */
    CHR_TX_HALF,        /* n: 1..2 */
    CHR_TX_DUR,         /* P<n><unit>, n < 0 = X */
    CHR_TX_SET,         /* recurring: ref ("P1D") or weekday n */
    CHR_TX_REF          /* PRESENT_REF, PAST_REF, FUTURE_REF */
};

/* Granularity of CHR_TX_DATE, and unit of CHR_TX_REL / DUR / SET. */
enum chr_tx_unit {
    CHR_U_NONE = 0, CHR_U_MINUTE, CHR_U_HOUR, CHR_U_DAY, CHR_U_WEEK, CHR_U_MONTH,
    CHR_U_YEAR, CHR_U_CENTURY
};

typedef struct chr_tx {
    uint32_t a, b;          /* tokens [a, b) */
    uint8_t base;           /* chr_tx_base */
    uint8_t unit;           /* chr_tx_unit */
    int8_t wdir;            /* weekday, weekend: -1 before, +1 after, 0 by tense,
                               2 this week */
    uint8_t tense;          /* chr_tense + 1, 0 none */
    uint8_t strict;         /* weekday: never the document day itself */
    uint8_t lead;           /* the preposition before it (see prep()), 0 none */
    int year;               /* > 0 written, CHR_TX_YDOC from the document */
    int yoff;               /* with CHR_TX_YDOC: прошлого года = -1 */
    int month, day;         /* 0 when absent */
    int n;                  /* see chr_tx_base */
    int minute;             /* minute of the day, -1 when none */
    char part[3];           /* "MO", "AF", "EV", "NI" or "" */
    const char *ref;        /* static string for REF / SET values */
} chr_tx;

/* Recognised expressions (malloc'd). */
typedef struct chr_tx_list {
    chr_tx *v;
    uint32_t n, cap;
} chr_tx_list;

typedef struct chr_tx_filter {
    uint64_t bits[64];      /* 4096-bit Bloom-like prefilter over lexicon keys */
} chr_tx_filter;

CHR_HIDDEN void chr_tx_filter_init(chr_tx_filter *f);
/* Recognises the expressions of sentence `s`, appending them to *out.
   Returns 0, or -1 on OOM (doc->status set). */
CHR_HIDDEN int chr_tx_sentence(chr_document *doc, const chr_tx_filter *f, uint32_t s,
                               chr_tx_list *out);

/* ------------------------------------------ shared by the recogniser */

/* Matching state for one sentence. */
typedef struct chr_tx_ctx {
    chr_document *doc;
    const chr_token *t;
    const char *low;
    const chr_tx_filter *f;
    uint32_t sf, se;        /* the sentence's tokens */
    uint32_t floor;         /* no expression may start before this token */
    int depth;              /* nested match (a day after a time, a period after начало) */
    int in_period;          /* inside "начале/конце/в течение ...": context given */
} chr_tx_ctx;

static inline size_t tlen(const chr_tx_ctx *c, uint32_t k) { return c->t[k].end - c->t[k].start; }
static inline const char *ttext(const chr_tx_ctx *c, uint32_t k) { return c->low + c->t[k].start; }

static inline int is_word(const chr_tx_ctx *c, uint32_t k)
{
    return k >= c->sf && k < c->se && c->t[k].kind == CHR_TOK_WORD;
}

static inline int starts_digit(const chr_tx_ctx *c, uint32_t k)
{
    return k < c->se && c->t[k].end > c->t[k].start &&
           (unsigned char)(c->low[c->t[k].start] - '0') < 10;
}

static inline int adjacent(const chr_tx_ctx *c, uint32_t a, uint32_t b)
{
    return b < c->se && c->t[a].end == c->t[b].start;
}

static inline const char *lex(const chr_tx_ctx *c, chr_lexicon lx, uint32_t k)
{
    return is_word(c, k) ? chr_lex_get(lx, ttext(c, k), tlen(c, k)) : NULL;
}

/* Whether code p (up to its '|') contains ch: the '?' and 's' flags. */
static inline int code_has(const char *p, char ch)
{
    for (; *p && *p != '|'; p++)
        if (*p == ch)
            return 1;
    return 0;
}

/* The code of `kind` in a time-word payload (the text after its letter). */
static inline const char *code_of(const char *p, char kind)
{
    for (; p; p = strchr(p, '|'), p = p ? p + 1 : NULL)
        if (*p == kind)
            return p + 1;
    return NULL;
}

static inline const char *tw(const chr_tx_ctx *c, uint32_t k, char kind)
{
    return code_of(lex(c, CHR_LEX_TIME_WORDS, k), kind);
}

/* The preposition letter of token k (v в, s с, d до, k к, p по, n на,
   a около, f после, o от, z за, i и), 0 when it is none. */
static inline int prep(const chr_tx_ctx *c, uint32_t k)
{
    if (k < c->sf || k >= c->se)
        return 0;
    const char *p = tw(c, k, 'C');
    return p ? *p : 0;
}

/* Prepositions after which a bare number of hours is a clock time (not по:
   "по 2 часа в день" is an amount). */
/* A capitalised word that is not the first of its sentence. */
static inline int name_like(const chr_tx_ctx *c, uint32_t k)
{
    return is_word(c, k) && (c->t[k].flags & CHR_TF_UPPER) && !(c->t[k].flags & CHR_TF_SENT_START) &&
           k > c->sf;
}

static inline int ends_with(const char *s, size_t n, const char *suf)
{
    size_t m = strlen(suf);
    return n >= m && memcmp(s + n - m, suf, m) == 0;
}

/* tense cues (times_tense.c): a past verb form at k; the direction the verbs
   near [a, b) point, -1 past (the default for news) or +1 future */
CHR_HIDDEN int chr_tx_past_verb(const chr_tx_ctx *c, uint32_t k);
CHR_HIDDEN int chr_tx_tense_dir(const chr_tx_ctx *c, uint32_t a, uint32_t b);

#endif
