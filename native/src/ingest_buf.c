/* ingest_buf.c - the offset-tracking text builder and the metadata helpers
   (dates, titles) shared by the ingestion of every format. */
#include "ingest_buf.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ text builder */

int chr_tb_init(chr_tbuf *tb, chr_document *doc, uint32_t hint)
{
    memset(tb, 0, sizeof *tb);
    tb->doc = doc;
    tb->src = &doc->utf8;
    uint32_t cap = hint < 64 ? 64 : hint;
    tb->s = malloc(cap);
    tb->ms = malloc((size_t)cap * sizeof *tb->ms);
    tb->me = malloc((size_t)cap * sizeof *tb->me);
    if (!tb->s || !tb->ms || !tb->me) {
        chr_tb_release(tb);
        doc->status = CHR_ERR_NOMEM;
        return -1;
    }
    tb->cap = cap;
    return 0;
}

void chr_tb_release(chr_tbuf *tb)
{
    free(tb->s);
    free(tb->ms);
    free(tb->me);
    tb->s = NULL;
    tb->ms = tb->me = NULL;
    tb->len = tb->cap = 0;
}

static int reserve(chr_tbuf *tb, uint32_t extra)
{
    uint64_t need = (uint64_t)tb->len + extra + 1;
    if (need <= tb->cap)
        return 0;
    uint64_t ncap = (uint64_t)tb->cap * 2;
    if (ncap < need)
        ncap = need;
    if (ncap > UINT32_MAX)
        ncap = UINT32_MAX;
    if (need > ncap) {
        tb->doc->status = CHR_ERR_TOO_LARGE;
        return -1;
    }
    char *s = realloc(tb->s, (size_t)ncap);
    if (s)
        tb->s = s;
    uint32_t *ms = s ? realloc(tb->ms, (size_t)ncap * sizeof *ms) : NULL;
    if (ms)
        tb->ms = ms;
    uint32_t *me = ms ? realloc(tb->me, (size_t)ncap * sizeof *me) : NULL;
    if (!me) {
        tb->doc->status = CHR_ERR_NOMEM;
        return -1;
    }
    tb->me = me;
    tb->cap = (uint32_t)ncap;
    return 0;
}

static inline uint32_t in_start(const chr_tbuf *tb, uint32_t u)
{
    return chr_text_src_start(tb->src, u);
}

static inline uint32_t in_end(const chr_tbuf *tb, uint32_t u0, uint32_t u1)
{
    return u1 > u0 ? chr_text_src_end(tb->src, u1) : chr_text_src_start(tb->src, u0);
}

static int raw_put(chr_tbuf *tb, const char *b, uint32_t n, uint32_t u0, uint32_t u1)
{
    if (reserve(tb, n) < 0)
        return -1;
    if (u1 > tb->src->len)
        u1 = tb->src->len;
    if (u0 > u1)
        u0 = u1;
    uint32_t a = in_start(tb, u0), e = in_end(tb, u0, u1);
    for (uint32_t i = 0; i < n; i++) {
        tb->s[tb->len] = b[i];
        tb->ms[tb->len] = a;
        tb->me[tb->len] = e;
        tb->len++;
    }
    return 0;
}

/* Materialises a due break or space before visible content.  Nothing is
   due at the very start: the text never opens with white space. */
static int flush(chr_tbuf *tb)
{
    if (tb->pending_break) {
        int want = tb->pending_break;
        tb->pending_break = 0;
        tb->pending_space = 0;
        while (tb->len && (tb->s[tb->len - 1] == ' ' || tb->s[tb->len - 1] == '\t'))
            tb->len--;
        if (tb->len == 0)
            return 0;
        int have = 0;
        while (have < 2 && tb->len > (uint32_t)have && tb->s[tb->len - 1 - have] == '\n')
            have++;
        for (; have < want; have++)
            if (raw_put(tb, "\n", 1, tb->break_at, tb->break_at) < 0)
                return -1;
        return 0;
    }
    if (tb->pending_space) {
        tb->pending_space = 0;
        if (tb->len == 0)
            return 0;
        char last = tb->s[tb->len - 1];
        if (last != ' ' && last != '\n' && last != '\t')
            return raw_put(tb, " ", 1, tb->space_at, tb->space_end);
    }
    return 0;
}

int chr_tb_put(chr_tbuf *tb, const char *b, uint32_t n, uint32_t u0, uint32_t u1)
{
    if (flush(tb) < 0)
        return -1;
    return raw_put(tb, b, n, u0, u1);
}

int chr_tb_copy(chr_tbuf *tb, uint32_t u, uint32_t n)
{
    if (flush(tb) < 0 || reserve(tb, n) < 0)
        return -1;
    memcpy(tb->s + tb->len, tb->src->s + u, n);
    if (!tb->src->map_start) {
        uint32_t base = u + tb->src->shift;
        for (uint32_t i = 0; i < n; i++) {
            tb->ms[tb->len + i] = base + i;
            tb->me[tb->len + i] = base + i + 1;
        }
    } else {
        memcpy(tb->ms + tb->len, tb->src->map_start + u, (size_t)n * sizeof *tb->ms);
        memcpy(tb->me + tb->len, tb->src->map_end + u, (size_t)n * sizeof *tb->me);
    }
    tb->len += n;
    return 0;
}

void chr_tb_break(chr_tbuf *tb, uint32_t u, int blank_line)
{
    int want = blank_line ? 2 : 1;
    if (!tb->pending_break)
        tb->break_at = u;
    if (tb->pending_break < want)
        tb->pending_break = (uint8_t)want;
    tb->pending_space = 0;
}

void chr_tb_space(chr_tbuf *tb, uint32_t u0, uint32_t u1)
{
    if (!tb->pending_break && !tb->pending_space) {
        tb->pending_space = 1;
        tb->space_at = u0;
        tb->space_end = u1;
    }
}

static inline int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int chr_tb_flow(chr_tbuf *tb, const char *t, uint32_t n, const uint32_t *us,
                const uint32_t *ue, int pre)
{
    uint32_t i = 0;
    while (i < n) {
        if (!pre && is_ws((unsigned char)t[i])) {
            chr_tb_space(tb, us[i], ue[i]);
            i++;
            continue;
        }
        uint32_t j = i;
        while (j < n && (pre || !is_ws((unsigned char)t[j])))
            j++;
        if (flush(tb) < 0 || reserve(tb, j - i) < 0)
            return -1;
        if (!tb->src->map_start) {
            uint32_t shift = tb->src->shift;
            for (uint32_t k = i; k < j; k++) {
                tb->s[tb->len] = t[k];
                tb->ms[tb->len] = us[k] + shift;
                tb->me[tb->len] = (ue[k] > us[k] ? ue[k] : us[k]) + shift;
                tb->len++;
            }
            i = j;
            continue;
        }
        for (uint32_t k = i; k < j; k++) {
            tb->s[tb->len] = t[k];
            tb->ms[tb->len] = in_start(tb, us[k]);
            tb->me[tb->len] = in_end(tb, us[k], ue[k]);
            tb->len++;
        }
        i = j;
    }
    return 0;
}

int chr_tb_finish(chr_tbuf *tb)
{
    chr_document *doc = tb->doc;
    while (tb->len && (tb->s[tb->len - 1] == ' ' || tb->s[tb->len - 1] == '\n'))
        tb->len--;
    tb->s[tb->len] = '\0';
    doc->text.s = tb->s;
    doc->text.len = tb->len;
    doc->text.map_start = tb->ms;
    doc->text.map_end = tb->me;
    doc->text.shift = 0;
    tb->s = NULL;
    tb->ms = tb->me = NULL;
    tb->len = tb->cap = 0;
    return 0;
}

/* ---------------------------------------------------------------- dates */

static int digits_at(const char *s, size_t n, size_t i, size_t *len)
{
    size_t j = i;
    int v = 0;
    while (j < n && j - i < 9 && s[j] >= '0' && s[j] <= '9')
        v = v * 10 + (s[j++] - '0');
    *len = j - i;
    return v;
}

static int make_date(int y, int m, int d, char out[11])
{
    if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    int y2, m2, d2;
    chr_civil_from_days(chr_days_from_civil(y, m, d), &y2, &m2, &d2);
    if (y2 != y || m2 != m || d2 != d)
        return 0;
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
    return 1;
}

static int is_sep(char c) { return c == '-' || c == '/' || c == '.'; }

/* A month name in any language and case form the months lexicon knows. */
static int month_word(const char *w, size_t n)
{
    char key[32];
    while (n && w[n - 1] == '.')
        n--;
    if (n == 0 || n >= sizeof key)
        return 0;
    chr_utf8_fold(w, n, key);
    const char *p = chr_lex_get(CHR_LEX_MONTHS, key, n);
    int m = p ? atoi(p) : 0;
    return m >= 1 && m <= 12 ? m : 0;
}

int chr_ingest_norm_date(const char *s, size_t n, char out[11])
{
    size_t i = 0, l1, l2, l3;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    int a = digits_at(s, n, i, &l1);
    if (l1 == 4 && i + 4 < n && is_sep(s[i + 4])) {
        int m = digits_at(s, n, i + 5, &l2);
        if (l2 >= 1 && l2 <= 2 && i + 5 + l2 < n && s[i + 5 + l2] == s[i + 4]) {
            int d = digits_at(s, n, i + 6 + l2, &l3);
            if (l3 >= 1 && l3 <= 2)
                return make_date(a, m, d, out);
        }
        return 0;
    }
    if (l1 == 8)
        return make_date(a / 10000, a / 100 % 100, a % 100, out);
    if (l1 >= 1 && l1 <= 2 && i + l1 < n && is_sep(s[i + l1])) {
        int m = digits_at(s, n, i + l1 + 1, &l2);
        if (l2 >= 1 && l2 <= 2 && i + l1 + 1 + l2 < n && s[i + l1 + 1 + l2] == s[i + l1]) {
            int y = digits_at(s, n, i + l1 + 2 + l2, &l3);
            if (l3 == 4)
                return make_date(y, m, a, out);
        }
        return 0;
    }
    /* words: "Mon, 10 Jan 2022 09:00:00 +0300", "10 января 2022 г.",
       "January 10, 2022" */
    int y = 0, m = 0, d = 0, words = 0;
    while (i < n && words < 12) {
        unsigned char c = (unsigned char)s[i];
        if (c >= '0' && c <= '9') {
            int v = digits_at(s, n, i, &l1);
            int clock = i + l1 < n && s[i + l1] == ':';
            if (l1 == 4 && !y && !clock)
                y = v;
            else if (l1 <= 2 && !d && !clock)
                d = v;
            i += l1;
            while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == ':'))
                i++;
            words++;
        } else if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
            size_t j = i;
            while (j < n && ((unsigned char)s[j] >= 0x80 || ((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z')))
                j++;
            if (!m)
                m = month_word(s + i, j - i);
            i = j;
            words++;
        } else {
            i++;
        }
    }
    return y && m && d ? make_date(y, m, d, out) : 0;
}

void chr_ingest_set_date(chr_document *doc, const char *ymd)
{
    if (doc->info.date)
        return;     /* the option, or an earlier (better) metadata source */
    int y = atoi(ymd), m = atoi(ymd + 5), d = atoi(ymd + 8);
    char *s = chr_strdup(doc, ymd);
    if (!s)
        return;
    doc->info.date = s;
    doc->info.date_source = "meta";
    doc->doc_day = chr_days_from_civil(y, m, d);
}

#define TITLE_MAX 1024

void chr_ingest_set_title(chr_document *doc, const char *s, size_t n)
{
    if (doc->info.title || !s)
        return;
    char buf[TITLE_MAX + 4];
    size_t k = 0;
    int space = 0;
    for (size_t i = 0; i < n && k < TITLE_MAX; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0)
            break;
        if (is_ws(c)) {
            space = k > 0;
            continue;
        }
        if (space)
            buf[k++] = ' ';
        space = 0;
        buf[k++] = (char)c;
    }
    /* never cut a character in two */
    if (k == TITLE_MAX)
        while (k && ((unsigned char)buf[k - 1] & 0xC0) == 0x80)
            k--;
    if (k && (unsigned char)buf[k - 1] >= 0xC0)
        k--;
    if (k == 0)
        return;
    doc->info.title = chr_strndup(doc, buf, k);
}
