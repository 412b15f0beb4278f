/* times.c - the times stage: finds the document date when no option gave
 * one, resolves the expressions that times_match.c recognises into
 * TIMEX3-style values, and publishes doc->tms and doc->times.
 *
 * The document date comes from the option (parse.c), else the metadata
 * (ingestion sets info.date), else a dateline: the first full date with a
 * year in the first three sentences or the first 300 bytes.
 *
 * Without a document date nothing is invented: a date without a year reads
 * XXXX-06-28, relative expressions read XXXX-XX-XX / XXXX-WXX / XXXX with
 * anchored = 0 and keep rel_days (вчера = -1) so they still order against
 * each other.  A bare time of day takes its day from the last day-level
 * expression of its sentence, else the document date.
 */
#include "times.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DATELINE_SENTENCES 3
#define DATELINE_BYTES 300

typedef struct rctx {
    int have;                   /* document date known */
    int64_t doc_day;
    int dy, dm, dd;
    /* the last day-level expression, for a bare time after it */
    uint32_t ctx_sent;
    int ctx_ok;
    char ctx_prefix[24];
    int64_t ctx_day;
    int ctx_anchored;
    int32_t ctx_rel;
    uint8_t ctx_has_rel;
} rctx;

static int iso_dow(int64_t z)
{
    /* 1970-01-01 was a Thursday (4) */
    return (int)(((z % 7) + 7 + 3) % 7) + 1;
}

static void iso_week(int64_t z, int *wy, int *wk)
{
    int64_t thu = z - iso_dow(z) + 4;
    int y, m, d;
    chr_civil_from_days(thu, &y, &m, &d);
    *wy = y;
    *wk = (int)((thu - chr_days_from_civil(y, 1, 1)) / 7) + 1;
}

static int valid_ymd(int y, int m, int d)
{
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    int y2, m2, d2;
    chr_civil_from_days(chr_days_from_civil(y, m, d), &y2, &m2, &d2);
    return y2 == y && m2 == m && d2 == d;
}

/* "2022-01-10", possibly followed by a time ("2022-01-10T09:00:00+03:00"). */
static int parse_iso(const char *s, int *y, int *m, int *d)
{
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return 0;
        } else if ((unsigned char)(s[i] - '0') >= 10) {
            return 0;
        }
    }
    if (s[10] && s[10] != 'T' && s[10] != ' ')
        return 0;
    *y = atoi(s);
    *m = atoi(s + 5);
    *d = atoi(s + 8);
    return valid_ymd(*y, *m, *d);
}

static size_t ref_len(const char *r)
{
    return strcspn(r, "|+");
}

static const char *const season_code[5] = {"", "WI", "SP", "SU", "FA"};
static const int season_month[5] = {1, 1, 3, 6, 9};

static char dur_letter(int u)
{
    switch (u) {
    case CHR_U_MINUTE: return 'M';
    case CHR_U_HOUR: return 'H';
    case CHR_U_DAY: return 'D';
    case CHR_U_WEEK: return 'W';
    case CHR_U_MONTH: return 'M';
    default: return 'Y';
    }
}

static void fmt_dur(char *buf, size_t cap, int n, int unit)
{
    const char *t = unit == CHR_U_MINUTE || unit == CHR_U_HOUR ? "T" : "";
    if (n < 0)
        snprintf(buf, cap, "P%sX%c", t, dur_letter(unit));
    else
        snprintf(buf, cap, "P%s%d%c", t, n, dur_letter(unit));
}

static void fmt_day(char *buf, size_t cap, int64_t z)
{
    int y, m, d;
    chr_civil_from_days(z, &y, &m, &d);
    snprintf(buf, cap, "%04d-%02d-%02d", y, m, d);
}

/* Fills value, type, anchored, day and the relative fields of tm. */
static void resolve(chr_document *doc, rctx *r, const chr_tx *x, uint32_t sent, chr_time_mention *tm)
{
    char buf[48] = "";
    int anchored = 1, day_level = 0;
    int64_t day = CHR_NO_DAY;
    tm->type = CHR_TIME_DATE;
    int y = x->year > 0 ? x->year : r->have ? r->dy + x->yoff : 0;

    switch (x->base) {
    case CHR_TX_DATE:
        anchored = y > 0;
        if (x->unit == CHR_U_DAY) {
            day_level = 1;
            if (y > 0) {
                snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, x->month, x->day);
                if (valid_ymd(y, x->month, x->day))
                    day = chr_days_from_civil(y, x->month, x->day);
            } else {
                snprintf(buf, sizeof buf, "XXXX-%02d-%02d", x->month, x->day);
            }
        } else if (x->unit == CHR_U_MONTH) {
            if (y > 0) {
                snprintf(buf, sizeof buf, "%04d-%02d", y, x->month);
                day = chr_days_from_civil(y, x->month, 1);
            } else {
                snprintf(buf, sizeof buf, "XXXX-%02d", x->month);
            }
        } else {
            if (y > 0) {
                snprintf(buf, sizeof buf, "%04d", y);
                day = chr_days_from_civil(y, 1, 1);
            } else {
                snprintf(buf, sizeof buf, "XXXX");
            }
        }
        break;
    case CHR_TX_REL:
        anchored = r->have;
        if (x->unit == CHR_U_DAY) {
            day_level = 1;
            if (r->have) {
                day = r->doc_day + x->n;
                fmt_day(buf, sizeof buf, day);
            } else {
                snprintf(buf, sizeof buf, "XXXX-XX-XX");
                tm->has_rel = 1;
                tm->rel_days = x->n;
            }
        } else if (x->unit == CHR_U_WEEK) {
            if (r->have) {
                int64_t z = r->doc_day + 7 * (int64_t)x->n;
                int wy, wk;
                iso_week(z, &wy, &wk);
                snprintf(buf, sizeof buf, "%04d-W%02d", wy, wk);
                day = z - iso_dow(z) + 1;
            } else {
                snprintf(buf, sizeof buf, "XXXX-WXX");
                tm->has_rel = 1;
                tm->rel_days = 7 * x->n;
            }
        } else if (x->unit == CHR_U_MONTH) {
            if (r->have) {
                int64_t t = (int64_t)r->dy * 12 + (r->dm - 1) + x->n;
                int yy = (int)(t >= 0 ? t / 12 : (t - 11) / 12);
                int mm = (int)(t - (int64_t)yy * 12) + 1;
                snprintf(buf, sizeof buf, "%04d-%02d", yy, mm);
                day = chr_days_from_civil(yy, mm, 1);
            } else {
                snprintf(buf, sizeof buf, "XXXX-XX");
                tm->has_rel = 1;
                tm->rel_days = 30 * x->n;
            }
        } else {
            if (r->have) {
                snprintf(buf, sizeof buf, "%04d", r->dy + x->n);
                day = chr_days_from_civil(r->dy + x->n, 1, 1);
            } else {
                snprintf(buf, sizeof buf, "XXXX");
                tm->has_rel = 1;
                tm->rel_days = 365 * x->n;
            }
        }
        break;
    case CHR_TX_WDAY:
        day_level = 1;
        anchored = r->have;
        if (r->have) {
            int dow = iso_dow(r->doc_day), delta;
            if (x->wdir == 2) {
                day = r->doc_day - (dow - 1) + (x->n - 1);
            } else if (x->wdir > 0) {
                delta = (x->n - dow + 7) % 7;
                day = r->doc_day + (delta == 0 && x->strict ? 7 : delta);
            } else {
                delta = (dow - x->n + 7) % 7;
                day = r->doc_day - (delta == 0 && x->strict ? 7 : delta);
            }
            fmt_day(buf, sizeof buf, day);
        } else {
            snprintf(buf, sizeof buf, "XXXX-WXX-%d", x->n);
        }
        break;
    case CHR_TX_WEEKEND:
        anchored = r->have;
        if (r->have) {
            /* the Saturday of the weekend meant */
            int dow = iso_dow(r->doc_day), delta;
            if (x->wdir == 2 || dow >= 6) {
                day = r->doc_day - dow + 6;
                if (x->wdir == 1 && x->strict)
                    day += 7;
                else if (x->wdir == -1 && x->strict)
                    day -= 7;
            } else if (x->wdir > 0) {
                day = r->doc_day + (6 - dow);
            } else {
                delta = dow + 1;                /* back to the last Saturday */
                day = r->doc_day - delta;
            }
            int wy, wk;
            iso_week(day, &wy, &wk);
            snprintf(buf, sizeof buf, "%04d-W%02d-WE", wy, wk);
        } else {
            snprintf(buf, sizeof buf, "XXXX-WXX-WE");
        }
        break;
    case CHR_TX_DECADE:
        snprintf(buf, sizeof buf, "%03dX", x->n / 10);
        day = chr_days_from_civil(x->n, 1, 1);
        break;
    case CHR_TX_CENTURY:
        snprintf(buf, sizeof buf, "%02d", x->n - 1);
        day = chr_days_from_civil((x->n - 1) * 100 + 1, 1, 1);
        break;
    case CHR_TX_SEASON:
    case CHR_TX_QUARTER:
    case CHR_TX_HALF: {
        anchored = y > 0;
        char part[4];
        int month;
        if (x->base == CHR_TX_SEASON) {
            snprintf(part, sizeof part, "%s", season_code[x->n]);
            month = season_month[x->n];
        } else if (x->base == CHR_TX_QUARTER) {
            snprintf(part, sizeof part, "Q%d", x->n);
            month = 3 * (x->n - 1) + 1;
        } else {
            snprintf(part, sizeof part, "H%d", x->n);
            month = 6 * (x->n - 1) + 1;
        }
        if (y > 0) {
            snprintf(buf, sizeof buf, "%04d-%s", y, part);
            day = chr_days_from_civil(y, month, 1);
        } else {
            snprintf(buf, sizeof buf, "XXXX-%s", part);
        }
        break;
    }
    case CHR_TX_DUR:
        tm->type = CHR_TIME_DURATION;
        fmt_dur(buf, sizeof buf, x->n, x->unit);
        break;
    case CHR_TX_SET:
        tm->type = CHR_TIME_SET;
        if (x->ref)
            snprintf(buf, sizeof buf, "%.*s", (int)ref_len(x->ref), x->ref);
        else if (x->unit == CHR_U_NONE)
            snprintf(buf, sizeof buf, "XXXX-WXX-%d", x->n);
        else
            fmt_dur(buf, sizeof buf, x->n, x->unit);
        break;
    case CHR_TX_REF:
        snprintf(buf, sizeof buf, "%.*s", (int)ref_len(x->ref), x->ref);
        anchored = r->have;
        if (r->have && x->ref[1] == 'R')
            day = r->doc_day;               /* PRESENT_REF */
        break;
    default:                                /* a time of day alone */
        day_level = 1;
        if (r->ctx_ok && r->ctx_sent == sent) {
            snprintf(buf, sizeof buf, "%s", r->ctx_prefix);
            day = r->ctx_day;
            anchored = r->ctx_anchored;
            tm->has_rel = r->ctx_has_rel;
            tm->rel_days = r->ctx_rel;
        } else if (r->have) {
            fmt_day(buf, sizeof buf, r->doc_day);
            day = r->doc_day;
        } else {
            snprintf(buf, sizeof buf, "XXXX-XX-XX");
            anchored = 0;
        }
        break;
    }

    if (day_level) {
        if (x->base != CHR_TX_NONE) {
            r->ctx_ok = 1;
            r->ctx_sent = sent;
            snprintf(r->ctx_prefix, sizeof r->ctx_prefix, "%s", buf);
            r->ctx_day = day;
            r->ctx_anchored = anchored;
            r->ctx_rel = tm->rel_days;
            r->ctx_has_rel = tm->has_rel;
        }
        size_t n = strlen(buf);
        if (x->minute >= 0) {
            snprintf(buf + n, sizeof buf - n, "T%02d:%02d", x->minute / 60, x->minute % 60);
            tm->type = CHR_TIME_TIME;
        } else if (x->part[0]) {
            snprintf(buf + n, sizeof buf - n, "T%s", x->part);
            tm->type = CHR_TIME_TIME;
        }
    }
    tm->value = chr_strdup(doc, buf);
    tm->anchored = anchored;
    tm->day = day;
    tm->minute = day_level ? x->minute : -1;
    tm->tense_hint = x->tense;
}

/* The visible text of [a, b) with each run of white space (no-break
   spaces and line breaks included) as one plain space. */
static char *visible_text(chr_document *doc, uint32_t a, uint32_t b)
{
    char *out = chr_alloc(doc, (size_t)(b - a) + 1);
    if (!out)
        return NULL;
    const unsigned char *s = (const unsigned char *)doc->text.s;
    size_t n = 0;
    int space = 0;
    for (uint32_t i = a; i < b;) {
        size_t adv;
        uint32_t cp = chr_utf8_next(s + i, b - i, &adv);
        if (chr_cp_is_space(cp) || cp == '\n' || cp == '\r' || cp == '\t') {
            space = 1;
        } else {
            if (space && n)
                out[n++] = ' ';
            space = 0;
            memcpy(out + n, s + i, adv);
            n += adv;
        }
        i += (uint32_t)adv;
    }
    out[n] = 0;
    return out;
}

/* The document date from the metadata, else from a dateline. */
static void document_date(chr_document *doc, const chr_tx_list *l)
{
    int y, m, d;
    if (doc->info.date) {
        if (parse_iso(doc->info.date, &y, &m, &d)) {
            doc->doc_day = chr_days_from_civil(y, m, d);
            return;
        }
        chr_warn(doc, "document date '%.40s' is not YYYY-MM-DD; ignored", doc->info.date);
    }
    for (uint32_t i = 0; i < l->n; i++) {
        const chr_tx *x = &l->v[i];
        const chr_token *t = &doc->toks[x->a];
        if (t->sentence >= DATELINE_SENTENCES && t->start >= DATELINE_BYTES)
            break;
        /* "с 1 января 2011 года", "до 1 марта": a term, not the report's day */
        if (x->base == CHR_TX_DATE && x->unit == CHR_U_DAY && x->year > 0 &&
            valid_ymd(x->year, x->month, x->day) && !strchr("sdpkf", x->lead ? x->lead : 'x')) {
            const char *s = chr_sprintf(doc, "%04d-%02d-%02d", x->year, x->month, x->day);
            if (!s)
                return;
            doc->doc_day = chr_days_from_civil(x->year, x->month, x->day);
            doc->info.date = s;
            doc->info.date_source = "text";
            return;
        }
    }
}

static int publish(chr_document *doc)
{
    doc->n_times = 0;
    if (doc->n_tms == 0)
        return 0;
    chr_time *ts = chr_alloc(doc, (size_t)doc->n_tms * sizeof *ts);
    if (!ts)
        return -1;
    for (uint32_t i = 0; i < doc->n_tms; i++) {
        const chr_time_mention *m = &doc->tms[i];
        chr_time *t = &ts[i];
        t->id = chr_sprintf(doc, "t%u", i + 1);
        if (!t->id)
            return -1;
        t->text = m->text;
        chr_doc_span(doc, m->start, m->end, &t->span);
        t->value = m->value;
        t->type = m->type;
        t->anchored = m->anchored;
    }
    doc->times = ts;
    doc->n_times = doc->n_tms;
    return 0;
}

int chr_times(chr_document *doc)
{
    if (!doc->toks || !doc->n_toks || !doc->lower)
        return 0;
    chr_tx_filter f;
    chr_tx_filter_init(&f);
    chr_tx_list l = {NULL, 0, 0};
    int rc = 0;
    for (uint32_t s = 0; s < doc->n_sents && rc == 0; s++)
        rc = chr_tx_sentence(doc, &f, s, &l);
    if (rc == 0 && doc->doc_day == CHR_NO_DAY)
        document_date(doc, &l);

    rctx r;
    memset(&r, 0, sizeof r);
    r.have = doc->doc_day != CHR_NO_DAY;
    r.doc_day = doc->doc_day;
    if (r.have)
        chr_civil_from_days(doc->doc_day, &r.dy, &r.dm, &r.dd);
    for (uint32_t i = 0; rc == 0 && i < l.n; i++) {
        const chr_tx *x = &l.v[i];
        chr_time_mention tm;
        memset(&tm, 0, sizeof tm);
        tm.tok_first = x->a;
        tm.tok_end = x->b;
        tm.start = doc->toks[x->a].start;
        tm.end = doc->toks[x->b - 1].end;
        tm.sentence = doc->toks[x->a].sentence;
        resolve(doc, &r, x, tm.sentence, &tm);
        tm.text = visible_text(doc, tm.start, tm.end);
        if (!tm.value || !tm.text || chr_add_time(doc, &tm) < 0)
            rc = -1;
    }
    free(l.v);
    if (rc == 0)
        rc = publish(doc);
    return rc;
}
