/* check.h - a minimal TAP-style test harness for chronicle's C tests.
 * Each CHECK prints "ok N - what" or "not ok N - what (file:line)"; main ends
 * with CHECK_DONE(), which prints "N passed, N failed" and returns non-zero
 * on any failure. */
#ifndef CHR_CHECK_H
#define CHR_CHECK_H

#include "chronicle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond, ...)                                                      \
    do {                                                                      \
        int check_ok_ = !!(cond);                                             \
        if (check_ok_) check_passed++; else check_failed++;                   \
        printf("%s %d - ", check_ok_ ? "ok" : "not ok", check_passed + check_failed); \
        printf(__VA_ARGS__);                                                  \
        if (!check_ok_) printf("  (%s:%d: %s)", __FILE__, __LINE__, #cond);   \
        printf("\n");                                                         \
    } while (0)

#define CHECK_STR(got, want, ...)                                             \
    do {                                                                      \
        const char *g_ = (got), *w_ = (want);                                 \
        int same_ = (g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0); \
        CHECK(same_, __VA_ARGS__);                                            \
        if (!same_) printf("#   got '%s', want '%s'\n", g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
    } while (0)

#define CHECK_DONE()                                                          \
    (printf("%d passed, %d failed\n", check_passed, check_failed), check_failed ? 1 : 0)

/* Parses a NUL-terminated string with the given format and date (either
   may be 0/NULL). Aborts the test program when parsing returns NULL. */
static inline chr_document *check_parse(const char *text, chr_format format, const char *date)
{
    chr_options o;
    chr_options_init(&o);
    o.format = format;
    o.date = date;
    chr_status st;
    chr_document *d = chr_parse(text, strlen(text), &o, &st);
    if (!d) {
        printf("Bail out! chr_parse failed: %s\n", chr_status_message(st));
        exit(2);
    }
    return d;
}

/* Reads a whole file; returns NULL when it cannot. Caller frees. */
static inline char *check_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) { free(buf); buf = NULL; }
    if (buf) buf[n] = 0;
    fclose(f);
    if (len) *len = (size_t)n;
    return buf;
}

/* The participant whose name (or family name) is `name`, or NULL. */
static inline const chr_participant *check_find_participant(const chr_document *d, const char *name)
{
    size_t n;
    const chr_participant *ps = chr_document_participants(d, &n);
    for (size_t i = 0; i < n; i++) {
        if ((ps[i].name && strcmp(ps[i].name, name) == 0) ||
            (ps[i].family && strcmp(ps[i].family, name) == 0))
            return &ps[i];
    }
    return NULL;
}

#endif
