/* events_index.c - what the events stage looks up outside the sentence it
   reads: mentions and times indexed by token, role mentions that the link
   stage cannot be trusted with, whether the document is a same-day report,
   and whether a phrase starts with its head noun. */
#include "events.h"

#include <stdlib.h>
#include <string.h>

static int cmp_span(const void *x, const void *y)
{
    const chr_ev_span *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b > q->b ? -1 : 1;    /* the longer first */
    return p->idx < q->idx ? -1 : p->idx > q->idx;
}

/* Valid spans sorted by first token: windows then find theirs by binary
   search instead of scanning the whole sentence. */
chr_ev_span *chr_ev_index(chr_document *doc, uint32_t n, int times, uint32_t *out_n)
{
    *out_n = 0;
    if (n == 0)
        return NULL;
    chr_ev_span *ix = malloc((size_t)n * sizeof *ix);
    if (!ix) {
        doc->status = CHR_ERR_NOMEM;
        return NULL;
    }
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t a, b;
        if (times) {
            a = doc->tms[i].tok_first;
            b = doc->tms[i].tok_end;
        } else {
            a = doc->ments[i].tok_first;
            b = doc->ments[i].tok_end;
        }
        if (a < b && b <= doc->n_toks)
            ix[k++] = (chr_ev_span){a, b, i};
    }
    /* the stages add their spans in text order, mostly: sort only when not */
    for (uint32_t i = 1; i < k; i++)
        if (cmp_span(&ix[i - 1], &ix[i]) > 0) {
            qsort(ix, k, sizeof *ix, cmp_span);
            break;
        }
    *out_n = k;
    return ix;
}

/* The kind of a mention covering token k (+1), or 0 when none does. */
static int covered(const chr_document *doc, const chr_ev_span *ix, uint32_t n, uint32_t k)
{
    uint32_t i = chr_ev_lower_bound(ix, n, k + 1);
    for (uint32_t j = 0; j < 8 && i > 0; j++) {
        i--;
        if (ix[i].b > k)
            return (int)doc->ments[ix[i].idx].kind + 1;
    }
    return 0;
}

#define NOT_A_NAME (CHR_W_TITLE | CHR_W_COUNTRY | CHR_W_CITY | CHR_W_REGION | CHR_W_MONTH | \
                    CHR_W_WEEKDAY | CHR_W_STOP | CHR_W_ORG_DESC | CHR_W_ORG | CHR_W_NOT_NAME | \
                    CHR_W_ADJ_GEO | CHR_W_PRONOUN)

/* A bare role ("министр нефти Ирана") followed by a name the name stage
   did not read ("Мохсен Пакнежад") describes that unnamed person: whoever
   the link stage joined it to (another minister, paragraphs away) is no
   party to this sentence's happenings. */
static int stray_nominal(const chr_document *doc, const chr_ev_span *ix, uint32_t n,
                         const chr_ent_mention *m)
{
    if (m->kind != CHR_KIND_PERSON || m->type != CHR_MENTION_NOMINAL || m->sentence >= doc->n_sents)
        return 0;
    const chr_sentence *se = &doc->sents[m->sentence];
    uint32_t end = se->first_token + se->n_tokens, caps = 0;
    for (uint32_t k = m->tok_end; k < end && k < m->tok_end + 8; k++) {
        const chr_token *t = &doc->toks[k];
        if (t->kind != CHR_TOK_WORD) {
            if (t->flags & (CHR_TF_QUOTE_OPEN | CHR_TF_QUOTE_CLOSE))
                continue;       /* глава «Туркменгаза» X */
            break;
        }
        if (t->lex & (CHR_W_STOP | CHR_W_VERB))
            break;              /* the role's phrase ends: "Глава государства во время ..." */
        int cov = covered(doc, ix, n, k);
        if (cov == CHR_KIND_PERSON + 1)
            return 0;           /* its holder, named */
        int cap = !cov && (t->flags & CHR_TF_UPPER) && !(t->flags & CHR_TF_ALLUPPER) &&
                  !(t->lex & NOT_A_NAME);
        if (cap && (t->lex & (CHR_W_GIVEN | CHR_W_SURNAME | CHR_W_PATRONYMIC)))
            return 1;
        caps = cap ? caps + 1 : 0;
        if (caps == 2)
            return 1;
    }
    return 0;
}

/* Removes stray nominals (above) from the mention index. */
int chr_ev_drop_stray_nominals(chr_document *doc, chr_ev_span *ix, uint32_t *n)
{
    uint32_t k = *n;
    if (k == 0)
        return 0;
    uint8_t *stray = calloc(k, 1);
    if (!stray) {
        doc->status = CHR_ERR_NOMEM;
        return -1;
    }
    for (uint32_t i = 0; i < k; i++)
        stray[i] = (uint8_t)stray_nominal(doc, ix, k, &doc->ments[ix[i].idx]);
    uint32_t kept = 0;
    for (uint32_t i = 0; i < k; i++)
        if (!stray[i])
            ix[kept++] = ix[i];
    *n = kept;
    free(stray);
    return 0;
}

/* A same-day report ("Сегодня ... состоялась"): the text names the
   document date and no other day, so its undated happenings are on that
   date.  Returns a time mention on the document date, or -1 when the
   document has no date, the text never names it, or some anchored date
   disagrees (a coarser value containing it, "в январе 2022 года", does
   not disagree).  Without a document date, "Сегодня" still names it, so a
   text whose only days are "today" is a same-day report too.  Any other
   day would be a guess: a Thursday that one sentence plans is not the day
   of the rest of the story. */
int32_t chr_ev_same_day(const chr_document *doc)
{
    const char *date = doc->info.date;
    int32_t first = -1;
    if (doc->doc_day == CHR_NO_DAY || !date) {
        for (uint32_t i = 0; i < doc->n_tms; i++) {
            const chr_time_mention *t = &doc->tms[i];
            if (t->type != CHR_TIME_DATE && t->type != CHR_TIME_TIME)
                continue;
            if (t->day != CHR_NO_DAY || (t->has_rel && t->rel_days != 0))
                return -1;
            if (t->has_rel && first < 0)
                first = (int32_t)i;
        }
        return first;
    }
    size_t dl = strlen(date);
    for (uint32_t i = 0; i < doc->n_tms; i++) {
        const chr_time_mention *t = &doc->tms[i];
        if (t->type != CHR_TIME_DATE && t->type != CHR_TIME_TIME)
            continue;
        if (t->day == CHR_NO_DAY)
            continue;
        if (t->day == doc->doc_day) {
            if (first < 0)
                first = (int32_t)i;
            continue;
        }
        size_t vl = t->value ? strlen(t->value) : 0;
        if (vl == 0 || vl >= dl || memcmp(t->value, date, vl) != 0)
            return -1;
    }
    return first;
}

/* Adjective endings (folded), for the words before a noun that heads its
   phrase ("Внеочередная сессия", "Круглый стол"). */
static const char *const adj_endings[] = {
    "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему",
    "ую", "юю", "ым", "им", "ых", "их", "ом", "ем", "ей",
};

/* Whether every word of the sentence before token `tok` reads as an
   adjective: then the noun at `tok` heads the phrase. */
int chr_ev_adjectives_before(const chr_document *doc, uint32_t first, uint32_t tok)
{
    for (uint32_t k = first; k < tok; k++) {
        const chr_token *t = &doc->toks[k];
        if (t->kind != CHR_TOK_WORD)
            continue;
        size_t n = t->end - t->start;
        const char *w = doc->lower + t->start;
        int adj = 0;
        for (size_t i = 0; i < sizeof adj_endings / sizeof adj_endings[0] && !adj; i++) {
            size_t el = strlen(adj_endings[i]);
            adj = n > el + 2 && memcmp(w + n - el, adj_endings[i], el) == 0;
        }
        if (!adj)
            return 0;
    }
    return 1;
}
