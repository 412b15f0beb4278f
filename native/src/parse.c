/* parse.c - the pipeline driver and the public accessors. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void chr_options_init(chr_options *o)
{
    if (o)
        memset(o, 0, sizeof *o);
}

/* "YYYY-MM-DD" with a real month and day. */
static int valid_date(const char *s, int64_t *day)
{
    int y, m, d;
    char tail;
    if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
        return 0;
    if (s[4] != '-' || s[7] != '-' || m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    int64_t z = chr_days_from_civil(y, m, d);
    int y2, m2, d2;
    chr_civil_from_days(z, &y2, &m2, &d2);
    if (y2 != y || m2 != m || d2 != d)
        return 0;
    *day = z;
    return 1;
}

static int index_lines(chr_document *doc)
{
    uint32_t n = 1;
    for (uint32_t i = 0; i < doc->in_len; i++)
        n += doc->in[i] == '\n';
    doc->line_starts = malloc((size_t)n * sizeof *doc->line_starts);
    if (!doc->line_starts) {
        doc->status = CHR_ERR_NOMEM;
        return -1;
    }
    uint32_t k = 0;
    doc->line_starts[k++] = 0;
    for (uint32_t i = 0; i < doc->in_len; i++)
        if (doc->in[i] == '\n')
            doc->line_starts[k++] = i + 1;
    doc->n_lines = k;
    return 0;
}

typedef int (*stage_fn)(chr_document *);

static int run_stage(chr_document *doc, chr_stage s, stage_fn fn)
{
    double t0 = now_seconds();
    int rc = fn(doc);
    doc->stage_seconds[s] += now_seconds() - t0;
    if (doc->status != CHR_OK)
        return -1;
    return rc;
}

static int decode_and_ingest(chr_document *doc)
{
    if (chr_decode(doc) < 0)
        return -1;
    return chr_ingest(doc);
}

chr_document *chr_parse(const char *bytes, size_t len, const chr_options *options,
                        chr_status *status)
{
    chr_status dummy;
    if (!status)
        status = &dummy;
    if (!bytes && len) {
        *status = CHR_ERR_INVALID;
        return NULL;
    }
    if (len > CHR_MAX_INPUT) {
        *status = CHR_ERR_TOO_LARGE;
        return NULL;
    }
    int64_t opt_day = CHR_NO_DAY;
    if (options && options->date && !valid_date(options->date, &opt_day)) {
        *status = CHR_ERR_INVALID;
        return NULL;
    }
    chr_document *doc = calloc(1, sizeof *doc);
    if (!doc) {
        *status = CHR_ERR_NOMEM;
        return NULL;
    }
    if (options)
        doc->opt = *options;
    doc->opt.date = chr_strdup(doc, doc->opt.date);
    doc->opt.path = chr_strdup(doc, doc->opt.path);
    doc->in = (const unsigned char *)(bytes ? bytes : "");
    doc->in_len = (uint32_t)len;
    doc->info.bytes = len;
    doc->doc_day = opt_day;
    if (opt_day != CHR_NO_DAY) {
        doc->info.date = doc->opt.date;
        doc->info.date_source = "option";
    }

    static const struct { chr_stage stage; stage_fn fn; } pipeline[] = {
        {CHR_STAGE_DECODE, decode_and_ingest},
        {CHR_STAGE_SEGMENT, chr_segment},
        {CHR_STAGE_TOKENIZE, chr_tokenize},
        {CHR_STAGE_ANALYZE, chr_analyze},
        {CHR_STAGE_NAMES, chr_names},
        {CHR_STAGE_TIMES, chr_times},
        {CHR_STAGE_LINK, chr_link},
        {CHR_STAGE_EVENTS, chr_events},
        {CHR_STAGE_ORDER, chr_order},
    };
    int rc = doc->status == CHR_OK ? index_lines(doc) : -1;
    for (size_t i = 0; rc == 0 && i < sizeof pipeline / sizeof pipeline[0]; i++)
        rc = run_stage(doc, pipeline[i].stage, pipeline[i].fn);
    if (rc == 0 && doc->dropped_warnings) {
        /* the cap keeps a flood of damage from costing memory; say so once */
        doc->n_warnings--;
        uint32_t dropped = doc->dropped_warnings + 1;
        doc->dropped_warnings = 0;
        chr_warn(doc, "%u more warnings not shown", dropped);
    }
    doc->in = NULL;
    if (doc->utf8_borrowed) {
        /* the caller's bytes may go once chr_parse returns */
        if (doc->text.s == doc->utf8.s)
            doc->text.s = NULL;
        doc->utf8.s = NULL;
    }
    if (rc != 0 || doc->status != CHR_OK) {
        *status = doc->status != CHR_OK ? doc->status : CHR_ERR_NOMEM;
        chr_document_free(doc);
        return NULL;
    }
    *status = CHR_OK;
    return doc;
}

void chr_document_free(chr_document *doc)
{
    if (!doc)
        return;
    free(doc->warnings);
    free(doc->line_starts);
    if (doc->utf8.s != doc->text.s) {
        free(doc->utf8.s);
        free(doc->utf8.map_start);
        free(doc->utf8.map_end);
    }
    free(doc->text.s);
    free(doc->text.map_start);
    free(doc->text.map_end);
    free(doc->lower);
    free(doc->paras);
    free(doc->sents);
    free(doc->toks);
    free(doc->ments);
    free(doc->roles);
    free(doc->tms);
    chr_arena_free(&doc->arena);
    free(doc);
}

const chr_info *chr_document_info(const chr_document *doc) { return doc ? &doc->info : NULL; }

size_t chr_document_warning_count(const chr_document *doc) { return doc ? doc->n_warnings : 0; }

const char *chr_document_warning(const chr_document *doc, size_t i)
{
    return doc && i < doc->n_warnings ? doc->warnings[i] : NULL;
}

const chr_participant *chr_document_participants(const chr_document *doc, size_t *n)
{
    if (n) *n = doc ? doc->n_parts : 0;
    return doc ? doc->parts : NULL;
}

const chr_time *chr_document_times(const chr_document *doc, size_t *n)
{
    if (n) *n = doc ? doc->n_times : 0;
    return doc ? doc->times : NULL;
}

const chr_event *chr_document_events(const chr_document *doc, size_t *n)
{
    if (n) *n = doc ? doc->n_events : 0;
    return doc ? doc->events : NULL;
}

double chr_document_stage_seconds(const chr_document *doc, chr_stage s)
{
    return doc && (unsigned)s < CHR_STAGE_COUNT ? doc->stage_seconds[s] : 0.0;
}

#define NAME_OF(fn, type, ...)                                          \
    const char *fn(type v)                                              \
    {                                                                   \
        static const char *const names[] = {__VA_ARGS__};               \
        return (unsigned)v < sizeof names / sizeof names[0] ? names[v] : "unknown"; \
    }

NAME_OF(chr_format_name, chr_format, "auto", "text", "html", "xml", "markdown")
NAME_OF(chr_language_name, chr_language, "auto", "ru", "en")
NAME_OF(chr_kind_name, chr_kind, "person", "organization", "location", "group")
NAME_OF(chr_mention_type_name, chr_mention_type, "name", "nominal", "pronoun")
NAME_OF(chr_time_type_name, chr_time_type, "date", "time", "duration", "set")
NAME_OF(chr_event_type_name, chr_event_type, "meeting", "statement", "agreement", "visit",
        "appointment", "conflict", "other")
NAME_OF(chr_tense_name, chr_tense, "past", "present", "future")
NAME_OF(chr_event_role_name, chr_event_role, "agent", "participant", "recipient", "mentioned")
NAME_OF(chr_stage_name, chr_stage, "decode", "segment", "tokenize", "analyze", "names",
        "times", "link", "events", "order")
NAME_OF(chr_status_message, chr_status, "ok", "out of memory",
        "input too large (over 2 GiB)", "invalid arguments")

const char *chr_version(void) { return CHRONICLE_VERSION; }
