/* tokenize.c - STUB (replaced by the segmentation work): letters/digits runs. */
#include "internal.h"

int chr_tokenize(chr_document *doc)
{
    uint32_t cap = 0;
    const unsigned char *s = (const unsigned char *)doc->text.s;
    for (uint32_t k = 0; k < doc->n_sents; k++) {
        chr_sentence *se = &doc->sents[k];
        se->first_token = doc->n_toks;
        uint32_t i = se->start;
        while (i < se->end) {
            size_t adv;
            uint32_t cp = chr_utf8_next(s + i, se->end - i, &adv);
            if (chr_cp_is_space(cp)) { i += (uint32_t)adv; continue; }
            chr_token t = {0};
            t.start = i;
            t.sentence = k;
            if (chr_cp_is_letter(cp) || chr_cp_is_digit(cp)) {
                t.kind = chr_cp_is_letter(cp) ? CHR_TOK_WORD : CHR_TOK_NUMBER;
                if (chr_cp_is_upper(cp)) t.flags |= CHR_TF_UPPER;
                while (i < se->end) {
                    cp = chr_utf8_next(s + i, se->end - i, &adv);
                    if (!(chr_cp_is_letter(cp) || chr_cp_is_digit(cp) || cp == '-')) break;
                    if (chr_cp_is_cyr(cp)) t.flags |= CHR_TF_CYR;
                    i += (uint32_t)adv;
                }
            } else {
                t.kind = CHR_TOK_PUNCT;
                i += (uint32_t)adv;
            }
            t.end = i;
            if (chr_grow(doc, (void **)&doc->toks, &cap, doc->n_toks + 1, sizeof *doc->toks) < 0)
                return -1;
            doc->toks[doc->n_toks++] = t;
        }
        se->n_tokens = doc->n_toks - se->first_token;
    }
    return 0;
}
