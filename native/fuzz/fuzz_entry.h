/* fuzz_entry.h - what every libFuzzer harness does: parse arbitrary bytes
   as one format and read the whole result the way a caller would, aborting
   when an offset the model promises breaks (a span outside the input, an
   end before its start, an index out of range).  Each harness is one line
   naming its format. */
#ifndef CHR_FUZZ_ENTRY_H
#define CHR_FUZZ_ENTRY_H

#include "chronicle.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_span(const chr_span *s, size_t size)
{
    if (s->start > s->end || s->end > size || s->line == 0)
        abort();
}

static int fuzz_parse(const uint8_t *data, size_t size, chr_format format, const char *date)
{
    chr_options o;
    chr_options_init(&o);
    o.format = format;
    o.date = date;
    chr_status st;
    chr_document *d = chr_parse((const char *)data, size, &o, &st);
    if (!d) {
        if (st != CHR_ERR_NOMEM)
            abort();    /* bytes alone never make a parse fail */
        return 0;
    }
    size_t np, nt, ne;
    const chr_participant *ps = chr_document_participants(d, &np);
    const chr_time *ts = chr_document_times(d, &nt);
    const chr_event *es = chr_document_events(d, &ne);
    for (size_t i = 0; i < np; i++) {
        for (size_t m = 0; m < ps[i].n_mentions; m++)
            fuzz_span(&ps[i].mentions[m].span, size);
        for (size_t e = 0; e < ps[i].n_events; e++)
            if (ps[i].events[e] >= ne)
                abort();
    }
    for (size_t i = 0; i < nt; i++) {
        fuzz_span(&ts[i].span, size);
        if (!ts[i].value)
            abort();
    }
    for (size_t i = 0; i < ne; i++) {
        fuzz_span(&es[i].sentence, size);
        if ((es[i].time >= 0 && (size_t)es[i].time >= nt) || (es[i].place >= 0 && (size_t)es[i].place >= np))
            abort();
        for (size_t k = 0; k < es[i].n_participants; k++)
            if (es[i].participants[k].participant >= np)
                abort();
    }
    for (size_t i = 0; i < chr_document_warning_count(d); i++)
        if (!chr_document_warning(d, i))
            abort();
    chr_document_free(d);
    return 0;
}

#endif
