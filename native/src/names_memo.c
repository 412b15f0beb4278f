/* names_memo.c - the readings of a word as a surname or a first name,
   remembered per document (see morph_memo in names.h). */
#include "names.h"

int chr_names_forms(const names_ctx *c, uint32_t i, int given, chr_name_form *out)
{
    const chr_document *d = c->doc;
    const char *s = ttext(d, i);
    size_t n = tlen(d, i);
    morph_memo *m = c->memo;
    uint32_t h = m ? chr_names_memo_slot(s, n, given) : 0;
    if (m && m->key[h] && m->given[h] == given) {
        uint32_t o = m->key[h] - 1;
        if (tlen(d, o) == n && memcmp(ttext(d, o), s, n) == 0) {
            const unsigned char *p = m->packed[h];
            for (int k = 0; k < m->n[h]; k++) {
                out[k].cases = p[0];
                out[k].gender = p[1];
                out[k].prio = p[2];
                memcpy(out[k].nom, p + 4, p[3]);
                out[k].nom[p[3]] = '\0';
                p += 4 + p[3];
            }
            return m->n[h];
        }
    }
    int k = given ? chr_morph_given(s, n, out, CHR_MORPH_MAX) : chr_morph_surname(s, n, out, CHR_MORPH_MAX);
    if (!m)
        return k;
    size_t used = 0;
    for (int j = 0; j < k; j++)
        used += 4 + strlen(out[j].nom);
    if (used > MEMO_BYTES) {
        m->key[h] = 0;
        return k;
    }
    unsigned char *p = m->packed[h];
    for (int j = 0; j < k; j++) {
        size_t l = strlen(out[j].nom);
        p[0] = out[j].cases;
        p[1] = out[j].gender;
        p[2] = out[j].prio;
        p[3] = (unsigned char)l;
        memcpy(p + 4, out[j].nom, l);
        p += 4 + l;
    }
    m->key[h] = i + 1;
    m->given[h] = (uint8_t)given;
    m->n[h] = (uint8_t)k;
    return k;
}
