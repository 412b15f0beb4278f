/* events_publish.c - the events found by events.c -> the public
   chr_event array, each participant's event list, the mapping between
   internal time mentions and public times, and the text of summaries. */
#include "events.h"

#include <stdlib.h>
#include <string.h>


long chr_ev_public_time(const chr_document *doc, int32_t tm)
{
    if (tm < 0 || (uint32_t)tm >= doc->n_tms)
        return -1;
    if (doc->n_times == doc->n_tms)
        return tm;
    size_t want = chr_text_src_start(&doc->text, doc->tms[tm].start);
    size_t lo = 0, hi = doc->n_times;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->times[mid].span.start < want)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < doc->n_times && doc->times[lo].span.start == want ? (long)lo : -1;
}

const chr_time_mention *chr_ev_time_mention(const chr_document *doc, long time)
{
    if (time < 0 || (size_t)time >= doc->n_times)
        return NULL;
    if (doc->n_times == doc->n_tms)
        return &doc->tms[time];
    size_t want = doc->times[time].span.start;
    uint32_t lo = 0, hi = doc->n_tms;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (chr_text_src_start(&doc->text, doc->tms[mid].start) < want)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < doc->n_tms && chr_text_src_start(&doc->text, doc->tms[lo].start) == want)
        return &doc->tms[lo];
    return NULL;
}


int chr_ev_publish(chr_document *doc, const chr_ev_tmp *evs, uint32_t n_evs,
                   const chr_ev_part *eps, uint32_t n_eps)
{
    doc->events = NULL;
    doc->n_events = 0;
    for (size_t p = 0; p < doc->n_parts; p++) {
        doc->parts[p].events = NULL;
        doc->parts[p].n_events = 0;
    }
    if (n_evs == 0)
        return 0;
    /* events merged into a later one (a headline told again) give it their
       participants and disappear */
    uint32_t *newi = malloc((size_t)n_evs * sizeof *newi);
    if (!newi) {
        doc->status = CHR_ERR_NOMEM;
        return -1;
    }
    uint32_t n_out = 0;
    for (uint32_t e = 0; e < n_evs; e++)
        if (evs[e].merged_into < 0)
            newi[e] = n_out++;
    for (uint32_t e = n_evs; e > 0; e--) {
        int32_t m = evs[e - 1].merged_into;
        if (m >= 0)
            newi[e - 1] = (uint32_t)m > e - 1 && (uint32_t)m < n_evs ? newi[m] : 0;
    }
    chr_event *out = chr_alloc(doc, (size_t)n_out * sizeof *out);
    /* group the participant entries by event (counting sort: linear) */
    uint32_t *start = calloc((size_t)n_out + 1, sizeof *start);
    chr_ev_part *sorted = malloc(((size_t)n_eps + 1) * sizeof *sorted);
    int32_t *stamp = malloc((doc->n_parts + 1) * sizeof *stamp);
    uint32_t *slot = malloc((doc->n_parts + 1) * sizeof *slot);
    size_t *n_of = calloc(doc->n_parts + 1, sizeof *n_of);
    size_t **lists = calloc(doc->n_parts + 1, sizeof *lists);
    int rc = -1;
    if (!out || !start || !sorted || !stamp || !slot || !n_of || !lists) {
        doc->status = CHR_ERR_NOMEM;
        goto done;
    }
    for (uint32_t i = 0; i < n_eps; i++)
        start[newi[eps[i].ev] + 1]++;
    for (uint32_t e = 0; e < n_out; e++)
        start[e + 1] += start[e];
    for (uint32_t i = 0; i < n_eps; i++)
        sorted[start[newi[eps[i].ev]]++] = eps[i];
    for (uint32_t e = n_out; e > 0; e--)
        start[e] = start[e - 1];
    start[0] = 0;
    for (size_t p = 0; p < doc->n_parts; p++)
        stamp[p] = -1;

    for (uint32_t te = 0; te < n_evs; te++) {
        if (evs[te].merged_into >= 0)
            continue;
        const chr_ev_tmp *t = &evs[te];
        uint32_t e = newi[te];
        chr_event *o = &out[e];
        const chr_token *a = &doc->toks[t->tok], *b = &doc->toks[t->tok + t->n_tok - 1];
        const chr_sentence *se = &doc->sents[t->sent];
        char id[16];
        int il = 0;
        for (uint32_t v = e + 1; v; v /= 10)
            id[il++] = (char)('0' + v % 10);
        id[il++] = 'e';
        for (int i = 0; i < il / 2; i++) {
            char tmp = id[i];
            id[i] = id[il - 1 - i];
            id[il - 1 - i] = tmp;
        }
        o->id = chr_strndup(doc, id, (size_t)il);
        o->order = (int)e + 1;
        o->type = t->type;
        o->trigger_text = chr_strndup(doc, doc->text.s + a->start, b->end - a->start);
        o->trigger_lemma = t->lemma;
        chr_doc_span(doc, a->start, b->end, &o->trigger);
        o->summary = t->summary;
        chr_doc_span(doc, se->start, se->end, &o->sentence);
        o->time = chr_ev_public_time(doc, t->tm);
        o->tense = t->tense;
        o->place = -1;
        if (t->place >= 0) {
            const chr_ent_mention *m = &doc->ments[t->place];
            o->place = m->participant >= 0 && (size_t)m->participant < doc->n_parts ? m->participant : -1;
            o->place_text = m->norm ? m->norm
                                    : chr_strndup(doc, doc->text.s + m->start, m->end - m->start);
        }
        uint32_t n = start[e + 1] - start[e];
        chr_event_participant *ps = n ? chr_alloc(doc, n * sizeof *ps) : NULL;
        if (!o->id || !o->trigger_text || (n && !ps) || (t->place >= 0 && !o->place_text))
            goto done;
        size_t k = 0;
        for (uint32_t i = start[e]; i < start[e + 1]; i++) {
            int32_t p = sorted[i].part;
            if (stamp[p] == (int32_t)e) {
                if (sorted[i].role < ps[slot[p]].role)
                    ps[slot[p]].role = (chr_event_role)sorted[i].role;
                continue;
            }
            stamp[p] = (int32_t)e;
            slot[p] = (uint32_t)k;
            ps[k++] = (chr_event_participant){(size_t)p, (chr_event_role)sorted[i].role};
            n_of[p]++;
        }
        if (o->place >= 0 && stamp[o->place] != (int32_t)e) {
            stamp[o->place] = (int32_t)e;
            n_of[o->place]++;
        }
        o->participants = ps;
        o->n_participants = k;
    }
    /* each participant's events, in document order */
    for (size_t p = 0; p < doc->n_parts; p++) {
        if (!n_of[p])
            continue;
        size_t *ev = chr_alloc(doc, n_of[p] * sizeof *ev);
        if (!ev)
            goto done;
        doc->parts[p].events = lists[p] = ev;
        stamp[p] = -1;
    }
    for (uint32_t e = 0; e < n_out; e++) {
        const chr_event *o = &out[e];
        for (size_t i = 0; i <= o->n_participants; i++) {
            long p = i < o->n_participants ? (long)o->participants[i].participant : o->place;
            if (p < 0 || stamp[p] == (int32_t)e)
                continue;
            stamp[p] = (int32_t)e;
            lists[p][doc->parts[p].n_events++] = e;
        }
    }
    doc->events = out;
    doc->n_events = n_out;
    rc = 0;
done:
    free(newi);
    free(start);
    free(sorted);
    free(stamp);
    free(slot);
    free(n_of);
    free(lists);
    return rc;
}

/* ------------------------------------------------------------ summary text */

size_t chr_ev_put_text(const char *s, uint32_t a, uint32_t b, char *out, size_t len, size_t cap)
{
    int space = len > 0 && out[len - 1] == ' ';
    for (uint32_t i = a; i < b && len + 1 < cap; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
            if (!space && len > 0)
                out[len++] = ' ';
            space = 1;
            continue;
        }
        out[len++] = (char)ch;
        space = 0;
    }
    return len;
}

size_t chr_ev_clip(char *str, size_t len, size_t chars, size_t cap)
{
    size_t count = 0, i = 0, last_space = 0;
    while (i < len) {
        if (((unsigned char)str[i] & 0xC0) != 0x80) {
            if (count == chars)
                break;
            count++;
            if (str[i] == ' ')
                last_space = i;
        }
        i++;
    }
    if (i >= len)
        return len;
    size_t cut = last_space > 0 ? last_space : i;
    while (cut > 0 && (str[cut - 1] == ' ' || str[cut - 1] == ','))
        cut--;
    if (cut + 4 > cap)
        return cut;
    memcpy(str + cut, "…", 3);
    return cut + 3;
}

/* 0x80 in every byte of w that is zero (exact). */
static inline uint64_t zero_bytes(uint64_t w)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
    return ~(((w & low7) + low7) | w | low7);
}

/* One pass that stops at the first character past the limit: a summary's
   span may run far beyond what is shown.  Bytes that copy unchanged go
   eight at a time. */
size_t chr_ev_put_clipped(const char *s, uint32_t a, uint32_t b, char *out, size_t cap,
                          size_t chars)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    size_t len = 0, count = 0;
    int space = 0;
    uint32_t i = a;
    while (i < b && len + 1 < cap) {
        /* eight bytes at a time while they copy unchanged (no control
           character, no space after a space) and no cut can fall among them */
        if ((size_t)b - i >= 8 && len + 8 < cap && count + 8 <= chars) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            uint64_t sp = zero_bytes(x ^ (ones * ' '));
            int first_sp = s[i] == ' ';
            if ((((x - ones * ' ') & ~x & highs) == 0) && (sp & (sp << 8)) == 0 &&
                !(first_sp && (space || len == 0))) {
                uint64_t cont = x & ~(x << 1) & highs;    /* 10xxxxxx: no character */
                memcpy(out + len, &x, 8);
                len += 8;
                i += 8;
                count += 8 - (size_t)(((cont >> 7) * ones) >> 56);
                space = s[i - 1] == ' ';
                continue;
            }
        }
        unsigned char ch = (unsigned char)s[i++];
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
            if (space || len == 0) {
                space = 1;
                continue;
            }
            ch = ' ';
            space = 1;
        } else {
            space = 0;
            /* half of a Russian text: a letter's second byte, no character */
            if ((ch & 0xC0) == 0x80) {
                out[len++] = (char)ch;
                continue;
            }
        }
        if (count == chars) {
            /* at the last space before the limit, if any */
            size_t cut = len;
            for (size_t j = len; j > 1; j--)
                if (out[j - 1] == ' ') {
                    cut = j - 1;
                    break;
                }
            while (cut > 0 && (out[cut - 1] == ' ' || out[cut - 1] == ','))
                cut--;
            memcpy(out + cut, "…", 3);
            return cut + 3;
        }
        count++;
        out[len++] = (char)ch;
    }
    return len;
}
