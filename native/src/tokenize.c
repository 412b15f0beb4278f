/* tokenize.c - sentences -> tokens.
 *
 * One forward pass over each sentence.  Words keep their inner hyphens and
 * apostrophes (Касым-Жомарт, O'Brien), numbers their inner . , : (19.00,
 * 3,5, 10.01.2022); every punctuation character is a token of its own, so
 * later stages can see "2022." as the number and the full stop.  Only the
 * token's kind and surface flags are set here; analyze.c does the rest. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* Later stages look at whole sentences; none may be longer than this. */
#define SENT_MAX_TOKENS 2048

/* Decodes the character at i; ASCII and two-byte (Cyrillic) sequences take a
   short path because they are nearly all of a Russian text. */
static inline uint32_t cp_at(const unsigned char *s, uint32_t i, uint32_t end, uint32_t *adv)
{
    unsigned c = s[i];
    if (c < 0x80) {
        *adv = 1;
        return c;
    }
    if (c >= 0xC2 && c <= 0xDF && i + 1 < end && (s[i + 1] & 0xC0) == 0x80) {
        *adv = 2;
        return ((uint32_t)(c & 0x1F) << 6) | (s[i + 1] & 0x3F);
    }
    size_t a;
    uint32_t cp = chr_utf8_next(s + i, end - i, &a);
    *adv = (uint32_t)a;
    return cp;
}

static inline int is_letter(uint32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    if (cp >= 0x400 && cp <= 0x45F)
        return 1;
    return chr_cp_is_letter(cp);
}

static inline int is_upper(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    if (cp >= 0x400 && cp <= 0x42F)
        return 1;
    if (cp >= 0x430 && cp <= 0x45F)
        return 0;
    return chr_cp_is_upper(cp);
}

static inline int is_digit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

static inline int is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || (cp >= 0x80 && chr_cp_is_space(cp)) ||
           cp == '\f' || cp == '\v';
}

/* Marks that stay inside a word: combining accents (ударе́ние), soft hyphen. */
static inline int is_word_mark(uint32_t cp) { return (cp >= 0x300 && cp <= 0x36F) || cp == 0xAD; }

static inline int is_inner_hyphen(uint32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

static inline int is_apostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x2BC; }

static int is_punct(uint32_t cp)
{
    if (cp < 0x80)
        return cp != 0 && strchr(".,:;!?\"'()[]{}-/\\", (int)cp) != NULL;
    return cp == 0xAB || cp == 0xBB || cp == 0xA1 || cp == 0xBF || cp == 0xB7 ||
           (cp >= 0x2010 && cp <= 0x2027) || cp == 0x2039 || cp == 0x203A || cp == 0x2212;
}

/* The character that ends at i (i > lo), or CHR_CP_INVALID. */
static uint32_t cp_before(const unsigned char *s, uint32_t lo, uint32_t i)
{
    if (s[i - 1] < 0x80)
        return s[i - 1];
    uint32_t k = i - 1;
    while (k > lo && i - k < 4 && (s[k] & 0xC0) == 0x80)
        k--;
    uint32_t adv, cp = cp_at(s, k, i, &adv);
    return k + adv == i ? cp : CHR_CP_INVALID;
}

/* A straight or ambiguous quote opens after space, the start of the text,
   an opening bracket or quote, or a dash; otherwise it closes. */
static int opens_here(const unsigned char *s, uint32_t i)
{
    if (i == 0)
        return 1;
    uint32_t cp = cp_before(s, 0, i);
    return is_space(cp) || cp == '(' || cp == '[' || cp == '{' || cp == 0xAB || cp == 0x201E ||
           cp == '-' || chr_cp_is_dash(cp) || cp == '/';
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define CHR_LITTLE_ENDIAN 1
#else
#define CHR_LITTLE_ENDIAN 0
#endif

/* A 16-bit pattern in each of the four byte pairs of a little-endian word
   (the first byte is the low one). */
#define PAIRS(p) (0x0001000100010001ull * (uint64_t)(p))

/* Scans a word from i (a letter); returns its end and adds its flags. */
static uint32_t scan_word(const unsigned char *s, uint32_t i, uint32_t end, uint16_t *flags)
{
    uint32_t letters = 0, uppers = 0, adv, seg_letters = 0;
    uint16_t f = 0;
    {
        uint32_t cp0 = cp_at(s, i, end, &adv);
        if (is_upper(cp0))
            f |= CHR_TF_UPPER;
    }
    while (i < end) {
#if CHR_LITTLE_ENDIAN
        /* the common case, lower-case Russian letters, up to four at once:
           D0 or D1 leads with continuation bytes and no capital among them
           (after D0 a continuation from B0, after D1 one below A0); the
           first pair that is anything else stops the count */
        if (i + 8 <= end) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            uint64_t d1 = (w & PAIRS(0x0001)) << 13;
            uint64_t b5 = w & PAIRS(0x2000), b4 = (w << 1) & PAIRS(0x2000);
            uint64_t lower = (d1 & ~b5) | (~d1 & b5 & b4);
            uint64_t bad = (((w | PAIRS(0x0001)) & PAIRS(0xC0FF)) ^ PAIRS(0x80D1)) |
                           (~lower & PAIRS(0x2000));
            uint32_t k = bad ? (uint32_t)__builtin_ctzll(bad) >> 4 : 4;
            letters += k;
            seg_letters += k;
            f |= k ? CHR_TF_CYR : 0;
            i += 2 * k;
            if (k == 4)
                continue;
        }
#endif
        /* one Cyrillic letter U+0400..U+047F without the general decoder */
        if (i + 1 < end && (s[i] & 0xFE) == 0xD0 && (s[i + 1] & 0xC0) == 0x80) {
            uint32_t cp = ((uint32_t)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
            uppers += cp <= 0x42F || (cp >= 0x460 && !(cp & 1));
            letters++;
            seg_letters++;
            f |= CHR_TF_CYR;
            i += 2;
            continue;
        }
        if (i >= end)
            break;
        uint32_t cp = cp_at(s, i, end, &adv);
        if (is_letter(cp)) {
            letters++;
            seg_letters++;
            uppers += (uint32_t)is_upper(cp);
            f |= (cp >= 0x400 && cp <= 0x52F) ? CHR_TF_CYR : chr_cp_is_lat(cp) ? CHR_TF_LAT : 0;
        } else if (is_digit(cp) || is_word_mark(cp)) {
            /* G20, Ту-154: digits inside a word; accents are part of it */
        } else if (is_inner_hyphen(cp) || is_apostrophe(cp) || cp == '.') {
            uint32_t a2;
            if (i + adv >= end)
                break;
            uint32_t nx = cp_at(s, i + adv, end, &a2);
            if (cp == '.') {
                /* Lenta.ru, Театр.doc: a dot inside a site name; not after
                   one letter (А.Б. Иванов) nor before a capital (ул.Ленина) */
                if (!is_letter(nx) || is_upper(nx) || seg_letters < 2)
                    break;
                seg_letters = 0;
            } else if (!(is_letter(nx) || (is_inner_hyphen(cp) && is_digit(nx)))) {
                break;
            }
            if (is_inner_hyphen(cp))
                f |= CHR_TF_HYPHEN;
        } else {
            break;
        }
        i += adv;
    }
    if (letters >= 2 && uppers == letters)
        f |= CHR_TF_ALLUPPER;
    *flags |= f;
    return i;
}

/* Scans a number from i (a digit).  A hyphenated word ending (90-х, 40-й,
   22-летний) stays with its number and sets CHR_TF_HYPHEN; a range such as
   10-15 does not. */
static uint32_t scan_number(const unsigned char *s, uint32_t i, uint32_t end, uint16_t *flags)
{
    for (;;) {
        while (i < end && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i + 1 < end && (s[i] == '.' || s[i] == ',' || s[i] == ':') && s[i + 1] >= '0' &&
            s[i + 1] <= '9')
            i++;
        else
            break;
    }
    uint32_t adv, a2;
    if (i + 1 < end && is_inner_hyphen(cp_at(s, i, end, &adv)) && i + adv < end &&
        is_letter(cp_at(s, i + adv, end, &a2))) {
        uint16_t f = 0;
        i = scan_word(s, i + adv, end, &f);
        *flags |= CHR_TF_HYPHEN | (f & (CHR_TF_CYR | CHR_TF_LAT));
    }
    return i;
}

/* Reads the token at i (not white space) into *t and returns its end.
   *new_line says whether a line break came since the previous token;
   `spaced` whether white space precedes it (-1: unknown, look). */
static uint32_t read_token(const unsigned char *s, uint32_t len, uint32_t i, uint32_t end,
                           chr_token *t, int *new_line, int spaced)
{
    uint32_t adv, cp = cp_at(s, i, end, &adv);
    uint16_t f = 0;
    t->start = i;
    if (spaced < 0)
        spaced = i == 0 || is_space(cp_before(s, 0, i));
    if (spaced)
        f |= CHR_TF_SPACE_BEFORE;
    if (*new_line)
        f |= CHR_TF_LINE_START;
    *new_line = 0;
    if (is_letter(cp)) {
        t->kind = CHR_TOK_WORD;
        i = scan_word(s, i, end, &f);
        if (i == t->start + adv && (f & CHR_TF_UPPER) && i < len && s[i] == '.')
            f |= CHR_TF_INITIAL;
    } else if (is_digit(cp)) {
        t->kind = CHR_TOK_NUMBER;
        i = scan_number(s, i, end, &f);
    } else if (cp == CHR_CP_INVALID) {
        /* a run of damaged bytes is one token, not one per byte */
        t->kind = CHR_TOK_OTHER;
        while (i < end && cp_at(s, i, end, &adv) == CHR_CP_INVALID)
            i += adv;
    } else if (is_punct(cp)) {
        t->kind = CHR_TOK_PUNCT;
        i += adv;
        if (cp == 0xAB || cp == 0x201E || cp == 0x2039 || cp == 0x201A) {
            f |= CHR_TF_QUOTE_OPEN;
        } else if (cp == 0xBB || cp == 0x201D || cp == 0x203A || cp == 0x2019) {
            f |= CHR_TF_QUOTE_CLOSE;
        } else if (cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x2018) {
            f |= opens_here(s, t->start) ? CHR_TF_QUOTE_OPEN : CHR_TF_QUOTE_CLOSE;
        } else if (is_inner_hyphen(cp)) {
            /* a hyphen standing alone between spaces is a dash */
            if (spaced || f & CHR_TF_LINE_START || i >= len || is_space(cp_at(s, i, len, &adv)))
                f |= CHR_TF_DASH;
        } else if (chr_cp_is_dash(cp)) {
            f |= CHR_TF_DASH;
        }
    } else {
        t->kind = CHR_TOK_OTHER;
        i += adv;
    }
    t->flags = f;
    t->end = i;
    return i;
}

/* Closes sentence *cur at token count n_toks into out[]. */
static int push_sentence(chr_document *doc, chr_sentence **out, uint32_t *n_out, uint32_t *cap_out,
                         const chr_sentence *cur)
{
    if (*n_out == *cap_out && chr_grow(doc, (void **)out, cap_out, *n_out + 1, sizeof **out) < 0)
        return -1;
    (*out)[(*n_out)++] = *cur;
    return 0;
}

int chr_tokenize(chr_document *doc)
{
    const unsigned char *s = (const unsigned char *)doc->text.s;
    uint32_t len = doc->text.len, cap = 0, prev_end = 0, n_out = 0, cap_out = 0;
    chr_sentence *out = NULL;
    int new_line = 1;
    doc->n_toks = 0;
    if (!doc->n_sents)
        return 0;
    /* Sentences are rebuilt into out[] because one that would exceed
       SENT_MAX_TOKENS is cut, whatever its bytes (binary junk defeats the
       segmenter's own estimate). */
    if (chr_grow(doc, (void **)&doc->toks, &cap, len / 10 + 16, sizeof *doc->toks) < 0 ||
        chr_grow(doc, (void **)&out, &cap_out, doc->n_sents, sizeof *out) < 0)
        goto fail;
    for (uint32_t k = 0; k < doc->n_sents; k++) {
        const chr_sentence se = doc->sents[k];
        chr_sentence cur = {se.start, se.end, se.paragraph, doc->n_toks, 0};
        uint32_t i = se.start, adv;
        int want_start = 1;
        if (se.start > prev_end && memchr(s + prev_end, '\n', se.start - prev_end))
            new_line = 1;
        /* what precedes a token: white space just skipped, or the previous
           token (never ending in white space); at the sentence's start, look */
        uint32_t space_end = UINT32_MAX, tok_end = UINT32_MAX;
        while (i < se.end) {
            unsigned c = s[i];
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                new_line |= c == '\n';
                space_end = ++i;
                continue;
            }
            if (c >= 0x80 && (c & 0xFE) != 0xD0) {
                /* D0 and D1 lead Cyrillic letters; other characters may be
                   spaces */
                uint32_t cp = cp_at(s, i, se.end, &adv);
                if (is_space(cp)) {
                    i += adv;
                    space_end = i;
                    continue;
                }
            }
            if (doc->n_toks - cur.first_token == SENT_MAX_TOKENS) {
                cur.end = doc->toks[doc->n_toks - 1].end;
                cur.n_tokens = SENT_MAX_TOKENS;
                if (push_sentence(doc, &out, &n_out, &cap_out, &cur) < 0)
                    goto fail;
                cur = (chr_sentence){i, se.end, se.paragraph, doc->n_toks, 0};
                want_start = 1;
            }
            chr_token t = {0};
            int spaced = i == space_end ? 1 : i == tok_end ? 0 : -1;
            i = read_token(s, len, i, se.end, &t, &new_line, spaced);
            tok_end = i;
            t.sentence = n_out;
            if (want_start && (t.kind == CHR_TOK_WORD || t.kind == CHR_TOK_NUMBER)) {
                t.flags |= CHR_TF_SENT_START;
                want_start = 0;
            }
            if (doc->n_toks == cap &&
                chr_grow(doc, (void **)&doc->toks, &cap, doc->n_toks + 1, sizeof *doc->toks) < 0)
                goto fail;
            doc->toks[doc->n_toks++] = t;
        }
        cur.n_tokens = doc->n_toks - cur.first_token;
        if (push_sentence(doc, &out, &n_out, &cap_out, &cur) < 0)
            goto fail;
        prev_end = se.end;
    }
    free(doc->sents);
    doc->sents = out;
    doc->n_sents = n_out;
    for (uint32_t p = 0; p < doc->n_paras; p++)
        doc->paras[p].n_sentences = 0;
    for (uint32_t k = 0; k < n_out; k++) {
        if (out[k].paragraph >= doc->n_paras)
            continue;
        chr_paragraph *pa = &doc->paras[out[k].paragraph];
        if (pa->n_sentences++ == 0)
            pa->first_sentence = k;
    }
    return 0;
fail:
    free(out);
    return -1;
}
