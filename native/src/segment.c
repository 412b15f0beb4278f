/* segment.c - STUB (replaced by the segmentation work): a line is a paragraph
   and a sentence. */
#include "internal.h"

int chr_segment(chr_document *doc)
{
    uint32_t n = 0, cap_p = 0, cap_s = 0, i = 0;
    const char *s = doc->text.s;
    while (i < doc->text.len) {
        uint32_t a = i;
        while (i < doc->text.len && s[i] != '\n') i++;
        uint32_t b = i;
        i++;
        if (b == a) continue;
        if (chr_grow(doc, (void **)&doc->paras, &cap_p, n + 1, sizeof *doc->paras) < 0 ||
            chr_grow(doc, (void **)&doc->sents, &cap_s, n + 1, sizeof *doc->sents) < 0)
            return -1;
        doc->paras[n] = (chr_paragraph){a, b, n, 1, 0};
        doc->sents[n] = (chr_sentence){a, b, n, 0, 0};
        n++;
    }
    doc->n_paras = doc->n_sents = n;
    return 0;
}
