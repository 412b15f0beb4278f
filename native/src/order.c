/* order.c - events -> timeline order (events[].order, 1..N).

   Events sort by the normalised time of their temporal expression: day,
   then planned happenings (tense future) after the reported ones of that
   day, then time of day; ties keep document order.  An undated event keeps
   its place in the story: it takes the key of the event before it (or,
   at the start, of the first dated one).  Without a document date,
   relative expressions ("вчера", "через неделю") still order against each
   other by their offset in days. */
#include "events.h"

#include <stdlib.h>

typedef struct okey {
    int64_t day;        /* day number, or relative offset; valid when dated */
    int32_t minute;     /* -1 when none */
    uint32_t idx;       /* document order */
    uint8_t dated;
    uint8_t future;
} okey;

static int cmp_key(const void *a, const void *b)
{
    const okey *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    if (x->future != y->future)
        return x->future < y->future ? -1 : 1;
    if (x->minute != y->minute)
        return x->minute < y->minute ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

int chr_order(chr_document *doc)
{
    size_t n = doc->n_events;
    if (n == 0)
        return 0;
    okey *k = malloc(n * sizeof *k);
    if (!k) {
        doc->status = CHR_ERR_NOMEM;
        return -1;
    }
    /* Anchored days and unanchored offsets are different scales; offsets
       order only a document that has nothing anchored. */
    int any_anchored = 0;
    for (size_t i = 0; i < n; i++) {
        const chr_time_mention *t = chr_ev_time_mention(doc, doc->events[i].time);
        if (t && t->day != CHR_NO_DAY)
            any_anchored = 1;
    }
    for (size_t i = 0; i < n; i++) {
        const chr_time_mention *t = chr_ev_time_mention(doc, doc->events[i].time);
        okey *o = &k[i];
        o->idx = (uint32_t)i;
        o->future = doc->events[i].tense == CHR_TENSE_FUTURE;
        o->dated = 0;
        o->day = 0;
        o->minute = -1;
        if (!t)
            continue;
        if (t->day != CHR_NO_DAY) {
            o->day = t->day;
            o->dated = 1;
        } else if (!any_anchored && t->has_rel) {
            o->day = t->rel_days;
            o->dated = 1;
        }
        if (o->dated)
            o->minute = t->minute;
    }
    size_t first = n;
    for (size_t i = 0; i < n && first == n; i++)
        if (k[i].dated)
            first = i;
    for (size_t i = 0; i < n; i++) {
        if (k[i].dated)
            continue;
        const okey *from = i > 0 ? &k[i - 1] : (first < n ? &k[first] : NULL);
        if (from) {
            k[i].day = from->day;
            k[i].minute = from->minute;
        }
        k[i].dated = 1;
    }
    qsort(k, n, sizeof *k, cmp_key);
    for (size_t r = 0; r < n; r++)
        doc->events[k[r].idx].order = (int)r + 1;
    free(k);
    return 0;
}
