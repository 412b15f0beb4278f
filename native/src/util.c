/* util.c - the document's memory, warnings and offset mapping. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct chr_arena_block {
    chr_arena_block *next;
    size_t size;
    _Alignas(16) unsigned char data[];
};

#define CHR_ARENA_BLOCK (64 * 1024)
#define CHR_MAX_WARNINGS 100

/* Bump allocation in the document's arena with the given alignment (a
   power of two).  Strings take alignment 1: millions of short names,
   summaries and ids would otherwise each round up to 16 bytes, a tenth of
   the peak memory of a large document. */
static void *arena_bump(chr_document *doc, size_t size, size_t align)
{
    chr_arena *a = &doc->arena;
    if (size == 0)
        size = 1;
    size_t at = a->head ? (a->used_in_head + align - 1) & ~(align - 1) : 0;
    if (!a->head || at > a->head->size || a->head->size - at < size) {
        /* Large requests get a block of their own, kept behind the current
           head so the head's remaining space is not wasted. */
        size_t bsize = size > CHR_ARENA_BLOCK / 4 ? size : CHR_ARENA_BLOCK;
        chr_arena_block *b = malloc(sizeof *b + bsize);
        if (!b) {
            doc->status = CHR_ERR_NOMEM;
            return NULL;
        }
        b->size = bsize;
        if (bsize != CHR_ARENA_BLOCK && a->head) {
            b->next = a->head->next;
            a->head->next = b;
            return b->data;
        }
        b->next = a->head;
        a->head = b;
        at = 0;
    }
    a->used_in_head = at + size;
    return a->head->data + at;
}

void *chr_alloc(chr_document *doc, size_t size)
{
    void *p = arena_bump(doc, size, 16);
    if (p)
        memset(p, 0, size);
    return p;
}

void chr_arena_free(chr_arena *a)
{
    chr_arena_block *b = a->head;
    while (b) {
        chr_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used_in_head = 0;
}

char *chr_strndup(chr_document *doc, const char *s, size_t n)
{
    char *p = arena_bump(doc, n + 1, 1);
    if (p) {
        if (n)
            memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *chr_strdup(chr_document *doc, const char *s)
{
    return s ? chr_strndup(doc, s, strlen(s)) : NULL;
}

__attribute__((format(printf, 2, 0)))
static char *vsprintf_arena(chr_document *doc, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return NULL;
    char *p = arena_bump(doc, (size_t)n + 1, 1);
    if (p)
        vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *chr_sprintf(chr_document *doc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = vsprintf_arena(doc, fmt, ap);
    va_end(ap);
    return p;
}

int chr_grow(chr_document *doc, void **arr, uint32_t *cap, uint32_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need)
        ncap *= 2;
    if (ncap > UINT32_MAX || ncap > SIZE_MAX / elem) {
        doc->status = CHR_ERR_NOMEM;
        return -1;
    }
    void *p = realloc(*arr, ncap * elem);
    if (!p) {
        doc->status = CHR_ERR_NOMEM;
        return -1;
    }
    *arr = p;
    *cap = (uint32_t)ncap;
    return 0;
}

void chr_warn(chr_document *doc, const char *fmt, ...)
{
    if (doc->n_warnings >= CHR_MAX_WARNINGS) {
        doc->dropped_warnings++;
        return;
    }
    if (chr_grow(doc, (void **)&doc->warnings, &doc->cap_warnings, doc->n_warnings + 1,
                 sizeof *doc->warnings) < 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *w = vsprintf_arena(doc, fmt, ap);
    va_end(ap);
    if (w)
        doc->warnings[doc->n_warnings++] = w;
}

uint32_t chr_text_src_start(const chr_text *t, uint32_t i)
{
    if (!t->map_start)
        return i + t->shift;
    if (i >= t->len)
        return t->len ? t->map_end[t->len - 1] : 0;
    return t->map_start[i];
}

uint32_t chr_text_src_end(const chr_text *t, uint32_t end)
{
    if (!t->map_start)
        return end + t->shift;
    if (end == 0)
        return t->len ? t->map_start[0] : 0;
    if (end > t->len)
        end = t->len;
    return t->map_end[end - 1];
}

static void line_col(const chr_document *doc, uint32_t off, uint32_t *line, uint32_t *col)
{
    uint32_t lo = 0, hi = doc->n_lines;
    if (hi == 0) {
        *line = 1;
        *col = off;
        return;
    }
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (doc->line_starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    *line = lo + 1;
    *col = off - doc->line_starts[lo];
}

void chr_doc_span(const chr_document *doc, uint32_t a, uint32_t b, chr_span *out)
{
    uint32_t s = chr_text_src_start(&doc->text, a);
    uint32_t e = b > a ? chr_text_src_end(&doc->text, b) : s;
    if (e < s)
        e = s;
    out->start = s;
    out->end = e;
    line_col(doc, s, &out->line, &out->col);
}

#define ADD_ITEM(arr, n, cap, item)                                                   \
    do {                                                                              \
        if (chr_grow(doc, (void **)&doc->arr, &doc->cap, doc->n + 1, sizeof *doc->arr) < 0) \
            return -1;                                                                \
        doc->arr[doc->n] = *(item);                                                   \
        return (int32_t)doc->n++;                                                     \
    } while (0)

int32_t chr_add_mention(chr_document *doc, const chr_ent_mention *m)
{
    ADD_ITEM(ments, n_ments, cap_ments, m);
}

int32_t chr_add_role(chr_document *doc, const chr_role_mention *r)
{
    ADD_ITEM(roles, n_roles, cap_roles, r);
}

int32_t chr_add_time(chr_document *doc, const chr_time_mention *t)
{
    ADD_ITEM(tms, n_tms, cap_tms, t);
}

/* Howard Hinnant's civil-date algorithms: exact for the proleptic Gregorian
   calendar, no tables, no locale. */
int64_t chr_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void chr_civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}
