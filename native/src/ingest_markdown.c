/* ingest_markdown.c - Markdown -> analysed text.

   Only what changes the reading is interpreted: YAML front matter (title and
   date, kept out of the text), headings and list items become blocks, fenced
   code and images are dropped, and inline markup (emphasis, code spans,
   links, HTML tags, block-quote markers) is stripped so that the words read
   as prose.  Every kept byte is copied from the source, so offsets stay
   exact.  Look-aheads are bounded to the line, keeping the pass linear. */
#include "ingest_buf.h"

#include <string.h>

#define INLINE_LOOKAHEAD 2048u

typedef struct md {
    chr_document *doc;
    chr_tbuf tb;
    const char *s;
    uint32_t n;
    int rc;
    int table;      /* the line is a table row: '|' separates cells */
    /* the next ']', ')', '>' and '`' of the line, as last found: a line of
       thousands of '[' must not be rescanned from each of them */
    struct { uint32_t from, at, end; } next[4];
} md;

static int is_blank_byte(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static int is_punct(unsigned char c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

static int is_alnum_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

static uint32_t line_end(const md *m, uint32_t p)
{
    const char *q = memchr(m->s + p, '\n', m->n - p);
    return q ? (uint32_t)(q - m->s) : m->n;
}

/* The trimmed end of line [p, e). */
static uint32_t rtrim(const md *m, uint32_t p, uint32_t e)
{
    while (e > p && is_blank_byte(m->s[e - 1]))
        e--;
    return e;
}

static int only(const md *m, uint32_t p, uint32_t e, char c, int min)
{
    int k = 0;
    for (; p < e; p++) {
        if (m->s[p] == c)
            k++;
        else if (!is_blank_byte(m->s[p]))
            return 0;
    }
    return k >= min;
}

static void copy(md *m, uint32_t a, uint32_t b)
{
    if (m->rc == 0 && b > a)
        m->rc = chr_tb_copy(&m->tb, a, b - a);
}

static uint32_t find_in_line(md *m, uint32_t p, uint32_t e, char c)
{
    int k = c == ']' ? 0 : c == ')' ? 1 : c == '>' ? 2 : 3;
    if (m->next[k].end != e || p < m->next[k].from || p > m->next[k].at) {
        const char *q = p < e ? memchr(m->s + p, c, e - p) : NULL;
        m->next[k].from = p;
        m->next[k].at = q ? (uint32_t)(q - m->s) : e;
        m->next[k].end = e;
    }
    uint32_t at = m->next[k].at;
    return at < e && at - p <= INLINE_LOOKAHEAD ? at : UINT32_MAX;
}

/* Inline content [p, e): copies the visible characters. */
static void inline_text(md *m, uint32_t p, uint32_t e)
{
    const char *s = m->s;
    uint32_t run = p, i = p, link_close = UINT32_MAX, link_after = 0;
    while (i < e) {
        unsigned char c = (unsigned char)s[i];
        if (i == link_close) {
            copy(m, run, i);
            i = run = link_after;
            link_close = UINT32_MAX;
            continue;
        }
        if (c == '\\' && i + 1 < e && is_punct((unsigned char)s[i + 1])) {
            copy(m, run, i);
            run = i + 1;
            i += 2;
            continue;
        }
        if (c == '`') {
            uint32_t k = 0;
            while (i + k < e && s[i + k] == '`')
                k++;
            uint32_t j = i + k, close = UINT32_MAX, tries = 0;
            while (tries++ < 16 && (j = find_in_line(m, j, e, '`')) != UINT32_MAX) {
                uint32_t r = 0;
                while (j + r < e && s[j + r] == '`')
                    r++;
                if (r == k) {
                    close = j;
                    break;
                }
                j += r;
            }
            copy(m, run, i);
            if (close != UINT32_MAX) {
                copy(m, i + k, close);
                i = run = close + k;
            } else {
                i = run = i + k;
            }
            continue;
        }
        if ((c == '[' || (c == '!' && i + 1 < e && s[i + 1] == '[')) && link_close == UINT32_MAX) {
            uint32_t open = c == '!' ? i + 1 : i;
            uint32_t close = find_in_line(m, open + 1, e, ']');
            uint32_t after = 0;
            if (close != UINT32_MAX && close + 1 < e && (s[close + 1] == '(' || s[close + 1] == '[')) {
                uint32_t end = find_in_line(m, close + 2, e, s[close + 1] == '(' ? ')' : ']');
                if (end != UINT32_MAX)
                    after = end + 1;
            }
            if (after) {
                copy(m, run, i);
                if (c == '!') {
                    i = run = after;    /* images say nothing the text needs */
                } else {
                    link_close = close;
                    link_after = after;
                    i = run = open + 1;
                }
                continue;
            }
        }
        if (c == '*' || c == '_' || (c == '~' && i + 1 < e && s[i + 1] == '~')) {
            uint32_t k = 0;
            while (i + k < e && (unsigned char)s[i + k] == c)
                k++;
            unsigned char before = i > p ? (unsigned char)s[i - 1] : ' ';
            unsigned char next = i + k < e ? (unsigned char)s[i + k] : ' ';
            int left = !is_blank_byte((char)next) && next != '\n';
            int right = !is_blank_byte((char)before);
            int intraword = c == '_' && is_alnum_byte(before) && is_alnum_byte(next);
            if ((left || right) && !intraword) {
                copy(m, run, i);
                i = run = i + k;
                continue;
            }
            i += k;
            continue;
        }
        if (c == '|' && m->table) {
            /* table cells read as words apart */
            uint32_t a = i, b = i + 1;
            while (a > run && is_blank_byte(s[a - 1]))
                a--;
            while (b < e && is_blank_byte(s[b]))
                b++;
            copy(m, run, a);
            if (m->rc == 0)
                chr_tb_space(&m->tb, i, i + 1);
            i = run = b;
            continue;
        }
        if (c == '<' && i + 1 < e &&
            (s[i + 1] == '/' || s[i + 1] == '!' || ((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z'))) {
            uint32_t gt = find_in_line(m, i + 1, e, '>');
            if (gt != UINT32_MAX) {
                copy(m, run, i);
                i = run = gt + 1;
                continue;
            }
        }
        i++;
    }
    copy(m, run, e);
}

/* front matter: "---" line, "key: value" lines, "---" or "..." line */
static uint32_t front_matter(md *m)
{
    uint32_t e = line_end(m, 0);
    if (!only(m, 0, e, '-', 3) || rtrim(m, 0, e) != 3 || e >= m->n)
        return 0;
    const char *title = NULL, *date = NULL;
    uint32_t title_n = 0, date_n = 0;
    for (uint32_t p = e + 1; p < m->n;) {
        uint32_t le = line_end(m, p), te = rtrim(m, p, le);
        if (te - p == 3 && (only(m, p, te, '-', 3) || only(m, p, te, '.', 3))) {
            if (title)
                chr_ingest_set_title(m->doc, title, title_n);
            char ymd[11];
            if (date && chr_ingest_norm_date(date, date_n, ymd))
                chr_ingest_set_date(m->doc, ymd);
            return le < m->n ? le + 1 : le;
        }
        const char *colon = memchr(m->s + p, ':', te - p);
        if (colon && colon > m->s + p) {
            uint32_t k = (uint32_t)(colon - (m->s + p)), v = k + 1;
            while (p + v < te && is_blank_byte(m->s[p + v]))
                v++;
            uint32_t vs = p + v, ve = te;
            if (ve > vs + 1 && (m->s[vs] == '"' || m->s[vs] == '\'') && m->s[ve - 1] == m->s[vs]) {
                vs++;
                ve--;
            }
            if (k == 5 && strncmp(m->s + p, "title", 5) == 0 && !title) {
                title = m->s + vs;
                title_n = ve - vs;
            } else if (k == 4 && strncmp(m->s + p, "date", 4) == 0 && !date) {
                date = m->s + vs;
                date_n = ve - vs;
            }
        }
        p = le + 1;
    }
    return 0;   /* never closed: not front matter */
}

static void heading(md *m, uint32_t a, uint32_t b)
{
    chr_tb_break(&m->tb, a, 1);
    uint32_t before = m->tb.len;
    inline_text(m, a, b);
    if (!m->doc->info.title && m->tb.len > before)
        chr_ingest_set_title(m->doc, m->tb.s + before, m->tb.len - before);
    chr_tb_break(&m->tb, b, 1);
}

int chr_markdown(chr_document *doc)
{
    md m = {.doc = doc, .s = doc->utf8.s, .n = doc->utf8.len};
    if (chr_tb_init(&m.tb, doc, doc->utf8.len + 64) < 0)
        return -1;
    const char *s = m.s;
    char fence = 0;
    uint32_t fence_len = 0;
    for (uint32_t p = front_matter(&m); p < m.n && m.rc == 0;) {
        uint32_t le = line_end(&m, p), next = le < m.n ? le + 1 : le, e = rtrim(&m, p, le);
        uint32_t q = p;
        while (q < e && q - p < 3 && s[q] == ' ')
            q++;
        m.table = 0;
        if (fence) {
            uint32_t k = 0;
            while (q + k < e && s[q + k] == fence)
                k++;
            if (k >= fence_len && q + k == e)
                fence = 0;
            p = next;
            continue;
        }
        if (q == e) {
            chr_tb_break(&m.tb, p, 1);
            p = next;
            continue;
        }
        if ((s[q] == '`' || s[q] == '~') && e - q >= 3 && s[q + 1] == s[q] && s[q + 2] == s[q]) {
            fence = s[q];
            fence_len = 0;
            while (q + fence_len < e && s[q + fence_len] == fence)
                fence_len++;
            chr_tb_break(&m.tb, p, 1);
            p = next;
            continue;
        }
        while (q < e && s[q] == '>') {
            q++;
            while (q < e && s[q] == ' ')
                q++;
        }
        if (q == e || only(&m, q, e, '*', 3) || only(&m, q, e, '-', 3) || only(&m, q, e, '_', 3)) {
            chr_tb_break(&m.tb, p, 1);
            p = next;
            continue;
        }
        uint32_t h = 0;
        while (q + h < e && s[q + h] == '#')
            h++;
        if (h >= 1 && h <= 6 && (q + h == e || s[q + h] == ' ' || s[q + h] == '\t')) {
            uint32_t a = q + h, b = e;
            while (a < b && is_blank_byte(s[a]))
                a++;
            uint32_t c = b;
            while (c > a && s[c - 1] == '#')
                c--;
            if (c == a || is_blank_byte(s[c - 1]))
                b = rtrim(&m, a, c);
            heading(&m, a, b);
            p = next;
            continue;
        }
        /* a reference definition or a table's delimiter row shows nothing */
        if (s[q] == '[') {
            uint32_t close = find_in_line(&m, q + 1, e, ']');
            if (close != UINT32_MAX && close + 1 < e && s[close + 1] == ':') {
                p = next;
                continue;
            }
        }
        if (s[q] == '|' && strspn(s + q, "|-: \t") >= e - q) {
            p = next;
            continue;
        }
        /* an HTML comment may run over lines; nothing in it shows */
        if (e - q >= 4 && memcmp(s + q, "<!--", 4) == 0) {
            uint32_t k = q + 4;
            while (k + 2 < m.n && !(s[k] == '-' && s[k + 1] == '-' && s[k + 2] == '>'))
                k++;
            if (k + 2 >= m.n) {
                p = m.n;
                continue;
            }
            uint32_t after = k + 3;
            uint32_t ale = line_end(&m, after);
            if (rtrim(&m, after, ale) == after) {
                p = ale < m.n ? ale + 1 : ale;
                continue;
            }
            q = after;
        }
        m.table = s[q] == '|';
        /* a list item is a block of its own */
        uint32_t d = q;
        while (d < e && d - q < 9 && s[d] >= '0' && s[d] <= '9')
            d++;
        if ((q + 1 < e && (s[q] == '-' || s[q] == '*' || s[q] == '+') && s[q + 1] == ' ') ||
            (d > q && d + 1 < e && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ')) {
            chr_tb_break(&m.tb, p, 1);
            q = d > q ? d + 2 : q + 2;
            while (q < e && s[q] == ' ')
                q++;
        }
        /* setext heading: the next line underlines this one */
        if (next < m.n) {
            uint32_t nle = line_end(&m, next), ne = rtrim(&m, next, nle), nq = next;
            while (nq < ne && nq - next < 3 && s[nq] == ' ')
                nq++;
            if (nq < ne && (only(&m, nq, ne, '=', 1) || only(&m, nq, ne, '-', 2))) {
                heading(&m, q, e);
                p = nle < m.n ? nle + 1 : nle;
                continue;
            }
        }
        inline_text(&m, q, e);
        chr_tb_break(&m.tb, le, 0);
        p = next;
    }
    if (m.rc == 0)
        m.rc = chr_tb_finish(&m.tb);
    chr_tb_release(&m.tb);
    return m.rc < 0 || doc->status != CHR_OK ? -1 : 0;
}
