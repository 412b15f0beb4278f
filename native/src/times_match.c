/* times_match.c - recognises Russian (and a little English) temporal
 * expressions in one sentence and describes each as a chr_tx.
 *
 * One pass over the tokens.  A token can start an expression only if it
 * begins with a digit or is a word of the month, weekday or time-word
 * lexicons; a per-document prefilter over the first bytes and the length of
 * the lexicon keys rejects almost every other word before any hash lookup.
 * From a trigger the grammar looks a bounded number of tokens ahead (and at
 * most one back for a Roman century), never past the sentence, so the stage
 * is linear in the tokens.
 *
 * Prepositions are context, not part of the expression: "в 2010 году" gives
 * the text "2010 году" (TimeML practice), while "через неделю" and "три дня
 * назад" keep their words because those carry the meaning.
 *
 * Ranges ("28–29 июня", "с 15 до 17 часов", "2020–2021 годах") are one
 * expression whose value is the start of the range: chr_time has a single
 * value and the timeline orders by the start.
 */
#include "times.h"

#include <stdlib.h>
#include <string.h>

/* Units used only while matching. */
enum { U_QUARTER = 20, U_HALF = 21 };

typedef struct nrun {
    int g[4], gl[4], ng;    /* digit groups and their lengths */
    char sep[4];            /* separators between groups: . : / - */
    char suf[8];            /* letters after a final hyphen: 90-х, 2010-м */
    int sufl;
    uint32_t end;           /* token after the run */
} nrun;

static uint32_t match_at(chr_tx_ctx *c, uint32_t k, chr_tx *x);

/* ------------------------------------------------------------ prefilter */

static uint32_t fhash(const char *s, size_t n)
{
    uint32_t w = 0;
    for (size_t i = 0; i < 4 && i < n; i++)
        w |= (uint32_t)(unsigned char)s[i] << (8 * i);
    uint32_t h = (uint32_t)n * 0x9E3779B1u ^ w * 0x85EBCA77u;
    h ^= h >> 15;
    h *= 0x2C1B3C6Du;
    return h >> 20;
}

static void filter_add(chr_tx_filter *f, const char *s)
{
    uint32_t h = fhash(s, strlen(s));
    f->bits[h >> 6] |= (uint64_t)1 << (h & 63);
}

static int filter_has(const chr_tx_filter *f, const char *s, size_t n)
{
    uint32_t h = fhash(s, n);
    return (int)((f->bits[h >> 6] >> (h & 63)) & 1);
}

void chr_tx_filter_init(chr_tx_filter *f)
{
    memset(f, 0, sizeof *f);
    size_t n = chr_lex_size(CHR_LEX_MONTHS);
    for (size_t i = 0; i < n; i++)
        filter_add(f, chr_lex_key(CHR_LEX_MONTHS, i));
    n = chr_lex_size(CHR_LEX_WEEKDAYS);
    for (size_t i = 0; i < n; i++)
        filter_add(f, chr_lex_key(CHR_LEX_WEEKDAYS, i));
    /* prepositions, tense cues and the like never start an expression */
    n = chr_lex_size(CHR_LEX_TIME_WORDS);
    for (size_t i = 0; i < n; i++) {
        const char *p = chr_lex_payload(CHR_LEX_TIME_WORDS, i);
        for (; p; p = strchr(p, '|'), p = p ? p + 1 : NULL) {
            if (!strchr("CTVAQ", *p)) {
                filter_add(f, chr_lex_key(CHR_LEX_TIME_WORDS, i));
                break;
            }
        }
    }
}

/* --------------------------------------------------------------- tokens */

static int time_prep(int p)
{
    return p == 'v' || p == 's' || p == 'd' || p == 'k' || p == 'a' || p == 'f';
}

static int is_ch(const chr_tx_ctx *c, uint32_t k, char ch)
{
    return k < c->se && c->t[k].kind != CHR_TOK_WORD && tlen(c, k) == 1 && ttext(c, k)[0] == ch;
}

static int is_dash(const chr_tx_ctx *c, uint32_t k)
{
    if (k >= c->se || c->t[k].kind == CHR_TOK_WORD || c->t[k].kind == CHR_TOK_NUMBER)
        return 0;
    const char *s = ttext(c, k);
    size_t n = tlen(c, k);
    return (n == 1 && s[0] == '-') ||
           (n == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
            ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94));
}

/* A token of only digits (at most maxdig), else -1. */
static int tok_num(const chr_tx_ctx *c, uint32_t k, size_t maxdig)
{
    if (!starts_digit(c, k) || tlen(c, k) > maxdig)
        return -1;
    const char *s = ttext(c, k);
    int v = 0;
    for (size_t i = 0; i < tlen(c, k); i++) {
        if ((unsigned char)(s[i] - '0') >= 10)
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int year_num(const chr_tx_ctx *c, uint32_t k)
{
    if (tlen(c, k) != 4)
        return -1;
    int y = tok_num(c, k, 4);
    return y >= 1000 && y <= 2199 ? y : -1;
}

/* Reads digits and separators written without spaces from token k:
   "10.01.2022", "2022-01-10", "14:00", "28–29", "90-х".  Works the same
   whether the tokenizer keeps them in one token or splits them. */
static int read_run(const chr_tx_ctx *c, uint32_t k, nrun *r)
{
    memset(r, 0, sizeof *r);
    const unsigned char *s = (const unsigned char *)c->low;
    uint32_t p = c->t[k].start, lim = c->t[c->se - 1].end, good = p;
    for (;;) {
        int v = 0, n = 0;
        while (p < lim && (unsigned)(s[p] - '0') < 10u) {
            if (++n > 4)
                return 0;
            v = v * 10 + (s[p++] - '0');
        }
        if (n == 0)
            break;
        r->g[r->ng] = v;
        r->gl[r->ng++] = n;
        good = p;
        if (p >= lim)
            break;
        char sep = 0;
        uint32_t q = p;
        if (s[q] == '.' || s[q] == ':' || s[q] == '/' || s[q] == '-') {
            sep = (char)s[q];
            q++;
        } else if (q + 2 < lim && s[q] == 0xE2 && s[q + 1] == 0x80 && (s[q + 2] == 0x93 || s[q + 2] == 0x94)) {
            sep = '-';
            q += 3;
        } else if (s[q] == ',' && q + 1 < lim && (unsigned)(s[q + 1] - '0') < 10u) {
            return 0;       /* a decimal fraction: 3,5 */
        }
        if (!sep || q >= lim)
            break;
        if ((unsigned)(s[q] - '0') < 10u) {
            if (r->ng == 4)
                return 0;
            r->sep[r->ng - 1] = sep;
            p = q;
            continue;
        }
        if (sep == '-') {
            /* a case ending: 90-х, 2010-м, 10-го */
            uint32_t a = q;
            while (q < lim) {
                size_t adv;
                uint32_t cp = chr_utf8_next(s + q, lim - q, &adv);
                if (!chr_cp_is_letter(cp))
                    break;
                q += (uint32_t)adv;
            }
            if (q > a) {
                if (q - a >= sizeof r->suf)
                    return 0;   /* 5-летний: a word, not an ending */
                memcpy(r->suf, s + a, q - a);
                r->sufl = (int)(q - a);
                good = q;
            }
        }
        break;
    }
    if (r->ng == 0)
        return 0;
    uint32_t j = k;
    while (j < c->se && c->t[j].start < good)
        j++;
    if (c->t[j - 1].end > good)
        return 0;           /* the run ends inside a token: 19.00abc */
    r->end = j;
    return 1;
}

static int days_in_month(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2)
        return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
    return dm[m - 1];
}

static int valid_md(int y, int m, int d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y > 0 ? y : 2000, m);
}

static void blank(chr_tx *x, uint32_t k)
{
    memset(x, 0, sizeof *x);
    x->a = k;
    x->minute = -1;
}

static int unit_plural(const chr_tx_ctx *c, uint32_t k)
{
    const char *p = tw(c, k, 'U');
    return p && code_has(p, 'p');
}

static int unit_at(const chr_tx_ctx *c, uint32_t k, int *implied)
{
    const char *p = tw(c, k, 'U');
    if (!p)
        return CHR_U_NONE;
    if (implied)
        *implied = p[1] >= '0' && p[1] <= '9' ? atoi(p + 1) : 0;
    switch (*p) {
    case 'n': return CHR_U_MINUTE;
    case 'h': return CHR_U_HOUR;
    case 'd': return CHR_U_DAY;
    case 'w': return CHR_U_WEEK;
    case 'm': return CHR_U_MONTH;
    case 'y': return CHR_U_YEAR;
    case 'c': return CHR_U_CENTURY;
    case 'q': return U_QUARTER;
    case 'b': return U_HALF;
    default: return CHR_U_NONE;
    }
}

/* A count: digits, a number word, "двадцать пять", несколько (-1). */
static int count_at(const chr_tx_ctx *c, uint32_t k, int *n, uint32_t *end)
{
    int v = tok_num(c, k, 4);
    if (v >= 0) {
        *n = v;
        *end = k + 1;
        return 1;
    }
    const char *p = tw(c, k, 'N');
    if (!p)
        return 0;
    *end = k + 1;
    if (*p == '?') {
        *n = -1;
        return 1;
    }
    v = atoi(p);
    if (v >= 20 && v < 100 && v % 10 == 0) {
        const char *q = tw(c, k + 1, 'N');
        int u = q && *q != '?' ? atoi(q) : 0;
        if (u > 0 && u < 10) {
            v += u;
            *end = k + 2;
        }
    }
    *n = v;
    return 1;
}

/* A Roman numeral token (XXI), its value, else 0. */
static int roman(const chr_tx_ctx *c, uint32_t k)
{
    if (k < c->sf || k >= c->se || c->t[k].kind != CHR_TOK_WORD || tlen(c, k) > 12)
        return 0;
    const unsigned char *s = (const unsigned char *)c->doc->text.s + c->t[k].start;
    int dig[12], n = 0;
    for (size_t i = 0; i < tlen(c, k); i++) {
        /* Russian texts often write the X as a Cyrillic Х */
        if (s[i] == 0xD0 && i + 1 < tlen(c, k) && s[i + 1] == 0xA5) {
            dig[n++] = 10;
            i++;
            continue;
        }
        int d = s[i] == 'I' ? 1 : s[i] == 'V' ? 5 : s[i] == 'X' ? 10 : s[i] == 'L' ? 50 : 0;
        if (!d)
            return 0;
        dig[n++] = d;
    }
    int v = 0;
    for (int i = 0; i < n; i++)
        v += i + 1 < n && dig[i] < dig[i + 1] ? -dig[i] : dig[i];
    return v > 0 && v <= 30 ? v : 0;
}

/* "г." after a year: the period belongs to the abbreviation. */
static uint32_t skip_abbr_dot(const chr_tx_ctx *c, uint32_t e)
{
    if (e > c->sf && tlen(c, e - 1) <= 4 && is_ch(c, e, '.') && adjacent(c, e - 1, e))
        return e + 1;
    return e;
}

/* "2022 года", "2022 г.", "2022", "прошлого года": the year of a date. */
static uint32_t year_spec(const chr_tx_ctx *c, uint32_t k, chr_tx *x)
{
    int y = year_num(c, k);
    uint32_t e = k + 1;
    nrun r;
    if (y < 0 && starts_digit(c, k) && read_run(c, k, &r) && r.ng == 1 && r.gl[0] == 4 && r.sufl &&
        r.g[0] >= 1000 && r.g[0] <= 2199) {
        y = r.g[0];             /* сентября 2010-го */
        e = r.end;
    }
    if (y > 0) {
        if (unit_at(c, e, NULL) == CHR_U_YEAR)
            e = skip_abbr_dot(c, e + 1);
        x->year = y;
        return e;
    }
    const char *j = tw(c, k, 'J');
    if (j && unit_at(c, k + 1, NULL) == CHR_U_YEAR) {
        x->year = CHR_TX_YDOC;
        x->yoff = atoi(j);
        return k + 2;
    }
    return 0;
}

static int adjust_hour(int h, const char *part)
{
    if (part[0] == 'A' && h >= 1 && h < 12)        /* 3 часа дня */
        return h + 12;
    if (part[0] == 'E' && h >= 1 && h < 12)        /* 7 часов вечера */
        return h + 12;
    if (part[0] == 'N' && h == 12)
        return 0;
    if (part[0] == 'N' && h >= 9 && h < 12)        /* 11 часов ночи */
        return h + 12;
    return h;
}

/* A time of day at k: "19:00", "19.00", "19 часов (30 минут) (вечера)",
   "7 утра", "полдень", and a range after it ("– 17:00", "до 18 часов").
   `ctx`: 1 a preposition before it says it is a time; 2 only a clock form
   can be ("на 9:00" yes, "на 3 часа" is an amount); 0 no context. */
static uint32_t time_at(const chr_tx_ctx *c, uint32_t k, int ctx, chr_tx *x, int tail)
{
    if (k >= c->se)
        return 0;
    const char *w = tw(c, k, 'W');
    if (w) {
        if (!ctx)
            return 0;
        x->minute = atoi(w);
        return k + 1;
    }
    nrun r;
    if (!starts_digit(c, k) || !read_run(c, k, &r) || r.sufl)
        return 0;
    uint32_t e = r.end;
    int h = -1, mi = 0, imp;
    if (r.ng >= 2 && r.sep[0] == ':' && r.gl[0] <= 2 && r.gl[1] == 2 &&
        (r.ng == 2 || (r.ng == 4 && r.sep[1] == '-' && r.sep[2] == ':'))) {
        if (!ctx && r.gl[0] < 2)
            return 0;                               /* a ratio: 1:50 */
        h = r.g[0];
        mi = r.g[1];
    } else if (r.ng == 2 && r.sep[0] == '.' && r.gl[0] <= 2 && r.gl[1] == 2) {
        /* 19.00 is a time only where a preposition or an hour word says so,
           and not before another noun (до 12.50 рубля) */
        if (!ctx && unit_at(c, e, NULL) != CHR_U_HOUR)
            return 0;
        if (is_word(c, e) && !tw(c, e, 'C') && !tw(c, e, 'A') && !tw(c, e, 'Q') &&
            unit_at(c, e, NULL) != CHR_U_HOUR && !lex(c, CHR_LEX_MONTHS, e))
            return 0;
        h = r.g[0];
        mi = r.g[1];
    } else if (r.ng == 1 && r.gl[0] <= 2) {
        int u = unit_at(c, e, &imp);
        if (u == CHR_U_HOUR && ctx == 1) {
            h = r.g[0];
            e = skip_abbr_dot(c, e + 1);
            int m2 = tok_num(c, e, 2);
            if (m2 >= 0 && m2 < 60 && unit_at(c, e + 1, NULL) == CHR_U_MINUTE) {
                mi = m2;
                e = skip_abbr_dot(c, e + 2);
            }
        } else if (ctx == 1 && tw(c, e, 'A')) {
            h = r.g[0];                             /* в 7 утра */
        } else if (ctx == 1 && tail && (is_dash(c, e) || prep(c, e) == 'd' || prep(c, e) == 'p')) {
            /* с 15 до 17 часов: the hour word comes after the range */
            chr_tx t2 = *x;
            uint32_t e2 = time_at(c, e + 1, 1, &t2, 0);
            if (!e2 || tok_num(c, e + 1, 2) < 0)
                return 0;
            h = r.g[0];
            if (h < 12 && t2.minute >= 13 * 60 && h + 12 <= t2.minute / 60)
                h += 12;                            /* с 3 до 5 часов дня */
            x->minute = h * 60;
            return e2;
        } else {
            return 0;
        }
    } else {
        return 0;
    }
    if (h < 0 || h > 24 || mi > 59)
        return 0;
    if (r.ng >= 2 && unit_at(c, e, NULL) == CHR_U_HOUR)
        e = skip_abbr_dot(c, e + 1);                /* в 19.00 часов, 14:00 ч. */
    const char *a = tw(c, e, 'A');
    if (a) {
        h = adjust_hour(h, a);
        e++;
    }
    if (h == 24)
        h = 0;
    x->minute = h * 60 + mi;
    if (tw(c, e, 'Q'))
        e++;                                        /* мск */
    if (tail && (is_dash(c, e) || prep(c, e) == 'd' || prep(c, e) == 'p')) {
        chr_tx t2 = *x;
        uint32_t e2 = time_at(c, e + 1, 1, &t2, 0);
        if (e2)
            e = e2;
    }
    return e;
}

static int day_level(const chr_tx *x)
{
    return (x->base == CHR_TX_DATE && x->unit == CHR_U_DAY) ||
           (x->base == CHR_TX_REL && x->unit == CHR_U_DAY) || x->base == CHR_TX_WDAY;
}

/* After a day: ", вечером", "в 19 часов", "в 14:00", "14:00". */
static uint32_t attach_time(chr_tx_ctx *c, uint32_t e, chr_tx *x)
{
    if (c->depth || e >= c->se)
        return e;
    uint32_t k = is_ch(c, e, ',') ? e + 1 : e;
    const char *p = tw(c, k, 'P');
    if (p) {
        memcpy(x->part, p, 2);
        x->part[2] = 0;
        return k + 1;
    }
    chr_tx t = *x;
    if (time_prep(prep(c, k))) {
        uint32_t te = time_at(c, k + 1, 1, &t, 1);
        if (te) {
            x->minute = t.minute;
            return te;
        }
    } else if (k == e) {
        uint32_t te = time_at(c, k, 0, &t, 1);
        if (te) {
            x->minute = t.minute;
            return te;
        }
    }
    return e;
}

/* After a time of day: "вечером 9 января", "утром в понедельник". */
static uint32_t attach_day(chr_tx_ctx *c, uint32_t e, chr_tx *x)
{
    if (c->depth || e >= c->se)
        return e;
    uint32_t k = prep(c, e) == 'v' ? e + 1 : e;
    if (k >= c->se)
        return e;
    chr_tx d;
    c->depth++;
    uint32_t de = match_at(c, k, &d);
    c->depth--;
    if (!de || !day_level(&d) || d.minute >= 0 || d.part[0])
        return e;
    uint32_t a = x->a;
    int minute = x->minute;
    char part[3];
    memcpy(part, x->part, sizeof part);
    *x = d;
    x->a = a;
    x->minute = minute;
    memcpy(x->part, part, sizeof part);
    return de;
}

/* "3 дня назад", "неделю назад": unit at ue, назад after it. */
static uint32_t ago_tail(const chr_tx_ctx *c, uint32_t ue, int n, chr_tx *x)
{
    int u = unit_at(c, ue, NULL);
    if (!u || !tw(c, ue + 1, 'B'))
        return 0;
    x->tense = CHR_TENSE_PAST + 1;
    if (n < 0) {
        x->base = CHR_TX_REF;
        x->ref = "PAST_REF";
        return ue + 2;
    }
    x->base = CHR_TX_REL;
    switch (u) {
    case CHR_U_DAY: x->unit = CHR_U_DAY; x->n = -n; break;
    case CHR_U_WEEK: x->unit = CHR_U_DAY; x->n = -7 * n; break;
    case CHR_U_MONTH: x->unit = CHR_U_MONTH; x->n = -n; break;
    case CHR_U_YEAR: x->unit = CHR_U_YEAR; x->n = -n; break;
    default: return 0;   /* hours ago need the time of the report */
    }
    return ue + 2;
}

/* The n-th quarter or half at ue ("квартале 2022 года", "половине года"). */
static uint32_t part_of_year(const chr_tx_ctx *c, int n, uint32_t ue, chr_tx *x)
{
    int u = unit_at(c, ue, NULL);
    if ((u != U_QUARTER && u != U_HALF) || n < 1 || n > (u == U_HALF ? 2 : 4))
        return 0;
    if (unit_at(c, ue + 1, NULL) == CHR_U_DAY)
        return 0;                                   /* первой половине дня */
    x->base = u == U_QUARTER ? CHR_TX_QUARTER : CHR_TX_HALF;
    x->n = n;
    x->year = CHR_TX_YDOC;
    uint32_t e = year_spec(c, ue + 1, x);
    if (!e)
        e = unit_at(c, ue + 1, NULL) == CHR_U_YEAR ? ue + 2 : ue + 1;
    return e;
}

/* ------------------------------------------------------------- numbers */

static uint32_t m_number(chr_tx_ctx *c, uint32_t k, chr_tx *x)
{
    nrun r;
    if (!read_run(c, k, &r))
        return 0;
    uint32_t e = r.end;
    int pr = k > c->sf ? prep(c, k - 1) : 0;

    if (r.ng == 3 && r.sep[0] == r.sep[1] && !r.sufl) {
        int y, m, d;
        if (r.sep[0] == '-' && r.gl[0] == 4 && r.gl[1] == 2 && r.gl[2] == 2) {
            y = r.g[0]; m = r.g[1]; d = r.g[2];
        } else if ((r.sep[0] == '.' || r.sep[0] == '/') && r.gl[0] <= 2 && r.gl[1] <= 2 &&
                   (r.gl[2] == 4 || r.gl[2] == 2)) {
            d = r.g[0]; m = r.g[1]; y = r.g[2];
            if (r.gl[2] == 2)
                y += y < 50 ? 2000 : 1900;
        } else {
            return 0;
        }
        if (y < 1000 || !valid_md(y, m, d))
            return 0;
        x->base = CHR_TX_DATE;
        x->unit = CHR_U_DAY;
        x->year = y; x->month = m; x->day = d;
        if (unit_at(c, e, NULL) == CHR_U_YEAR)
            e = skip_abbr_dot(c, e + 1);
        return attach_time(c, e, x);
    }

    uint32_t te = time_at(c, k, time_prep(pr) || c->in_period ? 1 : pr == 'n' ? 2 : 0, x, 1);
    if (te) {
        x->base = CHR_TX_NONE;
        return attach_day(c, te, x);
    }

    int v = r.g[0];
    uint32_t e2 = e;        /* after a range's second number */
    if (r.ng == 2 && r.sep[0] == '-' && !r.sufl) {
        e2 = e;
    } else if (r.ng == 1) {
        if (r.sufl) {
            int decade = (r.sufl == 2 && (!memcmp(r.suf, "х", 2) || !memcmp(r.suf, "е", 2))) ||
                         (r.sufl == 4 && (!memcmp(r.suf, "ых", 4) || !memcmp(r.suf, "ые", 4)));
            if (decade && v % 10 == 0 && (r.gl[0] == 2 || (r.gl[0] == 4 && v >= 1000 && v <= 2190))) {
                int ctx = pr || c->in_period || unit_at(c, e, NULL) == CHR_U_YEAR;
                if (ctx && !lex(c, CHR_LEX_MONTHS, e)) {
                    x->base = CHR_TX_DECADE;
                    x->n = r.gl[0] == 4 ? v : v >= 20 ? 1900 + v : 2000 + v;
                    if (unit_at(c, e, NULL) == CHR_U_YEAR)
                        e = skip_abbr_dot(c, e + 1);
                    return e;
                }
            }
            /* ordinals keep their number: 10-го января, 2010-м году */
        }
        if (!r.sufl && (is_dash(c, e) || prep(c, e) == 'i' ||
                        (pr == 's' && (prep(c, e) == 'p' || prep(c, e) == 'd'))) &&
            tok_num(c, e + 1, (size_t)r.gl[0]) >= 0 && tlen(c, e + 1) == (size_t)r.gl[0])
            e2 = e + 2;     /* 28 – 29 июня, с 28 по 30 июня, 2020 – 2021 годах */
    } else {
        return 0;
    }

    if (r.gl[0] <= 2 && v >= 1 && v <= 31) {
        const char *mp = lex(c, CHR_LEX_MONTHS, e2);
        if (!mp && e2 != e)
            mp = lex(c, CHR_LEX_MONTHS, e2 = e);
        if (mp) {
            uint32_t ue = e2 + 1;
            if (strchr(mp, '.') && is_ch(c, ue, '.') && adjacent(c, e2, ue))
                ue++;
            x->base = CHR_TX_DATE;
            x->unit = CHR_U_DAY;
            x->day = v;
            x->month = atoi(mp);
            x->year = CHR_TX_YDOC;
            uint32_t ye = year_spec(c, ue, x);
            if (ye)
                ue = ye;
            if (!valid_md(x->year, x->month, x->day))
                return 0;
            return attach_time(c, ue, x);
        }
    }
    if (r.gl[0] == 4 && v >= 1000 && v <= 2199) {
        if (unit_at(c, e2, NULL) == CHR_U_YEAR) {
            x->base = CHR_TX_DATE;
            x->unit = CHR_U_YEAR;
            x->year = v;
            return skip_abbr_dot(c, e2 + 1);
        }
        /* a bare year: "в 2021, когда", "с 2014.", "в 2021-м" */
        int ord = r.sufl && (!strcmp(r.suf, "м") || !strcmp(r.suf, "ом") || !strcmp(r.suf, "го") ||
                             !strcmp(r.suf, "ого"));
        if (e2 == e && r.ng == 1 && (pr == 'v' || pr == 's' || pr == 'd') && v >= 1900 &&
            (ord || (!r.sufl && pr != 'd' && (e >= c->se || c->t[e].kind == CHR_TOK_PUNCT) &&
                     !is_ch(c, e, '%')))) {
            x->base = CHR_TX_DATE;
            x->unit = CHR_U_YEAR;
            x->year = v;
            return e;
        }
    }
    if (r.ng == 1 && r.sufl && r.gl[0] == 1)
        return part_of_year(c, v, e, x);            /* в 1-м квартале */
    if (r.ng == 1 && !r.sufl)
        return ago_tail(c, e, v, x);
    return 0;
}

/* --------------------------------------------------------------- words */

static uint32_t period_at(chr_tx_ctx *c, uint32_t j, chr_tx *x);

static uint32_t m_month(chr_tx_ctx *c, uint32_t k, const char *p, chr_tx *x)
{
    if (strchr(p, '.'))
        return 0;           /* an abbreviation needs a day before it */
    x->base = CHR_TX_DATE;
    x->unit = CHR_U_MONTH;
    x->month = atoi(p);
    x->year = CHR_TX_YDOC;
    uint32_t e = k + 1;
    /* English order: January 10, 2022 */
    if (!(c->t[k].flags & CHR_TF_CYR) && (unsigned char)c->low[c->t[k].start] < 0x80) {
        int d = tok_num(c, e, 2);
        if (d >= 1 && d <= 31) {
            uint32_t j = is_ch(c, e + 1, ',') ? e + 2 : e + 1;
            int y = year_num(c, j);
            if (y > 0 && valid_md(y, x->month, d)) {
                x->unit = CHR_U_DAY;
                x->day = d;
                x->year = y;
                return attach_time(c, j + 1, x);
            }
        }
    }
    uint32_t ye = year_spec(c, e, x);
    if (!ye) {
        int pr = k > c->sf ? prep(c, k - 1) : 0;
        /* "в январе и феврале": и joins a month to the expression before */
        if (!c->in_period && !(pr && (pr != 'i' || c->floor == k - 1)))
            return 0;
        /* "к Марте Ивановой": a name, not a month */
        if (name_like(c, k) && is_word(c, e) && (c->t[e].flags & CHR_TF_UPPER))
            return 0;
        return e;
    }
    return ye;
}

static uint32_t m_weekday(chr_tx_ctx *c, uint32_t k, const char *p, chr_tx *x)
{
    int wd = atoi(p);
    int pr = k > c->sf ? prep(c, k - 1) : 0;
    if (strchr(p, 's')) {
        if (pr != 'p')
            return 0;
        x->base = CHR_TX_SET;
        x->n = wd;
        return k + 1;       /* по понедельникам */
    }
    if (strchr(p, '?') && !pr)
        return 0;           /* среда: also "environment" */
    if (!pr && name_like(c, k))
        return 0;           /* Виктор Понедельник */
    uint32_t j = is_ch(c, k + 1, ',') ? k + 2 : k + 1;
    if (!c->depth && starts_digit(c, j)) {
        chr_tx d;
        blank(&d, j);
        c->depth++;
        uint32_t de = m_number(c, j, &d);
        c->depth--;
        if (de && d.base == CHR_TX_DATE && d.unit == CHR_U_DAY) {
            *x = d;
            x->a = k;
            return attach_time(c, de, x);
        }
    }
    x->base = CHR_TX_WDAY;
    x->n = wd;
    return attach_time(c, k + 1, x);
}

static uint32_t m_reladj(chr_tx_ctx *c, uint32_t k, const char *p, chr_tx *x)
{
    int n = atoi(p);
    uint32_t j = k + 1;
    int u = unit_at(c, j, NULL);
    if ((u == CHR_U_WEEK || u == CHR_U_MONTH || u == CHR_U_YEAR || u == CHR_U_DAY) && unit_plural(c, j)) {
        /* прошлые годы, последние недели: a vague span, not one period */
        x->base = CHR_TX_REF;
        x->ref = n < 0 ? "PAST_REF" : n > 0 ? "FUTURE_REF" : "PRESENT_REF";
        return j + 1;
    }
    if (u == CHR_U_WEEK || u == CHR_U_MONTH || u == CHR_U_YEAR) {
        x->base = CHR_TX_REL;
        x->unit = (uint8_t)u;
        x->n = n;
        x->tense = n < 0 ? CHR_TENSE_PAST + 1 : n > 0 ? CHR_TENSE_FUTURE + 1 : 0;
        return j + 1;
    }
    if (tw(c, j, 'Y')) {
        x->base = CHR_TX_WEEKEND;               /* в минувшие выходные */
        x->wdir = (int8_t)(n < 0 ? -1 : n > 0 ? 1 : 2);
        x->strict = n != 0;
        return j + 1;
    }
    const char *wd = lex(c, CHR_LEX_WEEKDAYS, j);
    if (wd && !strchr(wd, 's')) {
        x->base = CHR_TX_WDAY;
        x->n = atoi(wd);
        x->wdir = (int8_t)(n < 0 ? -1 : n > 0 ? 1 : 2);
        x->strict = n != 0;
        return attach_time(c, j + 1, x);
    }
    const char *s = tw(c, j, 'S');
    /* the adjective agrees with the season: прошлым летом, прошлого лета
       (not "предстоящего летом чемпионата") */
    static const char *const instr[] = {"ым", "им", "ой", "ей"};
    static const char *const gen[] = {"ого", "его", "ой", "ей"};
    int agree = 0;
    for (int i = 0; s && i < 4; i++)
        agree |= ends_with(ttext(c, k), tlen(c, k), code_has(s, '?') ? gen[i] : instr[i]);
    if (s && agree) {
        x->base = CHR_TX_SEASON;
        x->n = s[0] == 'W' ? 1 : s[1] == 'P' ? 2 : s[1] == 'U' ? 3 : 4;
        x->year = CHR_TX_YDOC;
        x->yoff = n;
        return j + 1;
    }
    return 0;
}

/* After начало / середина / конец, в течение: the period they take. */
static uint32_t period_at(chr_tx_ctx *c, uint32_t j, chr_tx *x)
{
    if (j >= c->se || c->depth > 1)
        return 0;
    int imp = 0;
    int u = unit_at(c, j, &imp);
    if ((u == CHR_U_WEEK || u == CHR_U_MONTH || u == CHR_U_YEAR) && !imp) {
        blank(x, j);        /* в начале года: the current one */
        x->base = CHR_TX_REL;
        x->unit = (uint8_t)u;
        return j + 1;
    }
    int cent = roman(c, j);
    if (cent && unit_at(c, j + 1, NULL) == CHR_U_CENTURY) {
        blank(x, j);
        x->base = CHR_TX_CENTURY;
        x->n = cent;
        return j + 2;
    }
    chr_tx d;
    c->depth++;
    c->in_period++;
    uint32_t e = match_at(c, j, &d);
    c->depth--;
    c->in_period--;
    if (!e)
        return 0;
    switch (d.base) {
    case CHR_TX_DATE: case CHR_TX_DECADE: case CHR_TX_CENTURY: case CHR_TX_SEASON:
    case CHR_TX_QUARTER: case CHR_TX_HALF:
        break;
    case CHR_TX_REL:
        if (d.unit == CHR_U_DAY)
            return 0;
        break;
    default:
        return 0;
    }
    *x = d;
    return e;
}

static uint32_t m_duration(chr_tx_ctx *c, uint32_t k, chr_tx *x, int lead)
{
    int pr = k > c->sf ? prep(c, k - 1) : 0;
    if (!lead && pr != 'v' && pr != 'n')
        return 0;           /* "течение" alone is a flow */
    uint32_t j = lead ? k : k + 1;
    while (tw(c, j, 'L'))
        j++;
    int n = 1, imp = 0;
    uint32_t ce = j;
    int have = count_at(c, j, &n, &ce);
    int u = unit_at(c, ce, &imp);
    if (u && u != U_QUARTER && u != U_HALF && !(have && n >= 1000)) {
        if (!have)
            n = lead ? -1 : imp ? imp : 1;      /* за последние годы: PXY */
        x->base = CHR_TX_DUR;
        x->unit = (uint8_t)u;
        x->n = n;
        x->a = lead ? k : k + 1;
        if (u == CHR_U_CENTURY) {
            x->unit = CHR_U_YEAR;
            x->n = n < 0 ? -1 : n * 100;
        }
        return ce + 1;
    }
    if (lead)
        return 0;
    uint32_t e = period_at(c, k + 1, x);
    if (e)
        x->a = k + 1;
    return e;
}

static uint32_t m_future(chr_tx_ctx *c, uint32_t k, chr_tx *x)
{
    uint32_t j = k + 1, ce = j;
    int n = 1, imp = 0;
    int have = count_at(c, j, &n, &ce);
    int u = unit_at(c, ce, &imp);
    if (!u)
        return 0;
    if (!have && imp)
        n = imp;
    if (prep(c, ce + 1) == 'f') {
        /* через два дня после стрельбы: counted from an event, not the
           report; what is left is the span */
        if (u == U_QUARTER || u == U_HALF || u == CHR_U_CENTURY)
            return 0;
        x->base = CHR_TX_DUR;
        x->unit = (uint8_t)u;
        x->n = n;
        x->a = k + 1;
        return ce + 1;
    }
    x->tense = CHR_TENSE_FUTURE + 1;
    if (n < 0) {
        x->base = CHR_TX_REF;
        x->ref = "FUTURE_REF";
        return ce + 1;
    }
    x->base = CHR_TX_REL;
    switch (u) {
    case CHR_U_DAY: x->unit = CHR_U_DAY; x->n = n; break;
    case CHR_U_WEEK: x->unit = CHR_U_DAY; x->n = 7 * n; break;
    case CHR_U_MONTH: x->unit = CHR_U_MONTH; x->n = n; break;
    case CHR_U_YEAR: x->unit = CHR_U_YEAR; x->n = n; break;
    default: return 0;   /* через час: relative to an event, not the report */
    }
    return ce + 1;
}

static uint32_t m_word(chr_tx_ctx *c, uint32_t k, const char *payload, chr_tx *x)
{
    for (const char *p = payload; p; p = strchr(p, '|'), p = p ? p + 1 : NULL) {
        uint32_t e = 0, ce;
        int n, imp;
        blank(x, k);
        switch (*p) {
        case 'R': {                                 /* сегодня, вчера */
            if (code_has(p, '?')) {
                /* накануне + noun is a preposition: накануне выборов */
                uint32_t j = k + 1;
                if (is_word(c, j) && !tw(c, j, 'P') && !chr_tx_past_verb(c, j))
                    break;
            }
            x->base = CHR_TX_REL;
            x->unit = CHR_U_DAY;
            x->n = atoi(p + 1);
            x->tense = x->n < 0 ? CHR_TENSE_PAST + 1 : x->n > 0 ? CHR_TENSE_FUTURE + 1 : 0;
            e = attach_time(c, k + 1, x);
            break;
        }
        case 'P':                                   /* вечером */
            if (code_has(p, '?'))
                break;
            memcpy(x->part, p + 1, 2);
            x->part[2] = 0;
            e = attach_day(c, k + 1, x);
            break;
        case 'W': {                                 /* в полдень */
            int pr = k > c->sf ? prep(c, k - 1) : 0;
            e = time_at(c, k, time_prep(pr) ? 1 : pr == 'n' ? 2 : 0, x, 1);
            if (e)
                e = attach_day(c, e, x);
            break;
        }
        case 'S':                                   /* летом 2021 года */
            if (code_has(p, '?') && !c->in_period)
                break;
            x->base = CHR_TX_SEASON;
            x->n = p[1] == 'W' ? 1 : p[2] == 'P' ? 2 : p[2] == 'U' ? 3 : 4;
            x->year = CHR_TX_YDOC;
            e = year_spec(c, k + 1, x);
            if (!e)
                e = k + 1;
            break;
        case 'J':
            e = m_reladj(c, k, p + 1, x);
            break;
        case 'M':                                   /* в начале марта */
            e = period_at(c, k + 1, x);
            if (e)
                x->a = k;
            break;
        case 'D':                                   /* в течение двух недель */
            e = m_duration(c, k, x, 0);
            break;
        case 'L':                                   /* за последние три года */
            e = m_duration(c, k, x, 1);
            break;
        case 'F':                                   /* через неделю */
            e = m_future(c, k, x);
            break;
        case 'N':                                   /* три дня назад */
            if (count_at(c, k, &n, &ce))
                e = ago_tail(c, ce, n, x);
            break;
        case 'U': {
            int u = unit_at(c, k, &imp);
            if (u == CHR_U_CENTURY && k > c->floor) {
                int cent = roman(c, k - 1);         /* XX век */
                if (cent) {
                    x->base = CHR_TX_CENTURY;
                    x->n = cent;
                    x->a = k - 1;
                    e = k + 1;
                }
                break;
            }
            if ((u == U_QUARTER || u == U_HALF) && k > c->floor && roman(c, k - 1)) {
                e = part_of_year(c, roman(c, k - 1), k, x);     /* III квартал */
                if (e)
                    x->a = k - 1;
                break;
            }
            e = ago_tail(c, k, imp ? imp : 1, x);   /* неделю назад */
            break;
        }
        case 'O':                                   /* в первом квартале */
            e = part_of_year(c, atoi(p + 1), k + 1, x);
            break;
        case 'G': {                                 /* в ночь на 10 января */
            uint32_t j = k + 1;
            if (prep(c, j) == 's' && tok_num(c, j + 1, 2) >= 0 && prep(c, j + 2) == 'n')
                j += 3;                             /* в ночь с 9 на 10 января */
            else if (prep(c, j) == 'n')
                j += 1;
            else
                break;
            chr_tx d;
            c->depth++;
            uint32_t de = j < c->se ? match_at(c, j, &d) : 0;
            c->depth--;
            if (!de || !day_level(&d) || d.minute >= 0 || d.part[0])
                break;
            *x = d;
            x->a = k;
            memcpy(x->part, "NI", 3);
            e = de;
            break;
        }
        case 'Y': {                                 /* в выходные */
            int pr = k > c->sf ? prep(c, k - 1) : 0;
            if (pr != 'v' && pr != 'n' && pr != 'k' && pr != 'd')
                break;
            x->base = CHR_TX_WEEKEND;
            e = k + 1;
            break;
        }
        case 'E':                                   /* ежегодно */
            x->base = CHR_TX_SET;
            x->ref = p + 1;
            e = k + 1;
            break;
        case 'K': {                                 /* каждый день, каждую пятницу */
            const char *wd = lex(c, CHR_LEX_WEEKDAYS, k + 1);
            if (wd) {
                x->base = CHR_TX_SET;
                x->n = atoi(wd);
                e = k + 2;
                break;
            }
            n = 1;
            ce = k + 1;
            count_at(c, k + 1, &n, &ce);
            int u = unit_at(c, ce, &imp);
            if (!u || u == U_QUARTER || u == U_HALF || n < 0)
                break;
            x->base = CHR_TX_SET;
            x->unit = (uint8_t)(u == CHR_U_CENTURY ? CHR_U_YEAR : u);
            x->n = u == CHR_U_CENTURY ? 100 * n : n;
            e = ce + 1;
            break;
        }
        case 'X': {                                 /* в настоящее время */
            size_t len = strcspn(p + 1, "|+");
            if (p[1 + len] == '+' && !tw(c, k + 1, 'V'))
                break;
            x->base = CHR_TX_REF;
            x->ref = p + 1;
            e = p[1 + len] == '+' ? k + 2 : k + 1;
            if (x->ref[0] == 'F')
                x->tense = CHR_TENSE_FUTURE + 1;
            break;
        }
        default:
            break;
        }
        if (e)
            return e;
    }
    return 0;
}

static uint32_t match_at(chr_tx_ctx *c, uint32_t k, chr_tx *x)
{
    blank(x, k);
    uint32_t e = 0;
    if (starts_digit(c, k)) {
        e = m_number(c, k, x);
    } else if (c->t[k].kind == CHR_TOK_WORD) {
        const char *s = ttext(c, k);
        size_t n = tlen(c, k);
        if (!filter_has(c->f, s, n))
            return 0;
        const char *p;
        if ((p = chr_lex_get(CHR_LEX_MONTHS, s, n)))
            e = m_month(c, k, p, x);
        else if ((p = chr_lex_get(CHR_LEX_WEEKDAYS, s, n)))
            e = m_weekday(c, k, p, x);
        else if ((p = chr_lex_get(CHR_LEX_TIME_WORDS, s, n)))
            e = m_word(c, k, p, x);
    }
    if (e)
        x->b = e;
    return e;
}

int chr_tx_sentence(chr_document *doc, const chr_tx_filter *f, uint32_t s, chr_tx_list *out)
{
    const chr_sentence *se = &doc->sents[s];
    if (se->n_tokens == 0)
        return 0;
    chr_tx_ctx c = {doc, doc->toks, doc->lower, f, se->first_token, se->first_token + se->n_tokens,
              se->first_token, 0, 0};
    uint32_t k = c.sf;
    while (k < c.se) {
        chr_tx x;
        uint32_t e = match_at(&c, k, &x);
        if (e > k && x.a >= c.floor) {
            x.lead = (uint8_t)(x.a > c.sf ? prep(&c, x.a - 1) : 0);
            if ((x.base == CHR_TX_WDAY || x.base == CHR_TX_WEEKEND) && x.wdir == 0)
                x.wdir = (int8_t)chr_tx_tense_dir(&c, x.a, x.b);
            if (chr_grow(doc, (void **)&out->v, &out->cap, out->n + 1, sizeof *out->v) < 0)
                return -1;
            out->v[out->n++] = x;
            c.floor = e;
            k = e;
        } else {
            k++;
        }
    }
    return 0;
}
