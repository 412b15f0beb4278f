/* stage.h - runs decoding and ingestion on their own, the way chr_parse
 * does, for the tests that check the analysed text and its map back to the
 * input before any later stage exists.  The document is freed with
 * chr_document_free as usual. */
#ifndef CHR_TEST_STAGE_H
#define CHR_TEST_STAGE_H

#include "check.h"
#include "internal.h"

typedef struct stage_input {
    const char *bytes;
    size_t len;
    chr_format format;
    chr_language language;
    const char *path;
    const char *date;       /* as the date option: "YYYY-MM-DD" or NULL */
} stage_input;

static inline chr_document *stage_ingest(const stage_input *in)
{
    chr_document *d = calloc(1, sizeof *d);
    if (!d)
        exit(2);
    d->opt.format = in->format;
    d->opt.language = in->language;
    d->opt.path = in->path;
    d->in = (const unsigned char *)in->bytes;
    d->in_len = (uint32_t)in->len;
    d->doc_day = CHR_NO_DAY;
    if (in->date) {
        d->info.date = in->date;
        d->info.date_source = "option";
    }
    int rc = chr_decode(d);
    if (rc == 0)
        rc = chr_ingest(d);
    d->in = NULL;
    if (rc != 0) {
        printf("Bail out! ingestion failed (status %d)\n", (int)d->status);
        exit(2);
    }
    return d;
}

/* A document holding `text` (n bytes) as its analysed text, as ingestion
   leaves it for the segmenter; no stage has run yet. */
static inline chr_document *stage_text(const char *text, size_t n)
{
    chr_document *d = calloc(1, sizeof *d);
    if (!d)
        exit(2);
    d->text.s = malloc(n + 1);
    d->lower = malloc(n + 1);
    if (!d->text.s || !d->lower)
        exit(2);
    memcpy(d->text.s, text, n);
    d->text.s[n] = 0;
    d->text.len = (uint32_t)n;
    chr_utf8_fold(text, n, d->lower);
    d->lower[n] = 0;
    d->doc_day = CHR_NO_DAY;
    return d;
}

/* A document holding `para` repeated to about `bytes` bytes (*reps times),
   for the throughput lines the segmentation tests print (never assert). */
static inline chr_document *stage_repeated(const char *para, size_t bytes, size_t *reps)
{
    size_t pl = strlen(para), r = bytes / pl, n = r * pl;
    char *text = malloc(n + 1);
    if (!text)
        exit(2);
    for (size_t i = 0; i < r; i++)
        memcpy(text + i * pl, para, pl);
    chr_document *d = stage_text(text, n);
    free(text);
    *reps = r;
    return d;
}

/* Adds a time over tokens [a, b) with known keys and publishes the times
   again, so that the events and order stages can be run on times whose
   values a test chose. */
static inline void stage_inject_time(chr_document *d, uint32_t a, uint32_t b, const char *text,
                                     int64_t day, int minute, int has_rel, int rel)
{
    chr_time_mention t;
    memset(&t, 0, sizeof t);
    t.start = d->toks[a].start;
    t.end = d->toks[b - 1].end;
    t.tok_first = a;
    t.tok_end = b;
    t.sentence = d->toks[a].sentence;
    t.text = text;
    t.value = "x";
    t.type = minute >= 0 ? CHR_TIME_TIME : CHR_TIME_DATE;
    t.anchored = day != CHR_NO_DAY;
    t.day = day;
    t.minute = minute;
    t.has_rel = (uint8_t)has_rel;
    t.rel_days = rel;
    if (chr_add_time(d, &t) < 0)
        exit(2);
    chr_time *ts = chr_alloc(d, d->n_tms * sizeof *ts);
    if (!ts)
        exit(2);
    for (uint32_t i = 0; i < d->n_tms; i++) {
        ts[i].text = d->tms[i].text;
        ts[i].value = d->tms[i].value;
        chr_doc_span(d, d->tms[i].start, d->tms[i].end, &ts[i].span);
    }
    d->times = ts;
    d->n_times = d->n_tms;
}

/* Runs the events and order stages again after a test changed their input. */
static inline void stage_rerun_events(chr_document *d)
{
    if (chr_events(d) != 0 || chr_order(d) != 0) {
        printf("Bail out! stages failed\n");
        exit(2);
    }
}

#endif
