/*
 * bench.c - native throughput of chr_parse, stage by stage, against a floor.
 *
 *   build/bench [-n RUNS] [--date YYYY-MM-DD] [--tsv OUT] [--no-ref] FILE...
 *
 * For each FILE: the median wall time of RUNS parses after one untimed run
 * (default: enough runs for ~20 MB, between 5 and 51; files of 50 MB or more
 * 3 without the warm-up), MB/s (MB = 10^6 bytes), the median seconds of
 * every pipeline stage, the "ingest" throughput (decode+segment, i.e. reading
 * the document), the throughput of a reference loop that only decodes UTF-8
 * and records letter/digit runs (no extractor can beat it), and the peak RSS
 * of this process.  --tsv appends one machine-readable line per file, which
 * run.sh turns into the PASS/MISS targets:
 *   native FILE BYTES RUNS PARSE_S INGEST_S REF_S PEAK_RSS_KB CPU_S
 *          PARTICIPANTS TIMES EVENTS STAGE=SECONDS...
 *
 * Peak RSS is the process high-water mark and includes the input buffer, so
 * run one big file per process when the memory figure matters.
 */
#include "chronicle.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define MAX_RUNS 101

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return -1;
    return ru.ru_maxrss;    /* kilobytes on Linux */
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(const double *v, int n)
{
    double tmp[MAX_RUNS];
    memcpy(tmp, v, (size_t)n * sizeof *v);
    qsort(tmp, (size_t)n, sizeof *tmp, cmp_double);
    return n % 2 ? tmp[n / 2] : 0.5 * (tmp[n / 2 - 1] + tmp[n / 2]);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 1 << 20;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                free(buf);
                fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';     /* room is left: the loop grows before every full read */
    *len = n;
    return buf;
}

/* ------------------------------------------------------ the reference floor
 * What every extractor must do at least once: decode UTF-8 and find the
 * letter/digit runs, storing each token's span in a growing array (as a
 * tokenizer does).  Letters are ASCII, Latin-1 .. Latin Extended-B, Greek and
 * Cyrillic; everything else separates.  Invalid bytes separate too. */

typedef struct ref_tok {
    uint32_t start, end;
} ref_tok;

static int is_word_cp(uint32_t cp)
{
    if (cp >= 0xC0 && cp <= 0x24F)
        return cp != 0xD7 && cp != 0xF7;
    return cp >= 0x370 && cp <= 0x52F;
}

static int is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* The length of the character at s[i] (1 for an invalid byte), and in *w
   whether it is a letter or digit. */
static inline size_t ref_char(const unsigned char *s, size_t i, size_t n, int *w)
{
    unsigned char c = s[i];
    if (c < 0x80) {
        *w = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        return 1;
    }
    if (c >= 0xC2 && c < 0xE0 && i + 1 < n && is_cont(s[i + 1])) {
        /* D0/D1 lead the basic Cyrillic alphabet: the common case */
        *w = c == 0xD0 || c == 0xD1
             || is_word_cp(((uint32_t)(c & 0x1F) << 6) | (s[i + 1] & 0x3F));
        return 2;
    }
    *w = 0;    /* no letter chronicle reads lives beyond two bytes */
    if (c >= 0xE0 && c < 0xF0 && i + 2 < n && is_cont(s[i + 1]) && is_cont(s[i + 2])) {
        uint32_t cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6);
        return cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF) ? 3 : 1;
    }
    if (c >= 0xF0 && c < 0xF5 && i + 3 < n && is_cont(s[i + 1]) && is_cont(s[i + 2])
        && is_cont(s[i + 3])) {
        uint32_t cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[i + 1] & 0x3F) << 12);
        return cp >= 0x10000 && cp <= 0x10FFFF ? 4 : 1;
    }
    return 1;
}

/* Returns the token count, or -1 when out of memory.  Written for speed as
   a real tokenizer would be (a loop over separators, then one over the
   word), so that the floor is honest. */
static long ref_scan(const unsigned char *s, size_t n, ref_tok **toks, size_t *cap)
{
    size_t count = 0, i = 0;
    int w = 0;
    for (;;) {
        while (i < n) {
            size_t adv = ref_char(s, i, n, &w);
            if (w)
                break;
            i += adv;
        }
        if (i >= n)
            break;
        uint32_t start = (uint32_t)i;
        for (;;) {
            /* the bulk of Russian text: two-byte letters led by D0/D1 */
            while (i + 1 < n && (s[i] & 0xFE) == 0xD0 && is_cont(s[i + 1]))
                i += 2;
            if (i >= n)
                break;
            size_t adv = ref_char(s, i, n, &w);
            if (!w)
                break;
            i += adv;
        }
        if (count == *cap) {
            size_t ncap = *cap ? *cap * 2 : 4096;
            ref_tok *nt = realloc(*toks, ncap * sizeof *nt);
            if (!nt)
                return -1;
            *toks = nt;
            *cap = ncap;
        }
        (*toks)[count].start = start;
        (*toks)[count].end = (uint32_t)i;
        count++;
    }
    return (long)count;
}

/* --------------------------------------------------------------- one file */

typedef struct result {
    double parse_s, cpu_s, ref_s, stage_s[CHR_STAGE_COUNT];
    long tokens, rss_kb, base_rss_kb;
    size_t bytes;
    size_t participants, times, events;
    int runs;
} result;

static int bench_file(const char *path, int runs, const char *date, int do_ref, result *r)
{
    size_t len = 0;
    char *bytes = read_file(path, &len);
    if (!bytes) {
        fprintf(stderr, "bench: cannot read %s: %s\n", path, strerror(errno));
        return -1;
    }
    /* small files get more runs, as their times are noisy; big ones fewer,
       so that the whole bench stays within minutes */
    int warm = len < 50u * 1000 * 1000;
    if (runs <= 0) {
        size_t budget = 20u * 1000 * 1000 / (len ? len : 1);
        runs = !warm ? 3 : budget > 51 ? 51 : budget < 5 ? 5 : (int)budget;
    }
    if (runs > MAX_RUNS)
        runs = MAX_RUNS;
    memset(r, 0, sizeof *r);
    r->runs = runs;
    r->bytes = len;
    r->base_rss_kb = peak_rss_kb();

    chr_options opt;
    chr_options_init(&opt);
    opt.path = path;    /* format detection by extension, as the CLI does */
    opt.nul_terminated = 1;
    opt.date = date;

    /* one untimed run first (caches, page faults of the allocator, CPU clock) */
    if (warm)
        chr_document_free(chr_parse(bytes, len, &opt, NULL));

    double t[MAX_RUNS], cpu[MAX_RUNS], st[CHR_STAGE_COUNT][MAX_RUNS];
    for (int i = 0; i < runs; i++) {
        chr_status status;
        double t0 = now(), c0 = cpu_now();
        chr_document *doc = chr_parse(bytes, len, &opt, &status);
        t[i] = now() - t0;
        cpu[i] = cpu_now() - c0;
        if (!doc) {
            fprintf(stderr, "bench: %s: %s\n", path, chr_status_message(status));
            free(bytes);
            return -1;
        }
        for (int s = 0; s < CHR_STAGE_COUNT; s++)
            st[s][i] = chr_document_stage_seconds(doc, (chr_stage)s);
        if (i == 0) {
            chr_document_participants(doc, &r->participants);
            chr_document_times(doc, &r->times);
            chr_document_events(doc, &r->events);
        }
        chr_document_free(doc);
    }
    r->parse_s = median(t, runs);
    r->cpu_s = median(cpu, runs);
    for (int s = 0; s < CHR_STAGE_COUNT; s++)
        r->stage_s[s] = median(st[s], runs);
    r->rss_kb = peak_rss_kb();

    r->ref_s = -1;
    if (do_ref) {
        ref_tok *toks = NULL;
        size_t cap = 0;
        for (int i = -warm; i < runs; i++) {
            double t0 = now();
            long n = ref_scan((const unsigned char *)bytes, len, &toks, &cap);
            if (i >= 0)
                t[i] = now() - t0;
            if (n < 0) {
                fprintf(stderr, "bench: out of memory in the reference loop\n");
                free(toks);
                free(bytes);
                return -1;
            }
            r->tokens = n;
            /* a fresh array each run, as a parse would have */
            free(toks);
            toks = NULL;
            cap = 0;
        }
        r->ref_s = median(t, runs);
    }
    free(bytes);
    return 0;
}

static double mbps(size_t bytes, double s)
{
    return s > 0 ? (double)bytes / 1e6 / s : 0.0;
}

static void print_result(const char *path, size_t len, const result *r)
{
    double ingest = r->stage_s[CHR_STAGE_DECODE] + r->stage_s[CHR_STAGE_SEGMENT];
    printf("%s  (%.2f MB, median of %d runs)\n", path, (double)len / 1e6, r->runs);
    printf("  %-28s %10.3f ms %9.1f MB/s\n", "chr_parse", 1e3 * r->parse_s, mbps(len, r->parse_s));
    printf("  %-28s %10.3f ms %9.1f MB/s\n", "chr_parse (CPU time)", 1e3 * r->cpu_s, mbps(len, r->cpu_s));
    printf("  %-28s %10.3f ms %9.1f MB/s\n", "ingest (decode+segment)", 1e3 * ingest, mbps(len, ingest));
    if (r->ref_s >= 0) {
        printf("  %-28s %10.3f ms %9.1f MB/s   (%ld tokens)\n", "reference: utf-8 + tokens",
               1e3 * r->ref_s, mbps(len, r->ref_s), r->tokens);
        printf("  %-28s %10.1f x\n", "parse / reference", r->ref_s > 0 ? r->parse_s / r->ref_s : 0.0);
    }
    printf("  %-28s %10ld KB  (%.2f x input; %ld KB before parsing)\n", "peak RSS", r->rss_kb,
           len ? (double)r->rss_kb * 1024.0 / (double)len : 0.0, r->base_rss_kb);
    printf("  %-28s %zu participants, %zu times, %zu events\n", "found", r->participants,
           r->times, r->events);
    printf("  stages:\n");
    for (int s = 0; s < CHR_STAGE_COUNT; s++)
        printf("    %-26s %10.3f ms %8.1f%%\n", chr_stage_name((chr_stage)s), 1e3 * r->stage_s[s],
               r->parse_s > 0 ? 100.0 * r->stage_s[s] / r->parse_s : 0.0);
}

static void write_tsv(FILE *out, const char *path, size_t len, const result *r)
{
    double ingest = r->stage_s[CHR_STAGE_DECODE] + r->stage_s[CHR_STAGE_SEGMENT];
    fprintf(out, "native\t%s\t%zu\t%d\t%.6f\t%.6f\t%.6f\t%ld\t%.6f\t%zu\t%zu\t%zu", path, len,
            r->runs, r->parse_s, ingest, r->ref_s, r->rss_kb, r->cpu_s, r->participants,
            r->times, r->events);
    for (int s = 0; s < CHR_STAGE_COUNT; s++)
        fprintf(out, "\t%s=%.6f", chr_stage_name((chr_stage)s), r->stage_s[s]);
    fputc('\n', out);
}

static void usage(FILE *f)
{
    fprintf(f, "usage: bench [-n RUNS] [--date YYYY-MM-DD] [--tsv OUT] [--no-ref] FILE...\n"
               "  -n RUNS     parses per file (median reported; default 5..51 by size, 3 from 50 MB)\n"
               "  --date D    document date passed to chr_parse\n"
               "  --tsv OUT   append one tab-separated result line per file to OUT\n"
               "  --no-ref    skip the UTF-8 + token reference loop (e.g. under a profiler)\n");
}

int main(int argc, char **argv)
{
    int runs = 0, do_ref = 1, status = 0, nfiles = 0;
    const char *date = NULL, *tsv = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "-n") && i + 1 < argc) {
            runs = atoi(argv[++i]);
            if (runs < 1) {
                usage(stderr);
                return 2;
            }
        } else if (!strcmp(a, "--date") && i + 1 < argc) {
            date = argv[++i];
        } else if (!strcmp(a, "--tsv") && i + 1 < argc) {
            tsv = argv[++i];
        } else if (!strcmp(a, "--no-ref")) {
            do_ref = 0;
        } else if (a[0] == '-' && a[1]) {
            usage(stderr);
            return 2;
        } else {
            nfiles++;
        }
    }
    if (!nfiles) {
        usage(stderr);
        return 2;
    }
    printf("chronicle %s native benchmark (MB = 10^6 bytes)\n", chr_version());
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-n") || !strcmp(a, "--date") || !strcmp(a, "--tsv")) {
            i++;
            continue;
        }
        if (a[0] == '-' && a[1])
            continue;
        result r;
        if (bench_file(a, runs, date, do_ref, &r) != 0) {
            status = 1;
            continue;
        }
        size_t len = r.bytes;
        print_result(a, len, &r);
        if (tsv) {
            FILE *out = fopen(tsv, "a");
            if (!out) {
                fprintf(stderr, "bench: cannot write %s: %s\n", tsv, strerror(errno));
                status = 1;
                continue;
            }
            write_tsv(out, a, len, &r);
            fclose(out);
        }
    }
    return status;
}
