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

#endif
