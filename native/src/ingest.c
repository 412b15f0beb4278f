/* ingest.c - format and language detection, and the analysed text of plain
   text documents (Markdown: ingest_markdown.c; HTML and XML: markup.c).

   Plain text is analysed as decoded: doc->text aliases doc->utf8, so a large
   UTF-8 file costs one copy and one case fold. */
#include "ingest_buf.h"

#include <stdlib.h>
#include <string.h>

#define SNIFF 8192u

static int lower_ascii(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int starts_ci(const char *s, const char *end, const char *prefix)
{
    for (; *prefix; s++, prefix++)
        if (s >= end || lower_ascii((unsigned char)*s) != *prefix)
            return 0;
    return 1;
}

static chr_format format_from_path(const char *path)
{
    static const struct { const char *ext; chr_format f; } exts[] = {
        {"html", CHR_FORMAT_HTML}, {"htm", CHR_FORMAT_HTML}, {"xhtml", CHR_FORMAT_HTML},
        {"shtml", CHR_FORMAT_HTML}, {"xml", CHR_FORMAT_XML}, {"fb2", CHR_FORMAT_XML},
        {"tei", CHR_FORMAT_XML}, {"rss", CHR_FORMAT_XML}, {"md", CHR_FORMAT_MARKDOWN},
        {"markdown", CHR_FORMAT_MARKDOWN}, {"txt", CHR_FORMAT_TEXT}, {"text", CHR_FORMAT_TEXT},
    };
    if (!path)
        return CHR_FORMAT_AUTO;
    const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
    if (!dot || (slash && slash > dot))
        return CHR_FORMAT_AUTO;
    dot++;
    size_t n = strlen(dot);
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (strlen(exts[i].ext) == n && starts_ci(dot, dot + n, exts[i].ext))
            return exts[i].f;
    return CHR_FORMAT_AUTO;
}

/* The tag name at s ("<name" or "</name"), lower-cased into buf; its length
   or 0. */
static size_t tag_name(const char *s, const char *end, char *buf, size_t cap)
{
    if (s >= end || *s != '<')
        return 0;
    s++;
    if (s < end && *s == '/')
        s++;
    size_t n = 0;
    while (s < end && n < cap && ((lower_ascii((unsigned char)*s) >= 'a' && lower_ascii((unsigned char)*s) <= 'z') ||
                                  (n && *s >= '0' && *s <= '9')))
        buf[n++] = (char)lower_ascii((unsigned char)*s++);
    if (n == 0 || n == cap || s >= end)
        return 0;
    return (*s == '>' || *s == ' ' || *s == '/' || *s == '\n' || *s == '\t' || *s == '\r') ? n : 0;
}

static int is_html_tag(const char *name, size_t n)
{
    return chr_lex_get(CHR_LEX_INGEST_HTML, name, n) != NULL;
}

static int line_is(const char *p, const char *end, char c, int min)
{
    int k = 0;
    while (p < end && *p == c) {
        p++;
        k++;
    }
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
        p++;
    return k >= min && (p >= end || *p == '\n');
}

static int looks_markdown(const char *s, const char *end)
{
    if ((starts_ci(s, end, "---\n") || starts_ci(s, end, "---\r\n"))) {
        for (const char *p = s + 3; p < end; p++)
            if (p[-1] == '\n' && (line_is(p, end, '-', 3) || line_is(p, end, '.', 3)))
                return 1;
    }
    int heading = 0, fence = 0, list = 0, quote = 0, link = 0, strong = 0;
    const char *prev_text = NULL;
    for (const char *p = s; p < end;) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        const char *q = p;
        while (q < eol && q - p < 4 && *q == ' ')
            q++;
        int hashes = 0;
        while (q + hashes < eol && q[hashes] == '#')
            hashes++;
        if (hashes >= 1 && hashes <= 6 && q + hashes < eol && q[hashes] == ' ')
            heading++;
        else if (starts_ci(q, eol, "```") || starts_ci(q, eol, "~~~"))
            fence++;
        else if (q + 1 < eol && (*q == '-' || *q == '*' || *q == '+') && q[1] == ' ')
            list++;
        else if (q < eol && *q == '>')
            quote++;
        else if (prev_text && (line_is(q, eol + (eol < end), '=', 2) || line_is(q, eol + (eol < end), '-', 2)))
            heading++;
        for (const char *r = q; r + 1 < eol; r++) {
            link += r[0] == ']' && r[1] == '(';
            strong += (r[0] == '*' && r[1] == '*') || (r[0] == '_' && r[1] == '_');
        }
        prev_text = q < eol && *q != '\r' ? q : NULL;
        p = eol + 1;
    }
    int kinds = (heading > 0) + (fence > 0) + (link > 0) + (strong > 0) + (list > 1) + (quote > 0);
    return (heading && kinds >= 2) || kinds >= 3 || heading >= 2;
}

static chr_format sniff_format(const chr_text *t)
{
    const char *s = t->s, *end = t->s + (t->len < SNIFF ? t->len : SNIFF);
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f'))
        s++;
    char name[16];
    if (starts_ci(s, end, "<!doctype html") || starts_ci(s, end, "<html"))
        return CHR_FORMAT_HTML;
    if (starts_ci(s, end, "<?xml")) {
        /* XHTML is read as HTML: the visible text is what matters */
        const char *lim = end - s > 1024 ? s + 1024 : end;
        for (const char *p = s; p + 5 <= lim; p++)
            if (starts_ci(p, lim, "<html") || starts_ci(p, lim, "<!doctype html"))
                return CHR_FORMAT_HTML;
        return CHR_FORMAT_XML;
    }
    if (starts_ci(s, end, "<!doctype") || starts_ci(s, end, "<!--"))
        return CHR_FORMAT_XML;
    size_t n = tag_name(s, end, name, sizeof name);
    if (n)
        return is_html_tag(name, n) ? CHR_FORMAT_HTML : CHR_FORMAT_XML;
    if (looks_markdown(s, end))
        return CHR_FORMAT_MARKDOWN;
    /* a text peppered with HTML tags is a fragment of a page */
    int tags = 0;
    for (const char *p = s; p < end && tags < 4; p++)
        if (*p == '<' && (n = tag_name(p, end, name, sizeof name)) && is_html_tag(name, n))
            tags++;
    return tags >= 4 ? CHR_FORMAT_HTML : CHR_FORMAT_TEXT;
}

/* Language detection reads the first megabyte: ru when Cyrillic letters
   (a D0/D1 lead byte with its continuation inside the window) outnumber
   ASCII Latin ones.  The counts are taken by the fold below, which reads
   those bytes anyway. */
#define LANG_WINDOW (1u << 20)

typedef struct lang_count {
    uint32_t cyr, lat;
} lang_count;

#define LANES(b) (0x0101010101010101ull * (b))

/* 0x80 in every lane of w that is a zero byte (exact: no false lanes). */
static inline uint64_t zero_lanes(uint64_t w)
{
    return ~(((w & LANES(0x7F)) + LANES(0x7F)) | w | LANES(0x7F));
}

/* Lanes set in a mask of 0x80 bits (a multiply: no popcount instruction
   is assumed). */
static inline uint32_t lanes_count(uint64_t m)
{
    return (uint32_t)(((m >> 7) * LANES(1)) >> 56);
}

/* One Russian or ASCII character at i: the fold of the two-byte Cyrillic
   block U+0400..U+047F (А-Я, Ѐ-Џ down, ё to е) and of A-Z; anything else
   through chr_utf8_fold itself.  `m` is the language window (0: not
   counting).  Returns the bytes consumed. */
static inline uint32_t fold_char(const unsigned char *s, uint32_t i, uint32_t n, char *out,
                                 uint32_t m, lang_count *lc)
{
    unsigned char c = s[i];
    if (c < 0x80) {
        if (i < m)
            lc->lat += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        out[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        return 1;
    }
    if ((c == 0xD0 || c == 0xD1) && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
        if (i + 1 < m)
            lc->cyr++;
        uint32_t cp = ((uint32_t)(c & 0x1F) << 6) | (s[i + 1] & 0x3F);
        if (cp >= 0x410 && cp <= 0x42F)
            cp += 32;
        else if (cp <= 0x40F)
            cp += 80;
        if (cp == 0x451)
            cp = 0x435;     /* ё -> е */
        out[i] = (char)(0xC0 | (cp >> 6));
        out[i + 1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    size_t adv;
    chr_utf8_next(s + i, n - i, &adv);
    chr_utf8_fold((const char *)s + i, adv, out + i);
    return (uint32_t)adv;
}

/* Eight bytes at i that hold only ASCII and D0/D1 two-byte sequences (a
   lead in the last lane is left for the next word) and in which nothing
   but ASCII capitals changes: most of a Russian text.  Stores the folded
   word and returns the bytes done (7 or 8), or 0 for the per-character
   path.  Counts letters when `counting`. */
static inline uint32_t fold_word(uint64_t w, char *out, int counting, lang_count *lc)
{
    uint64_t hi = w & LANES(0x80);
    uint64_t low7 = w & LANES(0x7F);
    /* ASCII capitals and, for the count, ASCII letters */
    uint64_t up = ((low7 + LANES(0x80 - 'A')) & ~(low7 + LANES(0x7F - 'Z'))) & ~hi & LANES(0x80);
    if (!hi) {
        if (counting) {
            uint64_t l7 = low7 | LANES(0x20);
            lc->lat += lanes_count(
                ((l7 + LANES(0x80 - 'a')) & ~(l7 + LANES(0x7F - 'z'))) & LANES(0x80));
        }
        w |= up >> 2;
        memcpy(out, &w, 8);
        return 8;
    }
    uint64_t lead = zero_lanes((w | LANES(0x01)) ^ LANES(0xD1));   /* D0 or D1 */
    uint64_t cont = hi & ~((w << 1) & LANES(0x80));
    uint64_t last = 0x80ull << 56;
    uint64_t lead_in = lead & ~last;
    if (cont != lead_in << 8 || hi != (lead | cont))
        return 0;
    /* a Cyrillic capital or Ѐ-Џ (after D0: continuation below B0), or ё */
    uint64_t d0 = zero_lanes(w ^ LANES(0xD0)) & lead_in;
    uint64_t b54 = w & (w << 1);                 /* bit 5: bits 5 and 4 set */
    uint64_t below_b0 = ~(b54 << 2) & LANES(0x80);
    uint64_t yo = zero_lanes(w ^ LANES(0x91)) & ((lead_in & ~d0) << 8);
    if (((d0 << 8) & below_b0) | yo)
        return 0;
    if (counting) {
        uint64_t l7 = low7 | LANES(0x20);
        lc->lat += lanes_count(
            ((l7 + LANES(0x80 - 'a')) & ~(l7 + LANES(0x7F - 'z'))) & ~hi & LANES(0x80));
        lc->cyr += lanes_count(lead_in);
    }
    w |= up >> 2;
    memcpy(out, &w, 8);
    return lead & last ? 7 : 8;
}

/* doc->lower: the text folded as chr_utf8_fold folds it (test_ingest checks
   that byte for byte), with the letters of the language window counted on
   the way.  This is on the path of every plain-text byte, hence the words. */
static void fold_text(const char *src, uint32_t n, char *out, lang_count *lc)
{
    const unsigned char *s = (const unsigned char *)src;
    uint32_t m = n < LANG_WINDOW ? n : LANG_WINDOW;
    uint32_t i = 0;
    memset(lc, 0, sizeof *lc);
    while (i < m) {
        if (i + 8 <= m) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            uint32_t k = fold_word(w, out + i, 1, lc);
            if (k) {
                i += k;
                continue;
            }
        }
        i += fold_char(s, i, n, out, m, lc);
    }
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            uint32_t k = fold_word(w, out + i, 0, lc);
            if (k) {
                i += k;
                continue;
            }
        }
        i += fold_char(s, i, n, out, 0, lc);
    }
}

int chr_ingest(chr_document *doc)
{
    chr_format f = doc->opt.format;
    if (f <= CHR_FORMAT_AUTO || f > CHR_FORMAT_MARKDOWN)
        f = format_from_path(doc->opt.path);
    if (f == CHR_FORMAT_AUTO)
        f = sniff_format(&doc->utf8);
    doc->info.format = f;

    int rc = 0;
    if (f == CHR_FORMAT_HTML)
        rc = chr_markup_html(doc);
    else if (f == CHR_FORMAT_XML)
        rc = chr_markup_xml(doc);
    else if (f == CHR_FORMAT_MARKDOWN)
        rc = chr_markdown(doc);
    else
        doc->text = doc->utf8;
    if (rc < 0 || doc->status != CHR_OK)
        return -1;
    if (!doc->text.s) {
        /* a markup reader that found nothing still leaves a valid text */
        doc->text.s = calloc(1, 1);
        if (!doc->text.s) {
            doc->status = CHR_ERR_NOMEM;
            return -1;
        }
    }

    doc->lower = malloc((size_t)doc->text.len + 1);
    if (!doc->lower) {
        doc->status = CHR_ERR_NOMEM;
        return -1;
    }
    lang_count lc;
    fold_text(doc->text.s, doc->text.len, doc->lower, &lc);
    doc->lower[doc->text.len] = '\0';
    chr_language l = doc->opt.language;
    doc->info.language = l == CHR_LANG_RU || l == CHR_LANG_EN ? l
                         : lc.cyr > lc.lat                  ? CHR_LANG_RU
                                                            : CHR_LANG_EN;
    return 0;
}
