/* ingest_align.c - finds the text nodes of a parsed HTML or XML document in
   their source, so that every analysed byte maps to the exact source bytes
   that show it.

   libxml2 reports no byte offsets for text, but it keeps text in document
   order.  So each node is matched forward from where the previous one ended:
   between nodes only markup, white space libxml2 dropped and the like may
   be skipped; inside a node the source may differ from the text only by
   entities (decoded), CR LF (read as LF) and tags the parser ignored.  When
   that strict match fails, a bounded forward search follows, and when even
   that fails the node's bytes point at the cursor, the nearest position
   known to be right.  All work is charged to a budget proportional to the
   source length, so alignment stays linear on any input. */
#include "ingest_buf.h"

#include <stdlib.h>
#include <string.h>

#define SEARCH_WINDOW (256u * 1024u)

void chr_align_init(chr_aligner *a, const char *s, uint32_t len, int xml, chr_entity_fn entity)
{
    memset(a, 0, sizeof *a);
    a->s = (const unsigned char *)s;
    a->len = len;
    a->xml = xml;
    a->entity = entity;
    a->budget = (uint64_t)len * 8 + 65536;
    a->no_gt_from = UINT32_MAX;
}

void chr_align_release(chr_aligner *a)
{
    free(a->us);
    free(a->ue);
    a->us = a->ue = NULL;
    a->cap = 0;
}

static int is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static int is_alnum(unsigned char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }
static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static uint32_t find_gt(chr_aligner *a, uint32_t p)
{
    if (p >= a->no_gt_from)
        return a->len;
    const unsigned char *q = memchr(a->s + p, '>', a->len - p);
    if (!q) {
        a->no_gt_from = p;
        return a->len;
    }
    return (uint32_t)(q - a->s) + 1;
}

/* A tag's end, stepping over quoted attribute values ("a > b"); the scan is
   bounded, past the bound the first '>' is taken. */
static uint32_t find_tag_end(chr_aligner *a, uint32_t p)
{
    const unsigned char *s = a->s;
    uint32_t lim = a->len - p > 4096 ? p + 4096 : a->len;
    unsigned char quote = 0, prev = 0;
    for (uint32_t i = p + 1; i < lim; i++) {
        unsigned char c = s[i];
        if (quote) {
            if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '>')
            return i + 1;
        if ((c == '"' || c == '\'') && prev == '=')
            quote = c;
        if (!is_space(c))
            prev = c;
    }
    return find_gt(a, p);
}

static int starts_ci(const unsigned char *s, uint32_t n, const char *lit)
{
    for (uint32_t i = 0; lit[i]; i++)
        if (i >= n || (s[i] | (is_alpha(s[i]) ? 0x20 : 0)) != (unsigned char)lit[i])
            return 0;
    return 1;
}

/* The end of the markup unit at p (s[p] == '<'), or p when that '<' is
   text. */
static uint32_t markup_end(chr_aligner *a, uint32_t p)
{
    const unsigned char *s = a->s;
    uint32_t n = a->len;
    if (p + 1 >= n)
        return p;
    unsigned char c = s[p + 1];
    if (c == '!') {
        if (starts_ci(s + p, n - p, "<!--")) {
            for (uint32_t i = p + 4; i + 2 < n; i++) {
                const unsigned char *q = memchr(s + i, '-', n - 2 - i);
                if (!q)
                    break;
                i = (uint32_t)(q - s);
                if (s[i + 1] == '-' && s[i + 2] == '>')
                    return i + 3;
            }
            return n;
        }
        if (a->xml && starts_ci(s + p, n - p, "<![cdata["))
            return p + 9;
        if (a->xml && starts_ci(s + p, n - p, "<!doctype")) {
            /* the internal subset holds '>' of its own declarations */
            for (uint32_t i = p + 9; i < n; i++) {
                if (s[i] == '>')
                    return i + 1;
                if (s[i] == '[') {
                    for (uint32_t j = i + 1; j < n; j++)
                        if (s[j] == ']') {
                            uint32_t k = j + 1;
                            while (k < n && is_space(s[k]))
                                k++;
                            if (k < n && s[k] == '>')
                                return k + 1;
                        }
                    return n;
                }
            }
            return n;
        }
        return find_gt(a, p);
    }
    if (c == '?')
        return find_gt(a, p);
    if (c == '/' || is_alpha(c))
        return find_tag_end(a, p);
    return p;
}

/* Skipping is charged to the budget too: a node that fails again and again
   must not rescan the same long comment or tag. */
static uint32_t skip_markup(chr_aligner *a, uint32_t p)
{
    uint32_t q = markup_end(a, p);
    uint64_t cost = q - p;
    a->budget = cost >= a->budget ? 0 : a->budget - cost;
    return q;
}

static int xml_char(uint32_t cp)
{
    return cp == 9 || cp == 10 || cp == 13 || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

/* An entity or character reference at p (s[p] == '&'): its source length
   and code point (0: it produces no text, as an unknown XML entity).
   Returns 0 when the '&' is plain text. */
static uint32_t entity_at(const chr_aligner *a, uint32_t p, uint32_t *cp)
{
    const unsigned char *s = a->s;
    uint32_t n = a->len, i = p + 1;
    *cp = 0;
    if (i < n && s[i] == '#') {
        i++;
        int hex = i < n && (s[i] == 'x' || s[i] == 'X');
        i += hex;
        uint32_t v = 0, digits = 0;
        /* a reference is short; an endless run of digits is no reference,
           and scanning it again for every node would not be linear */
        for (; i < n && digits < 16; i++, digits++) {
            unsigned char c = s[i];
            int d = c >= '0' && c <= '9' ? c - '0'
                  : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
            if (d < 0)
                break;
            if (v < 0x110000)
                v = v * (hex ? 16 : 10) + (uint32_t)d;
        }
        if (!digits || (i < n && s[i] >= '0' && s[i] <= '9'))
            return 0;
        if (i < n && s[i] == ';')
            i++;
        else if (a->xml)
            return 0;
        *cp = xml_char(v) ? v : 0;
        return i - p;
    }
    char name[33];
    uint32_t k = 0;
    while (i < n && k < 32 && is_alnum(s[i]))
        name[k++] = (char)s[i++];
    if (k == 0 || k == 32 || i >= n || s[i] != ';')
        return 0;
    name[k] = '\0';
    static const struct { const char *name; uint32_t cp; } xml5[] = {
        {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"apos", '\''}, {"quot", '"'},
    };
    for (size_t j = 0; j < sizeof xml5 / sizeof xml5[0]; j++)
        if (strcmp(name, xml5[j].name) == 0)
            *cp = xml5[j].cp;
    if (!*cp && a->entity)
        *cp = a->entity(name, k);
    if (!*cp && !a->xml)
        return 0;   /* HTML leaves an unknown entity as text */
    return i + 1 - p;
}

static int grow(chr_aligner *a, chr_document *doc, uint32_t n)
{
    if (n <= a->cap)
        return 0;
    uint32_t cap = a->cap ? a->cap : 256;
    while (cap < n)
        cap = cap > UINT32_MAX / 2 ? n : cap * 2;
    uint32_t *us = realloc(a->us, (size_t)cap * sizeof *us);
    if (us)
        a->us = us;
    uint32_t *ue = us ? realloc(a->ue, (size_t)cap * sizeof *ue) : NULL;
    if (!ue) {
        doc->status = CHR_ERR_NOMEM;
        return -1;
    }
    a->ue = ue;
    a->cap = cap;
    return 0;
}

/* Matches t[0, n) at p; on success sets *endp past the source used. */
static int match(chr_aligner *a, const char *t, uint32_t n, uint32_t p, int raw, uint32_t *endp)
{
    const unsigned char *s = a->s;
    uint32_t len = a->len, i = 0;
    while (i < n) {
        if (a->budget == 0 || p >= len)
            return 0;
        a->budget--;
        unsigned char c = s[p], tc = (unsigned char)t[i];
        if (c == tc && c != '&' && c != '<' && c != '\r') {
            /* the common case: a run of identical bytes */
            a->us[i] = p;
            a->ue[i] = p + 1;
            i++;
            p++;
            continue;
        }
        if (c == '&' && !raw) {
            uint32_t cp, el = entity_at(a, p, &cp);
            if (el && cp == 0) {
                p += el;
                continue;
            }
            if (el) {
                char b[4];
                size_t k = chr_utf8_put(cp, b);
                if (i + k <= n && memcmp(t + i, b, k) == 0) {
                    for (size_t j = 0; j < k; j++) {
                        a->us[i + j] = p;
                        a->ue[i + j] = p + el;
                    }
                    i += (uint32_t)k;
                    p += el;
                    continue;
                }
            }
        }
        if (c == tc) {
            a->us[i] = p;
            a->ue[i] = p + 1;
            i++;
            p++;
            continue;
        }
        if (c == '\r') {
            if (tc == '\n') {
                a->us[i] = p;
                p += p + 1 < len && s[p + 1] == '\n' ? 2 : 1;
                a->ue[i++] = p;
            } else {
                p++;
            }
            continue;
        }
        if (c == '<' && !raw) {
            uint32_t q = skip_markup(a, p);
            if (q > p) {
                p = q;
                continue;
            }
            return 0;
        }
        if (a->xml && c == ']' && p + 2 < len && s[p + 1] == ']' && s[p + 2] == '>') {
            p += 3;
            continue;
        }
        /* what parsers drop: the ';' after an unknown HTML entity, control
           characters */
        if (c == ';' || (c < 0x20 && c != '\n' && c != '\t')) {
            p++;
            continue;
        }
        return 0;
    }
    *endp = p;
    return 1;
}

static int candidate(unsigned char c, unsigned char t0)
{
    return c == t0 || c == '&' || c == '<' || c == '\r' || c == ']' || c == ';' || c < 0x20;
}

int chr_align_node(chr_aligner *a, chr_document *doc, const char *t, uint32_t n, int raw)
{
    if (n == 0)
        return 1;
    if (grow(a, doc, n) < 0)
        return -1;
    const unsigned char *s = a->s;
    unsigned char t0 = (unsigned char)t[0];
    uint32_t p = a->pos, end;
    /* strict: only what may lie between two text nodes is skipped */
    while (p < a->len && a->budget) {
        unsigned char c = s[p];
        if (candidate(c, t0) && match(a, t, n, p, raw, &end)) {
            a->pos = end;
            return 1;
        }
        a->budget--;
        if (c == '<' && !raw) {
            uint32_t q = skip_markup(a, p);
            if (q == p)
                break;
            p = q;
        } else if (is_space(c) || c < 0x20) {
            p++;
        } else if (c == '&' && !raw) {
            uint32_t cp, el = entity_at(a, p, &cp);
            if (!el || cp)
                break;
            p += el;
        } else if (a->xml && c == ']' && p + 2 < a->len && s[p + 1] == ']' && s[p + 2] == '>') {
            p += 3;
        } else {
            break;
        }
    }
    /* loose: the parser dropped or rewrote some text; look a little further */
    uint32_t lim = a->len - p > SEARCH_WINDOW ? p + SEARCH_WINDOW : a->len;
    while (p < lim && a->budget) {
        unsigned char c = s[p];
        if ((c == t0 || c == '&') && match(a, t, n, p, raw, &end)) {
            a->pos = end;
            return 1;
        }
        a->budget--;
        uint32_t q = c == '<' && !raw ? skip_markup(a, p) : p;
        p = q > p ? q : p + 1;
    }
    a->failures++;
    for (uint32_t i = 0; i < n; i++)
        a->us[i] = a->ue[i] = a->pos;
    return 0;
}

/* ------------------------------------------------------------ strip mode */

static uint32_t tag_name_at(const unsigned char *s, uint32_t n, uint32_t p, char *buf,
                            uint32_t cap, int *closing)
{
    uint32_t i = p + 1, k = 0;
    *closing = i < n && s[i] == '/';
    i += (uint32_t)*closing;
    while (i < n && k < cap && (is_alpha(s[i]) || (k && s[i] >= '0' && s[i] <= '9')))
        buf[k++] = (char)(s[i++] | 0x20);
    return k < cap ? k : 0;
}

/* The end of a raw-text element's content: the next "</name". */
static uint32_t raw_end(const chr_aligner *a, uint32_t p, const char *name, uint32_t k)
{
    const unsigned char *s = a->s;
    for (uint32_t i = p; i + 2 + k <= a->len; i++) {
        const unsigned char *q = memchr(s + i, '<', a->len - i);
        if (!q)
            break;
        i = (uint32_t)(q - s);
        if (i + 2 + k <= a->len && s[i + 1] == '/' && starts_ci(s + i + 2, k, name))
            return i;
    }
    return a->len;
}

int chr_align_strip(chr_aligner *a, chr_tbuf *tb, chr_lexicon tags)
{
    const unsigned char *s = a->s;
    uint32_t p = a->pos, n = a->len;
    while (p < n) {
        unsigned char c = s[p];
        if (c == '<') {
            uint32_t q = markup_end(a, p);
            if (q > p) {
                char name[16];
                int closing;
                uint32_t k = tag_name_at(s, n, p, name, sizeof name, &closing);
                const char *fl = k ? chr_lex_get(tags, name, k) : NULL;
                if (fl && strchr(fl, 'b'))
                    chr_tb_break(tb, p, 1);
                else if (fl && strchr(fl, 'n'))
                    chr_tb_break(tb, p, 0);
                if (fl && strchr(fl, 'r') && !closing)
                    q = raw_end(a, q, name, k);
                p = q;
                continue;
            }
        } else if (c == '&') {
            uint32_t cp, el = entity_at(a, p, &cp);
            if (el) {
                char b[4];
                size_t m = chr_utf8_put(cp ? cp : ' ', b);
                if (cp && chr_tb_put(tb, b, (uint32_t)m, p, p + el) < 0)
                    return -1;
                p += el;
                continue;
            }
        }
        if (is_space(c)) {
            chr_tb_space(tb, p, p + 1);
            p++;
            continue;
        }
        uint32_t j = p + 1;
        while (j < n && s[j] != '<' && s[j] != '&' && !is_space(s[j]))
            j++;
        if (chr_tb_copy(tb, p, j - p) < 0)
            return -1;
        p = j;
    }
    a->pos = n;
    return 0;
}
