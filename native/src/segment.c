/* segment.c - analysed text -> paragraphs and sentences.
 *
 * Paragraphs come from line structure: blank lines separate them when the
 * text has any (single newlines are then soft wraps), otherwise every line is
 * one.  Sentences are found in one forward byte scan per paragraph; the only
 * work done per ordinary byte is one table look-up, so the stage runs at
 * memory-scan speed.  Decisions look back or ahead a word or two at most;
 * the one longer search, for a paragraph's last closing quote, runs once per
 * paragraph. */
#include "internal.h"

#include <string.h>

/* Later stages walk sentences token by token; an unpunctuated line of many
   megabytes is cut so that their per-sentence work stays bounded. */
#define SENT_TOKEN_CAP 2000
/* A title is a short line; longer unpunctuated lines are body text. */
#define HEADING_MAX_CHARS 150
/* Abbreviations are short; a longer word before a dot is an ordinary word. */
#define ABBR_MAX_CHARS 12
#define NO_POS UINT32_MAX
/* «Мы готовы. Мы поможем», – сказал он: a quote that goes on after a full
   stop keeps its sentences together, as the attribution needs the whole
   quote.  (FactRuEval's gold splits inside quotes; 0 follows it.) */
#define QUOTES_HOLD 1

enum {
    C_PLAIN = 0, C_SPACE, C_TERM, C_DQUOTE, C_PAREN_OPEN, C_PAREN_CLOSE, C_PUNCT,
    C_LEAD_C2, C_LEAD_E2
};

/* Byte classes for the sentence scan (P plain, S space, T . ! ?, Q ", O (,
   C ), X other punctuation or a lead byte of a symbol or another script,
   2 and E lead bytes of « » and of dashes, quotes and …).  Everything that
   becomes a token of its own is non-plain, so counting them bounds a
   sentence's length. */
#define P C_PLAIN
#define S C_SPACE
#define T C_TERM
#define Q C_DQUOTE
#define O C_PAREN_OPEN
#define C C_PAREN_CLOSE
#define X C_PUNCT
#define E C_LEAD_E2
static const unsigned char byte_class[256] = {
    X, X, X, X, X, X, X, X, X, S, S, S, S, S, X, X,   /* 0_ */
    X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,   /* 1_ */
    S, T, Q, X, X, X, X, X, O, C, X, X, X, X, T, X,   /* 2_ */
    P, P, P, P, P, P, P, P, P, P, X, X, X, X, X, T,   /* 3_ */
    X, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,   /* 4_ */
    P, P, P, P, P, P, P, P, P, P, P, X, X, X, X, X,   /* 5_ */
    X, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,   /* 6_ */
    P, P, P, P, P, P, P, P, P, P, P, X, X, X, X, X,   /* 7_ */
    P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,   /* 8_ */
    P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,   /* 9_ */
    P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,   /* A_ */
    P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,   /* B_ */
    P, P, C_LEAD_C2, P, P, P, P, P, P, P, P, P, P, P, P, P,   /* C_ */
    P, P, P, P, P, X, X, X, X, X, X, X, X, X, X, X,   /* D_ */
    X, X, E, X, X, X, X, X, X, X, X, X, X, X, X, X,   /* E_ */
    X, X, X, X, X, P, P, P, P, P, P, P, P, P, P, P,   /* F_ */
};
#undef P
#undef S
#undef T
#undef Q
#undef O
#undef C
#undef X
#undef E

typedef struct seg {
    chr_document *doc;
    const unsigned char *s;
    const char *lo;
    uint32_t cap_p, cap_s;
} seg;

/* ------------------------------------------------------------ characters */

static uint32_t cp_at(const unsigned char *s, uint32_t i, uint32_t end, uint32_t *adv)
{
    size_t a;
    uint32_t cp = chr_utf8_next(s + i, end - i, &a);
    *adv = (uint32_t)a;
    return cp;
}

/* Byte length of the white-space character at i, 0 when there is none. */
static uint32_t space_at(const unsigned char *s, uint32_t i, uint32_t end)
{
    if (i >= end)
        return 0;
    if (s[i] < 0x80)
        return byte_class[s[i]] == C_SPACE;
    uint32_t adv;
    uint32_t cp = cp_at(s, i, end, &adv);
    return chr_cp_is_space(cp) ? adv : 0;
}

/* Start of the character that ends at i (i > lo). */
static uint32_t char_start_before(const unsigned char *s, uint32_t lo, uint32_t i)
{
    uint32_t k = i - 1;
    while (k > lo && i - k < 4 && (s[k] & 0xC0) == 0x80)
        k--;
    return k;
}

/* The character that ends at i, or CHR_CP_INVALID; *at receives its start. */
static uint32_t cp_before(const unsigned char *s, uint32_t lo, uint32_t i, uint32_t *at)
{
    uint32_t k = char_start_before(s, lo, i), adv;
    uint32_t cp = cp_at(s, k, i, &adv);
    if (k + adv != i) {
        *at = i - 1;
        return CHR_CP_INVALID;
    }
    *at = k;
    return cp;
}

static uint32_t skip_space(const unsigned char *s, uint32_t i, uint32_t end)
{
    uint32_t n;
    while ((n = space_at(s, i, end)) != 0)
        i += n;
    return i;
}

static uint32_t trim_end(const unsigned char *s, uint32_t lo, uint32_t i)
{
    while (i > lo) {
        uint32_t at, cp = cp_before(s, lo, i, &at);
        if (cp == CHR_CP_INVALID || !chr_cp_is_space(cp))
            break;
        i = at;
    }
    return i;
}

/* A lower-case letter (one that has an upper-case form). */
static int is_lower(uint32_t cp)
{
    return chr_cp_is_letter(cp) && !chr_cp_is_upper(cp) && chr_cp_upper(cp) != cp;
}

static int is_open_quote(uint32_t cp)
{
    return cp == 0xAB || cp == 0x201E || cp == 0x201C || cp == '"' || cp == 0x2039 || cp == '\'';
}

/* A straight or ambiguous quote opens when nothing but space, an opening
   bracket, an opening quote or a dash comes before it (looking past at most
   a few other quotes, so a run of them costs nothing). */
static int opens_here(const unsigned char *s, uint32_t lo, uint32_t i)
{
    for (int hops = 0; hops < 4; hops++) {
        if (i <= lo)
            return 1;
        uint32_t at, cp = cp_before(s, lo, i, &at);
        if (cp == 0x201C || cp == '"') {
            i = at;
            continue;
        }
        return chr_cp_is_space(cp) || cp == '(' || cp == '[' || cp == 0xAB || cp == 0x201E ||
               cp == '-' || chr_cp_is_dash(cp);
    }
    return 0;
}

/* -------------------------------------------------------------- output */

static int add_sentence(seg *g, uint32_t para, uint32_t a, uint32_t b)
{
    a = skip_space(g->s, a, b);
    b = trim_end(g->s, a, b);
    if (a >= b)
        return 0;
    chr_document *doc = g->doc;
    if (chr_grow(doc, (void **)&doc->sents, &g->cap_s, doc->n_sents + 1, sizeof *doc->sents) < 0)
        return -1;
    doc->sents[doc->n_sents++] = (chr_sentence){a, b, para, 0, 0};
    return 0;
}

/* ----------------------------------------------------------- paragraphs */

/* A line opening with a dash of direct speech or a list bullet starts a
   paragraph of its own even inside a block. */
static int starts_item(const unsigned char *s, uint32_t a, uint32_t b)
{
    uint32_t adv, cp = cp_at(s, a, b, &adv);
    if (chr_cp_is_dash(cp) || cp == 0x2022 || cp == 0xB7 || cp == 0x25AA || cp == 0x25CF ||
        cp == 0x25E6 || cp == 0x25A0 || cp == 0x25BA || cp == 0x2023)
        return 1;
    if (cp == '-' || cp == '*' || cp == '+')
        return space_at(s, a + 1, b) != 0;
    uint32_t k = a;
    while (k < b && k - a < 3 && s[k] >= '0' && s[k] <= '9')
        k++;
    return k > a && k - a <= 2 && k < b && (s[k] == ')' || s[k] == '.') && space_at(s, k + 1, b);
}

static uint32_t count_chars(const unsigned char *s, uint32_t a, uint32_t b)
{
    uint32_t n = 0;
    for (uint32_t i = a; i < b; i++)
        n += (s[i] & 0xC0) != 0x80;
    return n;
}

/* A line that may be a title: short, not starting in lower case, and not
   ending in punctuation that ends or continues a sentence. */
static int title_like(const unsigned char *s, uint32_t a, uint32_t b)
{
    if (b - a > HEADING_MAX_CHARS * 4)
        return 0;
    uint32_t adv, cp = cp_at(s, a, b, &adv);
    if (is_lower(cp) || starts_item(s, a, b))
        return 0;
    uint32_t i = b, at;
    for (;;) {
        cp = cp_before(s, a, i, &at);
        if (at <= a || !(cp == 0xBB || cp == 0x201D || cp == '"' || cp == ')' || cp == 0x201C))
            break;
        i = at;
    }
    if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == ':' || cp == ';' ||
        cp == ',' || cp == '-' || chr_cp_is_dash(cp))
        return 0;
    return count_chars(s, a, b) <= HEADING_MAX_CHARS;
}

static int starts_upper(const unsigned char *s, uint32_t a, uint32_t b)
{
    uint32_t adv, cp = cp_at(s, a, b, &adv);
    return chr_cp_is_upper(cp) || chr_cp_is_digit(cp) || is_open_quote(cp) || chr_cp_is_dash(cp);
}

/* Inside a block, a first line is a title when it reads like one and is
   clearly shorter than the line after it: hard-wrapped body lines are all
   about as long as each other. */
static int block_title(const unsigned char *s, uint32_t a1, uint32_t b1, uint32_t a2, uint32_t b2)
{
    if (!title_like(s, a1, b1) || !starts_upper(s, a2, b2))
        return 0;
    return (uint64_t)count_chars(s, a1, b1) * 4 <= (uint64_t)count_chars(s, a2, b2) * 3;
}

static int add_para(seg *g, uint32_t a, uint32_t b, int single_line)
{
    chr_document *doc = g->doc;
    if (chr_grow(doc, (void **)&doc->paras, &g->cap_p, doc->n_paras + 1, sizeof *doc->paras) < 0)
        return -1;
    /* heading holds "title-like" until the paragraph after it is known */
    uint8_t cand = (uint8_t)(single_line && title_like(g->s, a, b));
    doc->paras[doc->n_paras++] = (chr_paragraph){a, b, 0, 0, cand};
    return 0;
}

/* Next line [*a, *e) starting at i; returns 0 at the end of the text. */
static int next_line(const unsigned char *s, uint32_t len, uint32_t *i, uint32_t *a, uint32_t *e)
{
    if (*i >= len)
        return 0;
    const unsigned char *nl = memchr(s + *i, '\n', len - *i);
    *a = *i;
    *e = nl ? (uint32_t)(nl - s) : len;
    *i = *e + 1;
    return 1;
}

/* Whether a blank line separates two non-blank lines anywhere. */
static int has_blank_lines(const unsigned char *s, uint32_t len)
{
    uint32_t i = 0, a, e;
    int content = 0, blank = 0;
    while (next_line(s, len, &i, &a, &e)) {
        if (skip_space(s, a, e) >= e) {
            blank = content;
        } else {
            if (blank)
                return 1;
            content = 1;
        }
    }
    return 0;
}

/* A line of running text, longer than any hard wrap (wrapped text keeps
   lines under ~80 characters), that ends a sentence. */
static int ends_long_line(const unsigned char *s, uint32_t a, uint32_t b)
{
    enum { WRAP_CHARS = 90 };
    uint32_t chars = 0;
    for (uint32_t i = a; i < b && chars <= WRAP_CHARS; i++)
        chars += (s[i] & 0xC0) != 0x80;
    if (chars <= WRAP_CHARS)
        return 0;
    uint32_t at, cp = cp_before(s, a, b, &at);
    while ((cp == 0xBB || cp == '"' || cp == ')' || cp == 0x201D) && at > a)
        cp = cp_before(s, a, at, &at);
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

/* Text whose blank lines only set off a headline ("Заголовок\n\nПервый
   абзац.\nВторой абзац.") still has one paragraph a line: a new line
   after a long line that ended a sentence starts a paragraph when it opens
   like one (capital, digit, dash, quote). */
static int opens_paragraph(const unsigned char *s, uint32_t a, uint32_t b)
{
    uint32_t adv, cp = cp_at(s, a, b, &adv);
    return chr_cp_is_upper(cp) || chr_cp_is_digit(cp) || chr_cp_is_dash(cp) || is_open_quote(cp);
}

static int find_paragraphs(seg *g, uint32_t len)
{
    const unsigned char *s = g->s;
    int blocks = has_blank_lines(s, len);
    uint32_t i = 0, a, e, pa = 0, pb = 0, nlines = 0, line_a = 0;
    while (next_line(s, len, &i, &a, &e)) {
        uint32_t ta = skip_space(s, a, e), tb = trim_end(s, ta, e);
        if (ta >= tb) {
            if (nlines && add_para(g, pa, pb, nlines == 1) < 0)
                return -1;
            nlines = 0;
            continue;
        }
        if (nlines && (!blocks || starts_item(s, ta, tb) ||
                       (nlines == 1 && block_title(s, pa, pb, ta, tb)) ||
                       (ends_long_line(s, line_a, pb) && opens_paragraph(s, ta, tb)))) {
            if (add_para(g, pa, pb, nlines == 1) < 0)
                return -1;
            nlines = 0;
        }
        if (!nlines)
            pa = ta;
        line_a = ta;
        pb = tb;
        nlines++;
    }
    if (nlines && add_para(g, pa, pb, nlines == 1) < 0)
        return -1;
    chr_document *doc = g->doc;
    for (uint32_t k = 0; k < doc->n_paras; k++) {
        chr_paragraph *p = &doc->paras[k], *q = p + 1;
        uint32_t adv;
        p->heading = p->heading && k + 1 < doc->n_paras && !is_lower(cp_at(s, q->start, q->end, &adv));
    }
    return 0;
}

/* ------------------------------------------------------------ sentences */

/* Whether the unit abbreviation starting at w ("г.", "гг.", "млн.") ends
   its sentence before a capital: only after a number ("в 2022 г." but not
   "в г. Москве"), and not when the sentence so far is just a preposition
   and that number ("В 2022 г. Россия ...", "В 1990-х гг. ..."). */
static int unit_ends(const unsigned char *s, uint32_t st, uint32_t w)
{
    uint32_t k = w, at, cp = 0;
    while (k > st) {
        cp = cp_before(s, st, k, &at);
        if (!chr_cp_is_space(cp))
            break;
        k = at;
    }
    if (k <= st)
        return 0;
    for (int n = 0; n < 4 && chr_cp_is_letter(cp) && k > st; n++) {   /* 1990-х */
        k = at;
        cp = k > st ? cp_before(s, st, k, &at) : 0;
    }
    if (cp == '-' && k > st + 1) {
        k = at;
        cp = cp_before(s, st, k, &at);
    }
    if (!chr_cp_is_digit(cp))
        return 0;
    /* the words before the number, within a short look back */
    while (k > st && w - k < 32 && (chr_cp_is_digit(cp) || cp == '.' || cp == ',' || cp == ':')) {
        k = at;
        cp = k > st ? cp_before(s, st, k, &at) : 0;
    }
    uint32_t e = trim_end(s, st, k);
    if (w - k >= 32 || e - st > 24)
        return 1;
    for (uint32_t i = st; i < e; i++)
        if (byte_class[s[i]] == C_SPACE)
            return 1;
    return 0;
}

/* Whether the single dot at i, followed by a capitalised word, ends the
   sentence that began at st: not after initials, listed abbreviations or a
   list number. */
static int dot_ends(const seg *g, uint32_t st, uint32_t i)
{
    const unsigned char *s = g->s;
    uint32_t w = i, n = 0, last_seg = i, at;
    while (w > st && n <= ABBR_MAX_CHARS) {
        uint32_t cp = cp_before(s, st, w, &at);
        if (cp == '.') {
            if (last_seg == i)
                last_seg = w;
        } else if (!chr_cp_is_letter(cp) && !(cp == '-' && w < i && n > 0)) {
            break;
        }
        w = at;
        n++;
    }
    if (n > ABBR_MAX_CHARS)
        return 1;
    while (w < i && (s[w] == '.' || s[w] == '-'))
        w++;
    if (w == i) {
        /* "1. Первое": an enumerator opening the sentence */
        uint32_t d = i;
        while (d > st && s[d - 1] >= '0' && s[d - 1] <= '9')
            d--;
        return !(d < i && d == st && i - d <= 3);
    }
    if (last_seg == i || last_seg < w)
        last_seg = w;
    int dotted = memchr(s + w, '.', i - w) != NULL;
    uint32_t adv, cp = cp_at(s, last_seg, i, &adv);
    int initial = last_seg + adv == i && chr_cp_is_upper(cp);
    if (initial && !dotted)
        return 0;

    const char *pay = NULL;
    /* "т. д.": a dotted pair written with a space */
    if (w >= st + 3 && s[w - 1] == ' ' && s[w - 2] == '.') {
        uint32_t v = w - 2, m = 0;
        while (v > st && m < 4) {
            uint32_t c2 = cp_before(s, st, v, &at);
            if (!chr_cp_is_letter(c2))
                break;
            v = at;
            m++;
        }
        if (m >= 1 && m <= 3)
            pay = chr_lex_get(CHR_LEX_ABBREVIATIONS, g->lo + v, i + 1 - v);
    }
    if (!pay)
        pay = chr_lex_get(CHR_LEX_ABBREVIATIONS, g->lo + w, i + 1 - w);
    if (!pay && dotted)
        pay = chr_lex_get(CHR_LEX_ABBREVIATIONS, g->lo + last_seg, i + 1 - last_seg);
    if (pay) {
        if (pay[0] == 'i')
            return 0;
        if (pay[0] == 'n')
            return unit_ends(s, st, w);
        return 1;
    }
    return !initial;
}

typedef struct scan {
    uint32_t st;            /* start of the current sentence */
    uint32_t est;           /* tokens in it, roughly */
    uint32_t qd, pd;        /* open quotes / parentheses that close later */
    uint32_t last_q, last_p; /* last closer in the paragraph, NO_POS until needed */
} scan;

static uint32_t last_closer(const unsigned char *s, uint32_t a, uint32_t b, int paren)
{
    for (uint32_t i = b; i > a; i--) {
        unsigned char c = s[i - 1];
        if (paren ? c == ')' : (c == '"' || (c == 0xBB && i >= a + 2 && s[i - 2] == 0xC2) ||
                                ((c == 0x9D || c == 0x9C) && i >= a + 3 && s[i - 2] == 0x80 &&
                                 s[i - 3] == 0xE2)))
            return i - 1;
    }
    return a;
}

static void open_quote(scan *sc, const unsigned char *s, uint32_t a, uint32_t b, uint32_t i)
{
    if (sc->last_q == NO_POS)
        sc->last_q = last_closer(s, a, b, 0);
    if (i < sc->last_q && sc->qd < 64)
        sc->qd++;
}

/* Handles a run of . ! ? … starting at i, with the closing quotes and
   brackets after it; returns the index after the run and sets *split when
   the sentence ends there. */
static uint32_t terminal_run(const seg *g, scan *sc, uint32_t b, uint32_t i, int *split)
{
    const unsigned char *s = g->s;
    uint32_t j = i, dots = 0, other = 0;
    *split = 0;
    for (;;) {
        if (j < b && s[j] == '.') { dots++; j++; }
        else if (j < b && (s[j] == '!' || s[j] == '?')) { other++; j++; }
        else if (j + 2 < b && s[j] == 0xE2 && s[j + 1] == 0x80 && s[j + 2] == 0xA6) { other++; j += 3; }
        else break;
    }
    while (j < b) {
        uint32_t adv, cp = cp_at(s, j, b, &adv);
        if (cp == ')' || cp == ']') {
            if (sc->pd) sc->pd--;
        } else if (cp == 0xBB || cp == 0x201D || cp == 0x201C || cp == '"' || cp == 0x203A) {
            if (sc->qd) sc->qd--;
        } else {
            break;
        }
        j += adv;
    }
    if (j >= b || !space_at(s, j, b) || (QUOTES_HOLD && sc->qd) || sc->pd)
        return j;
    uint32_t k = skip_space(s, j, b), adv;
    uint32_t cp = cp_at(s, k, b, &adv);
    if (chr_cp_is_dash(cp) || (cp == '-' && space_at(s, k + 1, b))) {
        /* "…?! – воскликнул он": the attribution continues the sentence */
        uint32_t k2 = skip_space(s, k + adv, b);
        if (k2 >= b || is_lower(cp_at(s, k2, b, &adv)))
            return j;
    } else if (!(chr_cp_is_upper(cp) || chr_cp_is_digit(cp) || is_open_quote(cp))) {
        return j;
    }
    if (dots == 1 && other == 0 && !dot_ends(g, sc->st, i))
        return j;
    *split = 1;
    return j;
}

/* Whether only space separates i from a bullet before it ("• • пункт"). */
static int after_bullet(const unsigned char *s, uint32_t st, uint32_t i)
{
    uint32_t k = trim_end(s, st, i);
    return k >= st + 3 && s[k - 3] == 0xE2 && s[k - 2] == 0x80 && s[k - 1] == 0xA2;
}

#define LANES(b) (0x0101010101010101ull * (b))

/* 0x80 in every lane of w that is a zero byte. */
static inline uint64_t zero_lanes(uint64_t w)
{
    return ~(((w & LANES(0x7F)) + LANES(0x7F)) | w | LANES(0x7F));
}

/* Skips from i over words and the spaces between them (nothing to decide
   there) to the next byte of another class, counting a word at each space
   that follows a non-space as split_paragraph does; stops early once the
   count reaches SENT_TOKEN_CAP.  Eight bytes of Russian letters (D0/D1
   leads, continuation bytes) and ASCII spaces are counted at once; other
   bytes go one at a time, without a branch on letter or space. */
static uint32_t skip_words(const unsigned char *s, uint32_t a, uint32_t i, uint32_t b,
                           uint32_t *est)
{
    uint32_t n = *est;
    unsigned prev = i > a ? byte_class[s[i - 1]] : C_SPACE;
    while (i < b) {
        uint32_t lim = b;
        if (i + 8 <= b && n + 8 < SENT_TOKEN_CAP) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            uint64_t sp = zero_lanes(w ^ LANES(0x20));
            uint64_t hi = w & LANES(0x80);
            uint64_t lead = hi & (w << 1);
            uint64_t d01 = zero_lanes((w | LANES(0x01)) ^ LANES(0xD1));
            if ((sp | hi) == LANES(0x80) && (lead & ~d01 & LANES(0x80)) == 0) {
                uint64_t after = (sp << 8) | (prev == C_SPACE ? 0x80u : 0u);
                n += (uint32_t)((((sp & ~after) >> 7) * LANES(1)) >> 56);
                prev = sp >> 63 ? C_SPACE : C_PLAIN;
                i += 8;
                continue;
            }
            lim = i + 8;
        }
        for (; i < lim; i++) {
            unsigned c = byte_class[s[i]];
            if (c > C_SPACE)
                goto out;
            n += (c == C_SPACE) & (prev != C_SPACE);
            prev = c;
            if (n >= SENT_TOKEN_CAP) {
                i++;
                goto out;
            }
        }
    }
out:
    *est = n;
    return i;
}

static int split_paragraph(seg *g, uint32_t pi)
{
    const unsigned char *s = g->s;
    chr_document *doc = g->doc;
    uint32_t a = doc->paras[pi].start, b = doc->paras[pi].end;
    scan sc = {a, 0, 0, 0, NO_POS, NO_POS};
    doc->paras[pi].first_sentence = doc->n_sents;
    for (uint32_t i = a; i < b; i++) {
        if (sc.est < SENT_TOKEN_CAP) {
            i = skip_words(s, a, i, b, &sc.est);
            if (i >= b)
                break;
        }
        unsigned c = byte_class[s[i]];
        if (c == C_PLAIN)
            continue;
        if (sc.est >= SENT_TOKEN_CAP) {
            if (add_sentence(g, pi, sc.st, i) < 0)
                return -1;
            sc.st = i;
            sc.est = sc.qd = sc.pd = 0;
        }
        switch (c) {
        case C_SPACE:
            sc.est += i > a && byte_class[s[i - 1]] != C_SPACE;
            break;
        case C_TERM: {
            int split;
            uint32_t j = terminal_run(g, &sc, b, i, &split);
            sc.est++;
            if (split) {
                if (add_sentence(g, pi, sc.st, j) < 0)
                    return -1;
                sc.st = skip_space(s, j, b);
                sc.est = 0;
            }
            i = j - 1;
            break;
        }
        case C_DQUOTE:
            sc.est++;
            if (opens_here(s, a, i))
                open_quote(&sc, s, a, b, i);
            else if (sc.qd)
                sc.qd--;
            break;
        case C_PAREN_OPEN:
            sc.est++;
            if (sc.last_p == NO_POS)
                sc.last_p = last_closer(s, a, b, 1);
            if (i < sc.last_p && sc.pd < 64)
                sc.pd++;
            break;
        case C_PAREN_CLOSE:
            sc.est++;
            if (sc.pd)
                sc.pd--;
            break;
        case C_PUNCT:
            sc.est++;
            break;
        case C_LEAD_C2:
            sc.est += i + 1 < b && s[i + 1] != 0xA0;
            if (i + 1 < b && s[i + 1] == 0xAB)
                open_quote(&sc, s, a, b, i);
            else if (i + 1 < b && s[i + 1] == 0xBB && sc.qd)
                sc.qd--;
            break;
        case C_LEAD_E2:
            sc.est++;
            if (i + 2 < b && s[i + 1] == 0x80) {
                unsigned char t = s[i + 2];
                if (t == 0xA6) {            /* … */
                    int split;
                    uint32_t j = terminal_run(g, &sc, b, i, &split);
                    if (split) {
                        if (add_sentence(g, pi, sc.st, j) < 0)
                            return -1;
                        sc.st = skip_space(s, j, b);
                        sc.est = 0;
                    }
                    i = j - 1;
                } else if (t == 0xA2 && i > sc.st && opens_here(s, a, i) &&
                           !after_bullet(s, sc.st, i)) {                        /* • */
                    /* a bullet inside running text starts the next item */
                    if (add_sentence(g, pi, sc.st, i) < 0)
                        return -1;
                    sc.st = i;
                    sc.est = sc.qd = sc.pd = 0;
                } else if (t == 0x9E || (t == 0x9C && opens_here(s, a, i))) {   /* „ “ */
                    open_quote(&sc, s, a, b, i);
                } else if ((t == 0x9C || t == 0x9D) && sc.qd) {                 /* “ ” */
                    sc.qd--;
                }
            }
            break;
        default:
            break;
        }
    }
    if (add_sentence(g, pi, sc.st, b) < 0)
        return -1;
    doc->paras[pi].n_sentences = doc->n_sents - doc->paras[pi].first_sentence;
    return 0;
}

/* The model's title falls back to the first heading: a plain-text article's
   headline is its title, as <title> is a page's.  Markup formats set theirs
   from metadata during ingestion, which wins. */
static int take_headline_as_title(chr_document *doc)
{
    enum { MAX_TITLE = 300 };
    if (doc->info.title || doc->n_paras < 2 || !doc->paras[0].heading)
        return 0;
    const chr_paragraph *p = &doc->paras[0];
    uint32_t n = p->end - p->start;
    if (n == 0 || n > MAX_TITLE)
        return 0;
    char *t = chr_strndup(doc, doc->text.s + p->start, n);
    if (!t)
        return -1;
    for (char *c = t; *c; c++)
        if (*c == '\n' || *c == '\r' || *c == '\t')
            *c = ' ';
    doc->info.title = t;
    return 0;
}

int chr_segment(chr_document *doc)
{
    seg g = {doc, (const unsigned char *)doc->text.s, doc->lower, 0, 0};
    doc->n_paras = doc->n_sents = 0;
    if (!doc->text.s || !doc->text.len)
        return 0;
    if (!doc->lower) {
        chr_warn(doc, "segment: no folded text, abbreviations not recognised");
        g.lo = doc->text.s;
    }
    if (find_paragraphs(&g, doc->text.len) < 0)
        return -1;
    for (uint32_t k = 0; k < doc->n_paras; k++)
        if (split_paragraph(&g, k) < 0)
            return -1;
    return take_headline_as_title(doc);
}
