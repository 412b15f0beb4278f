/* names_roles.c - title phrases -> roles tied to the person each one
   describes (after it, before it in apposition, or through a chain of
   titles), else role-only (nominal) mentions that link.c resolves. */
#include "names.h"

#include <stdlib.h>

static char *role_text(names_ctx *c, const phrase *p)
{
    chr_document *d = c->doc;
    size_t kl = 0;
    for (uint32_t k = p->a; k <= p->head_tok; k++)
        kl += d->toks[k].lemma_len + 1;
    uint32_t rest = p->head_tok + 1;
    size_t cl = p->cb > rest ? d->toks[p->cb - 1].end - d->toks[rest].start : 0;
    char *s = chr_alloc(d, kl + cl + 2);
    if (!s)
        return NULL;
    size_t o = 0;
    for (uint32_t k = p->a; k <= p->head_tok; k++) {
        if (o)
            s[o++] = ' ';
        memcpy(s + o, d->toks[k].lemma, d->toks[k].lemma_len);
        o += d->toks[k].lemma_len;
    }
    if (p->cap)
        chr_utf8_capitalize(s, o, s);
    if (cl) {
        s[o++] = ' ';
        memcpy(s + o, d->text.s + d->toks[rest].start, cl);
        o += cl;
    }
    s[o] = '\0';
    return s;
}

/* The affiliation: a place or organisation in the complement (the last
   one, as in "Администрации Президента Кыргызстана"), else the nominative
   of its last capitalised word. */
static const char *role_of_text(names_ctx *c, const phrase *p);

/* role_of_text, remembered by the complement's text: offices recur
   (Президента России ... Президент России). */
static const char *role_of(names_ctx *c, const phrase *p)
{
    chr_document *d = c->doc;
    morph_memo *m = c->memo;
    if (!m || p->cb <= p->b)
        return role_of_text(c, p);
    uint32_t start = d->toks[p->b].start, len = d->toks[p->cb - 1].end - start;
    const char *s = d->text.s + start;
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    h = (h ^ h >> 16) & (TITLE_MEMO - 1);
    if (m->of[h].len == len && len && memcmp(d->text.s + m->of[h].start, s, len) == 0)
        return m->of[h].of;
    const char *of = role_of_text(c, p);
    m->of[h].start = start;
    m->of[h].len = len;
    m->of[h].of = of;
    return of;
}

static const char *role_of_text(names_ctx *c, const phrase *p)
{
    chr_document *d = c->doc;
    const char *of = NULL;
    for (uint32_t k = p->b; k < p->cb; k++) {
        int32_t m = c->tok_ment[k];
        if (m >= 0 && d->ments[m].kind != CHR_KIND_PERSON && d->ments[m].norm)
            of = d->ments[m].norm;
    }
    if (of || p->cb == p->b)
        return of;
    chr_kind kind;
    of = chr_geo_canonical(d, p->b, p->cb, &kind);
    if (of)
        return of;
    for (uint32_t k = p->cb; k-- > p->b;) {
        if (!is_cap(d, k) || (d->toks[k].lex & CHR_W_TITLE))
            continue;
        of = chr_geo_canonical(d, k, k + 1, &kind);
        if (of)
            return of;
        char buf[CHR_MORPH_WORD];
        size_t n = chr_morph_noun_nom(ttext(d, k), tlen(d, k), buf, sizeof buf);
        return n ? chr_strndup(d, buf, n) : NULL;
    }
    return NULL;
}

static int32_t person_ending_at(const names_ctx *c, uint32_t t)
{
    if (t == 0)
        return -1;
    int32_t m = c->tok_ment[t - 1];
    if (m >= 0 && c->doc->ments[m].kind == CHR_KIND_PERSON &&
        c->doc->ments[m].type == CHR_MENTION_NAME && c->doc->ments[m].tok_end == t)
        return m;
    return -1;
}

static int32_t person_starting_at(const names_ctx *c, uint32_t t)
{
    if (t >= c->doc->n_toks)
        return -1;
    int32_t m = c->tok_ment[t];
    if (m >= 0 && c->doc->ments[m].kind == CHR_KIND_PERSON &&
        c->doc->ments[m].type == CHR_MENTION_NAME && c->doc->ments[m].tok_first == t)
        return m;
    return -1;
}

/* Who each title describes: the person right after it; else, for a
   title followed by a comma or directly by another title, that title's
   holder (депутат ..., сопредседатель ... Михаил Вельмакин; председатель
   ... шейх Равиль Гайнутдин); else a person right before it in apposition
   (Сергей Лавров, глава МИД России, / Светлана Яковлева - директор ...). */
static void find_holders(names_ctx *c)
{
    chr_document *d = c->doc;
    for (uint32_t k = c->n_ph; k-- > 0;) {
        phrase *p = &c->ph[k];
        const chr_sentence *se = &d->sents[p->sentence];
        uint32_t send = se->first_token + se->n_tokens;
        int32_t h = person_starting_at(c, p->cb);
        /* капитан клуба Тоттенхэм Хотспур Ледли Кинг: a name of a thing
           the complement could not take, then the person */
        for (uint32_t j = p->cb; h < 0 && j < send && j < p->cb + 3 && is_cap(d, j) &&
                                 c->tok_ment[j] < 0 && !(d->toks[j].lex & CHR_W_TITLE);
             j++)
            h = person_starting_at(c, j + 1);
        /* titles in one case describe one person; "с корреспондентом
           «Голоса Америки» лидер движения ..." are two */
        if (h < 0 && k + 1 < c->n_ph && c->ph[k + 1].sentence == p->sentence &&
            c->ph[k + 1].holder >= 0 && (c->ph[k + 1].cases & p->cases) &&
            (c->ph[k + 1].a == p->cb || (c->ph[k + 1].a == p->cb + 1 && tok_is(d, p->cb, ","))))
            h = c->ph[k + 1].holder;
        if (h < 0 && p->a >= 2 && (tok_is(d, p->a - 1, ",") || is_dash(d, p->a - 1))) {
            int32_t m = person_ending_at(c, p->a - 1);
            if (m >= 0 && (p->cb >= send || tok_is(d, p->cb, ",") || tok_is(d, p->cb, ".") ||
                           is_dash(d, p->cb) || tok_is(d, p->cb, ")") || tok_is(d, p->cb, ";")))
                h = m;
        }
        p->holder = h;
    }
}

/* A title word that turned out to be part of a person's name (Владимир
   Королёв, Дик Адвокат) is no title. */
static void drop_named_titles(names_ctx *c)
{
    const chr_document *d = c->doc;
    uint32_t w = 0;
    for (uint32_t k = 0; k < c->n_ph; k++) {
        int32_t m = c->tok_ment[c->ph[k].a];
        if (m >= 0 && d->ments[m].kind == CHR_KIND_PERSON)
            continue;
        c->ph[w++] = c->ph[k];
    }
    c->n_ph = w;
}

int chr_names_tie_roles(names_ctx *c)
{
    chr_document *d = c->doc;
    drop_named_titles(c);
    find_holders(c);
    for (uint32_t k = 0; k < c->n_ph; k++) {
        phrase *p = &c->ph[k];
        if (p->chained)
            continue;
        /* Председатель ... – Руководитель ... Имя Фамилия: one role */
        uint32_t last = k;
        while (last + 1 < c->n_ph && c->ph[last + 1].sentence == p->sentence &&
               c->ph[last].cb + 1 == c->ph[last + 1].a && is_dash(d, c->ph[last].cb) &&
               person_starting_at(c, c->ph[last].cb) < 0)
            last++;
        phrase *q = &c->ph[last];
        int32_t holder = q->holder;
        if (holder < 0 && last > k) {
            /* no person after the chain: each title stands on its own */
            last = k;
            q = p;
        }
        if (holder < 0 && (p->plural || strstr(p->flags, "prof")))
            continue;
        char *text = role_text(c, p);
        if (!text)
            return -1;
        for (uint32_t j = k + 1; j <= last; j++) {
            char *t2 = role_text(c, &c->ph[j]);
            char *joined = t2 ? chr_sprintf(d, "%s \xe2\x80\x93 %s", text, t2) : NULL;
            if (!joined)
                return -1;
            text = joined;
            c->ph[j].chained = 1;
        }
        chr_role_mention r;
        memset(&r, 0, sizeof r);
        r.start = d->toks[p->a].start;
        r.end = d->toks[(q->cb > q->a ? q->cb : q->b) - 1].end;
        r.tok_first = p->a;
        r.tok_end = q->cb;
        r.text = text;
        r.title = p->head;
        r.of = role_of(c, q);
        if (!r.of && q != p)
            r.of = role_of(c, p);
        r.holder = holder;
        int32_t ri = chr_add_role(d, &r);
        if (ri < 0)
            return -1;
        if (holder >= 0) {
            if (d->ments[holder].role < 0)
                d->ments[holder].role = ri;
            continue;
        }
        chr_ent_mention m;
        memset(&m, 0, sizeof m);
        m.start = r.start;
        m.end = r.end;
        m.tok_first = r.tok_first;
        m.tok_end = r.tok_end;
        m.sentence = p->sentence;
        m.kind = CHR_KIND_PERSON;
        m.type = CHR_MENTION_NOMINAL;
        m.norm = text;
        m.role = ri;
        m.participant = -1;
        /* a title names a person, and a person's accusative is the
           genitive form: the bare form is the nominative */
        uint8_t pc = p->cases;
        if ((pc & CHR_CM(CHR_CASE_ACC)) && !(pc & CHR_CM(CHR_CASE_GEN)) && !p->plural)
            pc &= (uint8_t)~CHR_CM(CHR_CASE_ACC);
        for (uint8_t cs = CHR_CASE_NOM; cs <= CHR_CASE_PREP; cs++)
            if (pc == CHR_CM(cs))
                m.gram_case = cs;
        if (chr_add_mention(d, &m) < 0)
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------------- order */

/* Sorts doc->ments by position (start, then the longer first, then the
   order they were found) and keeps the roles' holders pointing at the same
   mentions.  A mention's start is its first token's, so a counting sort by
   first token does it in linear time; the few mentions that share a first
   token are put in order by insertion. */
int chr_names_sort_mentions(chr_document *d)
{
    uint32_t n = d->n_ments, nt = d->n_toks;
    if (n < 2)
        return 0;
    uint32_t *count = calloc((size_t)nt + 2, sizeof *count);
    uint32_t *order = malloc((size_t)n * sizeof *order);
    int32_t *remap = malloc((size_t)n * sizeof *remap);
    chr_ent_mention *sorted = malloc((size_t)n * sizeof *sorted);
    if (!count || !order || !remap || !sorted) {
        free(count);
        free(order);
        free(remap);
        free(sorted);
        d->status = CHR_ERR_NOMEM;
        return -1;
    }
    for (uint32_t i = 0; i < n; i++) {
        uint32_t t = d->ments[i].tok_first < nt ? d->ments[i].tok_first : nt;
        count[t + 1]++;
    }
    for (uint32_t t = 0; t <= nt; t++)
        count[t + 1] += count[t];
    for (uint32_t i = 0; i < n; i++) {
        uint32_t t = d->ments[i].tok_first < nt ? d->ments[i].tok_first : nt;
        order[count[t]++] = i;
    }
    /* within one first token (a handful at most): the longer first,
       otherwise in the order found */
    for (uint32_t i = 1; i < n; i++) {
        uint32_t o = order[i], j = i;
        const chr_ent_mention *m = &d->ments[o];
        while (j > 0 && d->ments[order[j - 1]].start == m->start &&
               d->ments[order[j - 1]].end < m->end) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = o;
    }
    for (uint32_t k = 0; k < n; k++) {
        sorted[k] = d->ments[order[k]];
        remap[order[k]] = (int32_t)k;
    }
    free(d->ments);
    d->ments = sorted;
    d->cap_ments = n;
    for (uint32_t r = 0; r < d->n_roles; r++)
        if (d->roles[r].holder >= 0)
            d->roles[r].holder = remap[d->roles[r].holder];
    free(count);
    free(order);
    free(remap);
    return 0;
}
