/* names.c - persons and their roles -> doc->ments / doc->roles.

   Organisations and places come first (geo.c), so a person never takes
   their tokens.  Then, sentence by sentence:
     1. title phrases: a title from the lexicon in any case ("Генерального
        секретаря") with its genitive complement ("ОДКБ", "Администрации
        Президента Кыргызстана"); titles inside a complement are part of it;
     2. full names: first name [patronymic] [surname], initials + surname,
        surname + first name + patronymic, surname + initials; the case and
        gender of the first name choose the surname's nominative.
   A second pass over the whole document adds surnames standing alone when
   the document named them in full before or after, when a title precedes
   them, or when their shape leaves no doubt; and lone first names.  A third
   pass takes surnames that stand in a list with other names (Сёмин
   (Овечкин, Фёдоров)).  Finally each title phrase is tied to the person it
   describes (names_roles.c); East Asian names, family first, are read in
   names_east.c. */
#include "names.h"
#include "geo_morph.h"

#include <stdio.h>
#include <stdlib.h>

#define MAX_COMPLEMENT 6
#define MAX_TITLE_WORDS 5
#define QUOTE_WINDOW 10
#include <string.h>

/* a lower-case word that can stand in the genitive after a title */
static int genitive_like(const chr_document *d, uint32_t i)
{
    const char *f = tfold(d, i);
    size_t n = tlen(d, i);
    if (n_letters(d, i) < 3)
        return 0;
    /* no -ти: after a title it is a noun (нефти, власти, части), an
       infinitive there is rare */
    static const ending verbish[] = {END("ся"), END("сь"), END("ть"), END("ет"), END("ит"),
                                     END("ют"), END("ят")};
    if (ENDS_IN(f, n, verbish))
        return 0;
    /* a past tense has a vowel before -ла/-ли/-ло (сказали), or ш г к с з
       (пришли, могли); a noun mostly not (торговли, земли) */
    if (n >= 6 && (ends_with(f, n, "ла") || ends_with(f, n, "ли") || ends_with(f, n, "ло"))) {
        static const char before[] = "аеиоуыэюяшгксз";
        size_t adv;
        uint32_t cp = chr_utf8_next((const unsigned char *)f + n - 6, 2, &adv);
        char one[4];
        size_t k = chr_utf8_put(cp, one);
        one[k] = '\0';
        if (strstr(before, one))
            return 0;
    }
    static const ending gen[] = {END("а"), END("я"), END("ы"), END("и"), END("ов"), END("ев"),
                                 END("ей"), END("ых"), END("их"), END("ого"), END("его"),
                                 END("ой")};
    if (ENDS_IN(f, n, gen))
        return 1;
    return 0;
}

/* A capitalised adjective that agrees with the lower-case word after it
   (Брукхейвенской национальной лаборатории) names a thing, not a person:
   names agree with nothing that follows them. */
static int attributive(const chr_document *d, uint32_t i)
{
    static const ending e[] = {END("ой"), END("ая"), END("ую"), END("ого"), END("ому"), END("ым"),
                               END("ий"), END("ый"), END("ое"), END("ые"), END("ых"), END("их"),
                               END("ей"), END("ее"), END("ие"), END("ими"), END("ыми")};
    if (i + 1 >= d->n_toks || !is_word(d, i + 1) || is_cap(d, i + 1) ||
        d->toks[i + 1].sentence != d->toks[i].sentence)
        return 0;
    const char *f = tfold(d, i), *g = tfold(d, i + 1);
    size_t n = tlen(d, i), m = tlen(d, i + 1);
    if (f[n - 1] != g[m - 1] || n_letters(d, i) < 5 || n_letters(d, i + 1) < 4)
        return 0;                       /* no shared ending: the common case */
    for (size_t k = 0; k < sizeof e / sizeof e[0]; k++)
        if (ends_in(f, n, &e[k], 1) && ends_in(g, m, &e[k], 1))
            return 1;
    return 0;
}

/* A capitalised word that may be part of a person's name. */
int chr_names_namelike(const names_ctx *c, uint32_t i)
{
    const chr_document *d = c->doc;
    if (!is_cap(d, i) || c->tok_ment[i] >= 0 || (c->tok_info[i] & (TI_QUOTED | TI_PHRASE)))
        return 0;
    uint32_t lex = d->toks[i].lex;
    if (lex & (CHR_W_NOT_NAME | CHR_W_MONTH | CHR_W_PRONOUN))
        return 0;
    /* a capitalised function word inside a sentence may be a name (Сами) */
    if ((lex & CHR_W_STOP) && (!(lex & CHR_W_GIVEN) || (c->tok_info[i] & TI_SENT_START)))
        return 0;
    if ((lex & CHR_W_TITLE) && !(lex & (CHR_W_GIVEN | CHR_W_SURNAME)))
        return 0;
    if (is_all_upper(d, i) && n_letters(d, i) <= 5)
        return 0;
    if (attributive(d, i))
        return 0;
    return tlen(d, i) < CHR_MORPH_WORD;
}

/* A word whose reading as a surname is a listed surname (Обамы). */
static int listed_surname(const names_ctx *c, uint32_t i)
{
    chr_name_form ff[CHR_MORPH_MAX];
    int nf = chr_names_forms(c, i, 0, ff);
    for (int k = 0; k < nf; k++) {
        char fl[CHR_MORPH_WORD];
        size_t n = strlen(ff[k].nom);
        chr_morph_fold(ff[k].nom, n, fl);
        if (chr_lex_get(CHR_LEX_SURNAMES, fl, n))
            return 1;
    }
    return 0;
}

static int is_particle(const chr_document *d, uint32_t i)
{
    return is_word(d, i) && chr_lex_get(CHR_LEX_NAME_PARTICLES, tfold(d, i), tlen(d, i)) != NULL;
}

/* A capitalised title word right after a first name is a surname there
   (Дик Адвокат, Виктор Понедельник is the same case for a weekday). */
static int title_as_surname(const names_ctx *c, uint32_t i)
{
    const chr_document *d = c->doc;
    uint32_t lex = d->toks[i].lex;
    if (!is_cap(d, i) || c->tok_ment[i] >= 0 || (c->tok_info[i] & TI_QUOTED) ||
        (lex & (CHR_W_STOP | CHR_W_PRONOUN)) || is_all_upper(d, i))
        return 0;
    if (lex & CHR_W_TITLE)
        return 1;
    return (lex & CHR_W_NOT_NAME) && !(c->tok_info[i] & TI_SENT_START) &&
           ((lex & CHR_W_MONTH) || chr_lex_get(CHR_LEX_WEEKDAYS, tfold(d, i), tlen(d, i)));
}

/* аль-Хадж, эль-Масри, фон-Браун: a lower-case particle joined to a
   capitalised name by a hyphen. */
static int particle_surname(const names_ctx *c, uint32_t i)
{
    const chr_document *d = c->doc;
    if (!is_word(d, i) || is_cap(d, i) || c->tok_ment[i] >= 0 || (c->tok_info[i] & TI_QUOTED))
        return 0;
    const char *t = ttext(d, i);
    const char *hy = memchr(t, '-', tlen(d, i));
    if (!hy || hy == t || (size_t)(hy - t) + 1 >= tlen(d, i))
        return 0;
    size_t adv;
    uint32_t cp = chr_utf8_next((const unsigned char *)hy + 1, tlen(d, i) - (size_t)(hy - t) - 1, &adv);
    return chr_cp_is_upper(cp) && chr_lex_get(CHR_LEX_NAME_PARTICLES, tfold(d, i), (size_t)(hy - t));
}

/* geo.c reads "Питер" and "Королёв" as places; right after a first name
   they are a person's names.  Such single-word places are dropped before
   anything refers to them. */
static void release_names_from_places(names_ctx *c)
{
    chr_document *d = c->doc;
    uint32_t w = 0;
    for (uint32_t m = 0; m < d->n_ments; m++) {
        chr_ent_mention *e = &d->ments[m];
        uint32_t a = e->tok_first;
        int drop = 0;
        if (e->kind == CHR_KIND_LOCATION && e->tok_end == a + 1 && a < d->n_toks && is_cap(d, a) &&
            !is_all_upper(d, a)) {
            uint32_t s = d->toks[a].sentence;
            /* Питер Данн: a first name, then a surname-like word */
            if ((d->toks[a].lex & CHR_W_GIVEN) && a + 1 < d->n_toks && d->toks[a + 1].sentence == s &&
                is_cap(d, a + 1) && c->tok_ment[a + 1] < 0 && !is_all_upper(d, a + 1) &&
                !(d->toks[a + 1].lex & (CHR_W_STOP | CHR_W_NOT_NAME | CHR_W_TITLE | CHR_W_MONTH)))
                drop = 1;
            /* Владимир Королёв: a place right after a first name */
            if (a > 0 && d->toks[a - 1].sentence == s && is_cap(d, a - 1) && c->tok_ment[a - 1] < 0 &&
                (d->toks[a - 1].lex & CHR_W_GIVEN) && !(d->toks[a - 1].lex & CHR_W_NOT_NAME) &&
                d->toks[a - 1].end < d->toks[a].start)
                drop = 1;
        }
        if (drop) {
            c->tok_ment[a] = -1;
            continue;
        }
        for (uint32_t t = e->tok_first; t < e->tok_end && t < d->n_toks; t++)
            c->tok_ment[t] = (int32_t)w;
        d->ments[w++] = *e;
    }
    d->n_ments = w;
}

/* ------------------------------------------------------ family names */

static uint32_t hash_str(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static uint32_t prefix_bit(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n && i < 6; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h & 4095;
}

static int fam_add(names_ctx *c, const char *fold)
{
    uint32_t pb = prefix_bit(fold, strlen(fold));
    c->fam_prefix[pb / 64] |= 1ull << (pb % 64);
    if (c->n_fam * 2 >= c->fam_mask) {
        uint32_t ncap = c->fam_mask ? (c->fam_mask + 1) * 2 : 64;
        const char **nt = calloc(ncap, sizeof *nt);
        if (!nt) {
            c->doc->status = CHR_ERR_NOMEM;
            return -1;
        }
        for (uint32_t k = 0; c->fam && k <= c->fam_mask; k++) {
            if (!c->fam[k])
                continue;
            uint32_t h = hash_str(c->fam[k], strlen(c->fam[k])) & (ncap - 1);
            while (nt[h])
                h = (h + 1) & (ncap - 1);
            nt[h] = c->fam[k];
        }
        free(c->fam);
        c->fam = nt;
        c->fam_mask = ncap - 1;
    }
    size_t n = strlen(fold);
    uint32_t h = hash_str(fold, n) & c->fam_mask;
    while (c->fam[h]) {
        if (strcmp(c->fam[h], fold) == 0)
            return 0;
        h = (h + 1) & c->fam_mask;
    }
    c->fam[h] = fold;
    c->n_fam++;
    return 0;
}

static int fam_has(const names_ctx *c, const char *s, size_t n)
{
    if (!c->fam)
        return 0;
    uint32_t h = hash_str(s, n) & c->fam_mask;
    while (c->fam[h]) {
        if (strlen(c->fam[h]) == n && memcmp(c->fam[h], s, n) == 0)
            return 1;
        h = (h + 1) & c->fam_mask;
    }
    return 0;
}

/* ---------------------------------------------------------- mentions */

static char *fold_dup(chr_document *d, const char *s)
{
    size_t n = strlen(s);
    char *p = chr_strndup(d, s, n);
    if (p)
        chr_morph_fold(p, n, p);
    return p;
}

int32_t chr_names_add_person(names_ctx *c, uint32_t a, uint32_t b, const char *given,
                          const char *patr, const char *family, uint8_t cases, uint8_t gender)
{
    chr_document *d = c->doc;
    chr_ent_mention m;
    memset(&m, 0, sizeof m);
    m.start = d->toks[a].start;
    m.end = d->toks[b - 1].end;
    m.tok_first = a;
    m.tok_end = b;
    m.sentence = d->toks[a].sentence;
    m.kind = CHR_KIND_PERSON;
    m.type = CHR_MENTION_NAME;
    for (uint8_t k = CHR_CASE_NOM; k <= CHR_CASE_PREP; k++)
        if (cases == CHR_CM(k))
            m.gram_case = k;
    m.gender = gender == CHR_G_M ? 'm' : gender == CHR_G_F ? 'f' : 0;
    m.given = given ? chr_strdup(d, given) : NULL;
    m.patronymic = patr ? chr_strdup(d, patr) : NULL;
    m.family = family ? chr_strdup(d, family) : NULL;
    m.role = -1;
    m.participant = -1;
    if ((given && !m.given) || (patr && !m.patronymic) || (family && !m.family))
        return -1;
    int32_t idx = chr_add_mention(d, &m);
    if (idx < 0)
        return -1;
    for (uint32_t t = a; t < b; t++)
        c->tok_ment[t] = idx;
    if (family) {
        char *ff = fold_dup(d, family);
        if (!ff || fam_add(c, ff) < 0)
            return -1;
    }
    size_t gl = given ? strlen(given) : 0;
    if (given && family && gl > 3) {
        char *gg = chr_alloc(d, gl + 2);
        if (!gg)
            return -1;
        gg[0] = '=';
        chr_morph_fold(given, gl, gg + 1);
        gg[gl + 1] = '\0';
        if (fam_add(c, gg) < 0)
            return -1;
    }
    return idx;
}

/* A patronymic made from a known first name (Николаевич <- Николай) and
   not a listed surname (Абрамович). */
static int patronymic_of_name(const chr_document *d, uint32_t i)
{
    const char *f = tfold(d, i);
    size_t n = tlen(d, i);
    if (chr_lex_get(CHR_LEX_SURNAMES, f, n))
        return 0;
    /* stems, so that every case matches (Марковны, Николаевичу) */
    static const struct { const char *suf, *rep; } forms[] = {
        {"ьевич", "ий"}, {"ьевн", "ий"}, {"евич", "й"}, {"евн", "й"}, {"евич", "ь"},
        {"евн", "ь"}, {"ович", ""}, {"овн", ""}, {"ич", "а"}, {"ичн", "а"}};
    char key[CHR_MORPH_WORD + 8];
    for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
        const char *p = NULL;
        size_t sl = strlen(forms[k].suf);
        for (size_t at = 0; at + sl <= n && !p; at++)
            if (memcmp(f + at, forms[k].suf, sl) == 0 && n - at - sl <= 6)
                p = f + at;
        if (!p)
            continue;
        size_t stem = (size_t)(p - f), rl = strlen(forms[k].rep);
        if (stem + rl >= sizeof key)
            continue;
        memcpy(key, f, stem);
        memcpy(key + stem, forms[k].rep, rl);
        if (chr_lex_get(CHR_LEX_GIVEN_NAMES, key, stem + rl))
            return 1;
    }
    return 0;
}

static int adjective_shaped(const char *f, size_t n)
{
    static const ending e[] = {END("ий"), END("ый"), END("ой"), END("ая"), END("ое"), END("ого"),
                               END("ому"), END("ым"), END("им"), END("ую"), END("ых"), END("их"),
                               END("ыми"), END("ими"), END("ей"), END("ом")};
    if (ENDS_IN(f, n, e))
        return 1;
    return 0;
}

/* Ends like an adjective in any case (Московский, Балтийских): never an
   unknown first name or surname.  -ом/-ем/-им/-ой/-ей are left out, as
   declined foreign names end so too (Мохсеном, Салим). */
static int adjective_form(const char *f, size_t n)
{
    static const ending e[] = {END("ый"), END("ий"), END("ая"), END("яя"), END("ое"), END("ее"),
                               END("ого"), END("его"), END("ому"), END("ему"), END("ую"), END("юю"),
                               END("ых"), END("их"), END("ыми"), END("ими")};
    if (ENDS_IN(f, n, e))
        return 1;
    return 0;
}

/* An organisation's head noun in any case, capitalised inside a title's
   complement (Совета, Министерства, Комитета): the words after it are the
   organisation's name, not a person's. */
static int org_descriptor(const names_ctx *c, uint32_t i)
{
    const chr_document *d = c->doc;
    chr_geo_cand cand[CHR_GEO_MAX_CANDS];
    if (tlen(d, i) >= CHR_GEO_WORD_MAX || n_letters(d, i) < 4)
        return 0;
    morph_memo *m = c->memo;
    uint32_t h = chr_names_memo_slot(ttext(d, i), tlen(d, i), 2) & (TITLE_MEMO - 1);
    if (m && m->org[h].key) {
        uint32_t o = m->org[h].key - 1;
        if (tlen(d, o) == tlen(d, i) && memcmp(ttext(d, o), ttext(d, i), tlen(d, i)) == 0)
            return m->org[h].yes;
    }
    int n = chr_geo_cands(tfold(d, i), tlen(d, i), cand, CHR_GEO_MAX_CANDS), yes = 0;
    for (int k = 0; k < n && !yes; k++)
        yes = chr_lex_get(CHR_LEX_ORG_DESCRIPTORS, cand[k].s, cand[k].n) != NULL;
    if (m) {
        m->org[h].key = i + 1;
        m->org[h].yes = (uint8_t)yes;
    }
    return yes;
}

/* The token after a short quotation opening at j («Туркменгаза»), or j. */
static uint32_t quoted_name_end(const names_ctx *c, uint32_t j, uint32_t send)
{
    const chr_document *d = c->doc;
    if (!(d->toks[j].flags & CHR_TF_QUOTE_OPEN) || j + 2 >= send || !(c->tok_info[j + 1] & TI_QUOTED) ||
        !is_cap(d, j + 1))
        return j;
    uint32_t k = j + 1;
    while (k < send && (c->tok_info[k] & TI_QUOTED))
        k++;
    return k < send && (d->toks[k].flags & CHR_TF_QUOTE_CLOSE) ? k + 1 : j;
}

/* The cases the title phrase ending right before token i governs, or 0. */
static uint8_t phrase_cases_before(const names_ctx *c, uint32_t i)
{
    uint32_t lo = 0, hi = c->n_ph;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c->ph[mid].cb < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->n_ph && c->ph[lo].cb == i ? c->ph[lo].cases : 0;
}

/* "В." or "В. В." at i: returns the token after them, writes "В." / "В." */
static uint32_t read_initials(const names_ctx *c, uint32_t i, uint32_t send, char *g, char *p)
{
    const chr_document *d = c->doc;
    g[0] = p[0] = '\0';
    if (!is_initial(d, i, send))
        return i;
    size_t n = tlen(d, i);
    memcpy(g, ttext(d, i), n);
    memcpy(g + n, ".", 2);
    i += 2;
    if (i < send && is_initial(d, i, send)) {
        n = tlen(d, i);
        memcpy(p, ttext(d, i), n);
        memcpy(p + n, ".", 2);
        i += 2;
    }
    return i;
}

/* The cases a name at token a can take by the word before it: a
   preposition's cases; the nominative after a verb, an adverb, punctuation
   or the start of a sentence; anything (0) after a noun, which governs the
   genitive as often as not (заявление Мэтью Брайза). */
static uint8_t context_cases(const names_ctx *c, uint32_t a, uint32_t b)
{
    const chr_document *d = c->doc;
    if (a == 0 || (c->tok_info[a] & TI_SENT_START) || d->toks[a - 1].sentence != d->toks[a].sentence)
        return CHR_CM(CHR_CASE_NOM);
    /* a title right before: the name stands in its case (посол Японии
       Синдзи Харада).  Titles are animate, so their bare form is no
       accusative. */
    uint8_t pc = phrase_cases_before(c, a);
    if (pc) {
        if ((pc & CHR_CM(CHR_CASE_ACC)) && !(pc & CHR_CM(CHR_CASE_GEN)))
            pc &= (uint8_t)~CHR_CM(CHR_CASE_ACC);
        if (pc)
            return pc;
    }
    uint32_t p = a - 1;
    if (!is_word(d, p))
        return CHR_CM(CHR_CASE_NOM);
    const char *pl = chr_lex_get(CHR_LEX_NAME_CASE_WORDS, tfold(d, p), tlen(d, p));
    if (pl) {
        static const char letters[] = "ngdaip";
        uint8_t m = 0;
        for (const char *q = pl; *q; q++) {
            const char *at = strchr(letters, *q);
            if (at && *q)
                m |= CHR_CM(CHR_CASE_NOM + (at - letters));
        }
        return m;
    }
    const char *f = tfold(d, p);
    size_t n = tlen(d, p);
    /* a plural verb has no single person for its subject: the name is its
       object (встретили Джеффри Уильямса), unless more names follow
       (приняли участие Синдзи Харада и ...) */
    if (!is_cap(d, p) && n_letters(d, p) >= 4 &&
        (ends_with(f, n, "ли") || ends_with(f, n, "ют") || ends_with(f, n, "ят")) &&
        (b >= d->n_toks || d->toks[b].sentence != d->toks[a].sentence ||
         !(tok_is(d, b, "и") || tok_is(d, b, ","))))
        return CHR_CM(CHR_CASE_GEN) | CHR_CM(CHR_CASE_ACC);
    /* verbs, and short participles (назначен, избрана) */
    static const ending verbish[] = {END("л"), END("ла"), END("ли"), END("ло"), END("ет"),
                                     END("ит"), END("ют"), END("ят"), END("ат"), END("ся"),
                                     END("сь"), END("ен"), END("ан"), END("на"), END("ны"),
                                     END("ён")};
    if (ENDS_IN(f, n, verbish))
        return CHR_CM(CHR_CASE_NOM);
    if (d->toks[p].lex & (CHR_W_STOP | CHR_W_NOT_NAME))
        return CHR_CM(CHR_CASE_NOM);
    return 0;
}

/* The best joint reading of first name (+ patronymic) + surname. */
static int full_name(names_ctx *c, uint32_t a, uint32_t gi, uint32_t pi, uint32_t fi,
                     uint32_t part, uint32_t b)
{
    const chr_document *d = c->doc;
    chr_name_form gf[CHR_MORPH_MAX], pf[CHR_MORPH_MAX], ff[CHR_MORPH_MAX];
    int ng = chr_names_forms(c, gi, 1, gf);
    int np = pi != UINT32_MAX ? chr_morph_patronymic(ttext(d, pi), tlen(d, pi), pf, CHR_MORPH_MAX) : 0;
    int nf = fi != UINT32_MAX ? chr_names_forms(c, fi, 0, ff) : 0;
    int bg = -1, bp = -1, bf = -1, best = 1 << 30;
    for (int g = 0; g < ng; g++) {
        uint8_t cases = gf[g].cases, gender = gf[g].gender;
        int score = gf[g].prio * 4, p = -1, f = -1;
        if (np) {
            p = chr_morph_pick(pf, np, cases, gender);
            score += pf[p].prio + ((pf[p].cases & cases) ? 0 : 100) + ((pf[p].gender & gender) ? 0 : 50);
            cases &= pf[p].cases ? pf[p].cases : cases;
        }
        if (nf) {
            /* an indeclinable first name says nothing of the case: the
               word before the name may (с Синдзи Харадой, • Коффи Коджа) */
            if (cases == CHR_CM_ALL) {
                uint8_t ctx = context_cases(c, a, b);
                f = chr_morph_pick(ff, nf, ctx, gender);
                if (ff[f].prio > 2 || !(ff[f].gender & gender) || (ctx && !(ff[f].cases & ctx)))
                    f = chr_morph_pick(ff, nf, cases, gender);   /* only a weak hint */
            } else {
                f = chr_morph_pick(ff, nf, cases, gender);
            }
            score += ff[f].prio + ((ff[f].cases & cases) ? 0 : 100) + ((ff[f].gender & gender) ? 0 : 50);
        }
        /* between equal readings, men are named more often in news */
        if (!(gender & CHR_G_M))
            score += 1;
        if (score < best) {
            best = score;
            bg = g;
            bp = p;
            bf = f;
        }
    }
    if (bg < 0)
        return 0;
    uint8_t cases = gf[bg].cases;
    if (bf >= 0 && (ff[bf].cases & cases))
        cases &= ff[bf].cases;
    const char *fam = bf >= 0 ? ff[bf].nom : NULL;
    char joined[CHR_MORPH_WORD * 2];
    if (fam && part != UINT32_MAX && tlen(d, part) + strlen(fam) + 2 < sizeof joined) {
        /* Ле Пен, бин Ладен: the particle as written, then the surname */
        memcpy(joined, ttext(d, part), tlen(d, part));
        joined[tlen(d, part)] = ' ';
        memcpy(joined + tlen(d, part) + 1, fam, strlen(fam) + 1);
        fam = joined;
    }
    return chr_names_add_person(c, a, b, gf[bg].nom, bp >= 0 ? pf[bp].nom : NULL, fam, cases,
                      gf[bg].gender) < 0 ? -1 : 1;
}

/* Pass 1 at token i: a name built around a first name or initials.
   Returns the token after it, i when none, or FAIL. */
static uint32_t person_at(names_ctx *c, uint32_t i, uint32_t send)
{
    chr_document *d = c->doc;
    if (!is_cap(d, i))
        return i;
    char gi[16], pi[16];
    uint32_t j = read_initials(c, i, send, gi, pi);
    if (j > i) {
        /* В. В. Путина */
        if (j < send && chr_names_namelike(c, j)) {
            chr_name_form ff[CHR_MORPH_MAX];
            int nf = chr_names_forms(c, j, 0, ff);
            int f = chr_morph_pick(ff, nf, 0, 0);
            if (f >= 0 && chr_names_add_person(c, i, j + 1, gi, pi[0] ? pi : NULL, ff[f].nom, ff[f].cases, 0) < 0)
                return FAIL;
            return f >= 0 ? j + 1 : i;
        }
        return i;
    }
    uint32_t ea = chr_names_east_asian(c, i, send);
    if (ea == FAIL || ea > i)
        return ea;
    if (!chr_names_namelike(c, i))
        return i;
    uint32_t lex = d->toks[i].lex;
    if ((c->tok_info[i] & TI_AFTER_PHRASE) && !(lex & CHR_W_GIVEN) && i + 1 < send &&
        chr_names_namelike(c, i + 1) && !adjective_form(tfold(d, i), tlen(d, i)) &&
        (!adjective_form(tfold(d, i + 1), tlen(d, i + 1)) || (d->toks[i + 1].lex & CHR_W_SURNAME)) &&
        !is_initial(d, i, send) && !is_initial(d, i + 1, send) &&
        (i + 2 >= send || !chr_names_namelike(c, i + 2))) {
        /* a title, then two capitalised words: a name the lexicon lacks
           (посол Японии в России Масахару Коно, с министром ... Билавалом
           Бхутто); both words decline as the title does */
        uint8_t want = phrase_cases_before(c, i);
        chr_name_form gf[CHR_MORPH_MAX], ff[CHR_MORPH_MAX];
        int ng = chr_names_forms(c, i, 0, gf);
        int nf = chr_names_forms(c, i + 1, 0, ff);
        int g = chr_morph_pick(gf, ng, want, CHR_G_M);
        int f = chr_morph_pick(ff, nf, want, CHR_G_M);
        if (f >= 0 && g >= 0) {
            uint8_t cases = ff[f].cases & gf[g].cases ? ff[f].cases & gf[g].cases : ff[f].cases;
            if (chr_names_add_person(c, i, i + 2, gf[g].nom, NULL, ff[f].nom, cases, 0) < 0)
                return FAIL;
            return i + 2;
        }
    }
    if (lex & CHR_W_GIVEN) {
        uint32_t k = i + 1, p = UINT32_MAX, f = UINT32_MAX;
        /* Реджеп Тайип Эрдоган, Хуан Пабло Монтойя: a second first name,
           listed, or the middle of three names that does not look like a
           surname */
        if (k + 1 < send && chr_names_namelike(c, k) && chr_names_namelike(c, k + 1) &&
            !(d->toks[k].lex & (CHR_W_SURNAME | CHR_W_PATRONYMIC)) &&
            ((d->toks[k].lex & CHR_W_GIVEN) ||
             (!(d->toks[k + 1].lex & (CHR_W_GIVEN | CHR_W_PATRONYMIC)) &&
              !is_initial(d, k, send) && !is_initial(d, k + 1, send) && !is_particle(d, k) &&
              !listed_surname(c, k) && (k + 2 >= send || !chr_names_namelike(c, k + 2)))))
            k++;
        if (k < send && chr_names_namelike(c, k) && (d->toks[k].lex & CHR_W_PATRONYMIC)) {
            if (k + 1 < send && chr_names_namelike(c, k + 1))
                p = k++;
            else if (!(d->toks[k].lex & CHR_W_GIVEN) && patronymic_of_name(d, k))
                p = k++;        /* Борис Николаевич */
        }
        uint32_t part = UINT32_MAX;
        if (k + 1 < send && is_particle(d, k) && chr_names_namelike(c, k + 1) && d->toks[k + 1].start > d->toks[k].end)
            part = k++;
        if (k < send && !is_initial(d, k, send) &&
            (chr_names_namelike(c, k) || title_as_surname(c, k) || particle_surname(c, k)))
            f = k++;
        if (p == UINT32_MAX && f == UINT32_MAX)
            return i;                     /* a lone first name: pass 2 */
        int r = full_name(c, i, i, p, f, part, k);
        return r < 0 ? FAIL : r ? k : i;
    }
    /* Путину Владимиру Владимировичу; Лавров С. В. */
    if (i + 1 < send && chr_names_namelike(c, i + 1) &&
        ((lex & CHR_W_SURNAME) || !(c->tok_info[i] & TI_SENT_START)) &&
        (d->toks[i + 1].lex & CHR_W_GIVEN) && i + 2 < send && chr_names_namelike(c, i + 2) &&
        (d->toks[i + 2].lex & CHR_W_PATRONYMIC)) {
        int r = full_name(c, i, i + 1, i + 2, i, UINT32_MAX, i + 3);
        return r < 0 ? FAIL : r ? i + 3 : i;
    }
    if (i + 1 < send && is_initial(d, i + 1, send) && (lex & CHR_W_SURNAME)) {
        uint32_t e = read_initials(c, i + 1, send, gi, pi);
        chr_name_form ff[CHR_MORPH_MAX];
        int nf = chr_names_forms(c, i, 0, ff);
        int f = chr_morph_pick(ff, nf, 0, 0);
        if (f < 0)
            return i;
        if (chr_names_add_person(c, i, e, gi, pi[0] ? pi : NULL, ff[f].nom, ff[f].cases, 0) < 0)
            return FAIL;
        return e;
    }
    return i;
}

/* ------------------------------------------------------------ titles */

static int add_phrase(names_ctx *c, const phrase *p)
{
    if (chr_grow(c->doc, (void **)&c->ph, &c->cap_ph, c->n_ph + 1, sizeof *c->ph) < 0)
        return -1;
    c->ph[c->n_ph++] = *p;
    return 0;
}

/* The complement of a title: genitive words, acronyms, organisations and
   places, up to the person it names. */
static uint32_t complement(const names_ctx *c, uint32_t j, uint32_t send)
{
    const chr_document *d = c->doc;
    uint32_t taken = 0;
    int org = 0;            /* inside an organisation's name (Совета ...) */
    while (j < send && taken < MAX_COMPLEMENT) {
        int32_t m = c->tok_ment[j];
        if (m >= 0 && d->ments[m].kind != CHR_KIND_PERSON && d->ments[m].tok_first == j) {
            j = d->ments[m].tok_end;
            taken++;
            continue;
        }
        uint32_t q = quoted_name_end(c, j, send);
        if (q > j) {
            /* глава «Туркменгаза»: a quoted name is an organisation's */
            j = q;
            taken++;
            continue;
        }
        if (!is_word(d, j) || m >= 0 || (c->tok_info[j] & TI_QUOTED))
            break;
        uint32_t lex = d->toks[j].lex;
        if ((tok_is(d, j, "в") || tok_is(d, j, "во") || tok_is(d, j, "на")) && taken > 0 &&
            j + 1 < send && c->tok_ment[j + 1] >= 0 && d->ments[c->tok_ment[j + 1]].kind == CHR_KIND_LOCATION &&
            d->ments[c->tok_ment[j + 1]].tok_first == j + 1 &&
            d->ments[c->tok_ment[j + 1]].tok_end < send &&
            is_cap(d, d->ments[c->tok_ment[j + 1]].tok_end) &&
            c->tok_ment[d->ments[c->tok_ment[j + 1]].tok_end] < 0) {
            /* посол Японии в России Масахару Коно */
            j = d->ments[c->tok_ment[j + 1]].tok_end;
            taken += 2;
            continue;
        }
        if (lex & (CHR_W_STOP | CHR_W_NOT_NAME | CHR_W_PRONOUN | CHR_W_MONTH))
            break;
        /* сегодня, затем: adverbs that look like genitives */
        if (!(lex & CHR_W_TITLE) && chr_lex_get(CHR_LEX_NOT_NAMES, tfold(d, j), tlen(d, j)))
            break;
        if (is_cap(d, j)) {
            if (is_initial(d, j, send) || (lex & CHR_W_GIVEN))
                break;
            if (!is_all_upper(d, j) && !(lex & CHR_W_TITLE)) {
                if (org_descriptor(c, j) ||
                    (org && adjective_form(tfold(d, j), tlen(d, j)))) {
                    /* Совета Прикаспийских государств */
                    org = 1;
                    j++;
                    taken++;
                    continue;
                }
                /* a name, not a place: a surname by shape or list, or two
                   capitalised words in a row (Ху Цзиньтао, Зепп Блаттер) */
                if ((lex & CHR_W_SURNAME) ||
                    chr_lex_get(CHR_LEX_PERSON_EAST_ASIAN, tfold(d, j), tlen(d, j)))
                    break;
                if (j + 1 < send && is_cap(d, j + 1) && c->tok_ment[j + 1] < 0 &&
                    !is_all_upper(d, j + 1) &&
                    !(d->toks[j + 1].lex & (CHR_W_TITLE | CHR_W_GIVEN)) && !is_initial(d, j + 1, send))
                    break;
                if (listed_surname(c, j))
                    break;
            }
        } else if (!genitive_like(d, j)) {
            /* иностранных дел, вооружённых сил: a noun after a plural adjective */
            const char *pf = j > 0 ? tfold(d, j - 1) : "";
            size_t pl = j > 0 ? tlen(d, j - 1) : 0;
            if (!(taken > 0 && (ends_with(pf, pl, "ых") || ends_with(pf, pl, "их")) &&
                  !(lex & CHR_W_STOP)))
                break;
        }
        j++;
        taken++;
    }
    return j;
}

/* A title phrase starting at i, if any; returns the token after its
   complement, i when none, or FAIL. */
static uint32_t phrase_at(names_ctx *c, uint32_t i, uint32_t send)
{
    chr_document *d = c->doc;
    const chr_token *t = &d->toks[i];
    if (!(t->lex & CHR_W_TITLE) || !t->lemma || c->tok_ment[i] >= 0 || (c->tok_info[i] & TI_QUOTED))
        return i;
    char key[256];
    size_t kl = 0;
    const char *best_flags = NULL;
    size_t best_kl = 0;
    uint32_t best_end = i, head = i;
    int inflecting = 1;
    uint32_t best_head = i;
    for (uint32_t k = i; k < send && k < i + MAX_TITLE_WORDS; k++) {
        const chr_token *tk = &d->toks[k];
        if (!is_word(d, k) || c->tok_ment[k] >= 0)
            break;
        const char *w;
        size_t wl;
        if (inflecting && (tk->lex & CHR_W_TITLE) && tk->lemma) {
            w = tk->lemma;
            wl = tk->lemma_len;
            head = k;
        } else {
            w = tfold(d, k);
            wl = tlen(d, k);
            inflecting = 0;
        }
        if (kl + wl + 2 > sizeof key)
            break;
        if (kl)
            key[kl++] = ' ';
        memcpy(key + kl, w, wl);
        kl += wl;
        const char *pl = chr_lex_get(CHR_LEX_TITLES, key, kl);
        if (pl && pl[0] != '@') {
            int modifier = strcmp(pl, "a") == 0;
            if (!modifier) {
                best_flags = pl;
                best_kl = kl;
                best_end = k + 1;
                best_head = head;
            }
            /* after the head noun the title goes on only as fixed words */
            if (!modifier)
                inflecting = 0;
        } else if (inflecting && (tk->lex & CHR_W_TITLE)) {
            const char *p1 = chr_lex_get(CHR_LEX_TITLES, tk->lemma, tk->lemma_len);
            if (!p1 || strcmp(p1, "a") != 0)
                inflecting = 0;
        }
    }
    if (!best_flags)
        return i;
    phrase p;
    memset(&p, 0, sizeof p);
    p.a = i;
    p.b = best_end;
    p.sentence = t->sentence;
    p.flags = best_flags;
    p.key = chr_strndup(d, key, best_kl);
    const chr_token *ht = &d->toks[best_head];
    p.head = chr_strndup(d, ht->lemma, ht->lemma_len);
    p.head_tok = best_head;
    if (!p.key || !p.head)
        return FAIL;
    uintptr_t lp = (uintptr_t)ht->lemma;
    uint32_t slot = (uint32_t)((lp >> 4) ^ (lp >> 14)) & (TITLE_MEMO - 1);
    if (c->memo && c->memo->title[slot].lemma == ht->lemma) {
        p.cases = c->memo->title[slot].cases;
        p.plural = c->memo->title[slot].plural;
    } else {
        char lemma[CHR_MORPH_WORD];
        chr_morph_title(tfold(d, best_head), tlen(d, best_head), lemma, sizeof lemma, &p.cases, &p.plural);
        if (c->memo) {
            c->memo->title[slot].lemma = ht->lemma;
            c->memo->title[slot].cases = p.cases;
            c->memo->title[slot].plural = p.plural;
        }
    }
    p.cap = is_cap(d, i);
    p.cb = complement(c, p.b, send);
    if (p.plural == 2) {
        /* главы государства (one) / главы государств (many) */
        uint32_t n = p.b;
        if (n < send && is_word(d, n) && !is_cap(d, n)) {
            const char *f = tfold(d, n);
            size_t nl = tlen(d, n);
            p.plural = (ends_with(f, nl, "а") || ends_with(f, nl, "я") || ends_with(f, nl, "ы") ||
                        ends_with(f, nl, "и")) ? 0 : 1;
        } else {
            p.plural = 0;
        }
    }
    for (uint32_t k = p.a; k < p.cb; k++)
        c->tok_info[k] |= TI_PHRASE;
    if (p.cb < send)
        c->tok_info[p.cb] |= TI_AFTER_PHRASE;
    if (add_phrase(c, &p) < 0)
        return FAIL;
    return p.cb > i ? p.cb : i + 1;
}

/* ------------------------------------------------------------ pass 2 */


/* The gender a kinship noun right before token i gives a name in
   apposition (мать Раиса, сын Андрей), or 0. */
static uint8_t kin_gender(const chr_document *d, uint32_t i)
{
    if (i == 0 || !is_word(d, i - 1) || d->toks[i - 1].sentence != d->toks[i].sentence)
        return 0;
    const char *pl = chr_lex_get(CHR_LEX_PERSON_KIN, tfold(d, i - 1), tlen(d, i - 1));
    if (!pl)
        return 0;
    return pl[0] == 'f' ? CHR_G_F : pl[0] == 'm' ? CHR_G_M : 0;
}

/* Is the word before token i a place noun (город Дацин, аэропорту Рейган)
   or the first word of a place name (Коста Рика, Сан Луис)?  Then a lone
   name there is a place's. */
static int place_before(const names_ctx *c, uint32_t i)
{
    const chr_document *d = c->doc;
    if (i == 0 || !is_word(d, i - 1) || d->toks[i - 1].sentence != d->toks[i].sentence)
        return 0;
    const char *f = tfold(d, i - 1);
    size_t n = tlen(d, i - 1);
    if (chr_lex_get(CHR_LEX_PERSON_PLACE_PARTICLES, f, n))
        return 1;
    if (is_cap(d, i - 1) || n > 40)
        return 0;
    /* the place nouns' lexicon is nominative: try the stem with the
       usual endings (аэропорту, реки, площади, городе) */
    static const char *const rep[] = {"", "а", "ь", "я"};
    for (size_t cut = 0; cut <= 6 && cut < n; cut += 2) {
        char key[48];
        for (size_t r = 0; r < sizeof rep / sizeof rep[0]; r++) {
            size_t rl = strlen(rep[r]);
            if (n - cut + rl >= sizeof key || (cut == 0 && rl))
                continue;
            memcpy(key, f, n - cut);
            memcpy(key + n - cut, rep[r], rl);
            if (chr_lex_get(CHR_LEX_GEO_PLACE_NOUNS, key, n - cut + rl))
                return 1;
        }
    }
    return 0;
}

/* Whether token i starts like a family name the document has named: a
   one-bit test that spares the morphology most words. */
static int family_prefix_seen(const names_ctx *c, const chr_document *d, uint32_t i)
{
    uint32_t pb = prefix_bit(tfold(d, i), tlen(d, i));
    return (c->fam_prefix[pb / 64] & (1ull << (pb % 64))) != 0;
}

/* The likeliest of the readings ff[0..nf) whose nominative is a family the
   document has named, or -1. */
static int attested_family(const names_ctx *c, const chr_name_form *ff, int nf)
{
    int best = -1;
    for (int k = 0; k < nf; k++) {
        char fl[CHR_MORPH_WORD];
        size_t n = strlen(ff[k].nom);
        chr_morph_fold(ff[k].nom, n, fl);
        if (fam_has(c, fl, n) && (best < 0 || ff[k].prio < ff[best].prio))
            best = k;
    }
    return best;
}

/* A lone capitalised word that the document names elsewhere in full, that
   follows a title, or whose shape says surname. */
static int lone_name(names_ctx *c, uint32_t i)
{
    chr_document *d = c->doc;
    if (!chr_names_namelike(c, i)) {
        /* a named person's surname stays theirs in a short quotation
           («памятник Ельцину») or when it is also a title word
           (Дик Адвокат ... Адвокат ведёт себя) */
        uint8_t keep = c->tok_info[i];
        int title = title_as_surname(c, i) && !(keep & TI_SENT_START);
        c->tok_info[i] &= (uint8_t)~TI_QUOTED;
        int quoted = (keep & TI_QUOTED) && chr_names_namelike(c, i);
        c->tok_info[i] = keep;
        if (!title && !quoted)
            return 0;
        chr_name_form ff[CHR_MORPH_MAX];
        int nf = chr_names_forms(c, i, 0, ff);
        for (int k = 0; k < nf; k++) {
            char fl[CHR_MORPH_WORD];
            size_t n = strlen(ff[k].nom);
            chr_morph_fold(ff[k].nom, n, fl);
            if (fam_has(c, fl, n))
                return chr_names_add_person(c, i, i + 1, NULL, NULL, ff[k].nom, ff[k].cases, 0) < 0 ? -1 : 1;
        }
        return 0;
    }
    uint32_t lex = d->toks[i].lex;
    uint8_t info = c->tok_info[i];
    if (!(lex & (CHR_W_SURNAME | CHR_W_GIVEN)) && !(info & TI_AFTER_PHRASE) &&
        !family_prefix_seen(c, d, i))
        return 0;                       /* nothing could make it a name */
    chr_name_form ff[CHR_MORPH_MAX];
    int nf = chr_names_forms(c, i, 0, ff);
    /* a family the document has named: the likeliest attested reading */
    int best = attested_family(c, ff, nf);
    uint8_t want = 0;
    if (best < 0 && (info & TI_AFTER_PHRASE)) {
        /* the title before it governs its case: президента Токаева */
        want = phrase_cases_before(c, i);
        if ((!(lex & CHR_W_GIVEN) || (lex & CHR_W_SURNAME)) &&
            (!adjective_shaped(tfold(d, i), tlen(d, i)) || (lex & CHR_W_SURNAME)) &&
            !(i + 1 < d->n_toks && chr_names_namelike(c, i + 1)))
            best = chr_morph_pick(ff, nf, want, 0);
    }
    /* analyze.c marked every word of shape 2 or more */
    int shape = (lex & CHR_W_SURNAME) ? chr_morph_surname_shape(tfold(d, i), tlen(d, i)) : 1;
    if (best < 0 && !(lex & CHR_W_GIVEN) && shape >= 2 && !place_before(c, i)) {
        /* alone, with nothing else saying "person": not at the start of a
           sentence, and not shaped like an adjective (Московский,
           Нобелевской) unless listed */
        int start = (info & TI_SENT_START) != 0;
        int adj = adjective_shaped(tfold(d, i), tlen(d, i));
        for (int k = 0; k < nf && adj; k++) {
            char fl[CHR_MORPH_WORD];
            size_t n = strlen(ff[k].nom);
            chr_morph_fold(ff[k].nom, n, fl);
            if (ff[k].prio == 0 && (ends_with(fl, n, "ов") || ends_with(fl, n, "ев") ||
                                    ends_with(fl, n, "ин") || ends_with(fl, n, "ова") ||
                                    ends_with(fl, n, "ева") || ends_with(fl, n, "ина")))
                adj = 0;                  /* Токаевым, Ивановой */
        }
        if (shape == 3 || listed_surname(c, i) || (!start && !adj))
            best = chr_morph_pick(ff, nf, 0, 0);
    }
    if (best >= 0) {
        uint8_t g = ff[best].gender == CHR_G_ANY ? 0 : ff[best].gender;
        return chr_names_add_person(c, i, i + 1, NULL, NULL, ff[best].nom, ff[best].cases & (want ? want : 0xFF), g) < 0 ? -1 : 1;
    }
    if ((lex & CHR_W_GIVEN) && !place_before(c, i)) {
        chr_name_form gf[CHR_MORPH_MAX];
        int ng = chr_names_forms(c, i, 1, gf);
        uint8_t kin = kin_gender(d, i);
        int g = chr_morph_pick(gf, ng, 0, kin ? kin : CHR_G_M);
        int known = 0;
        if (g >= 0 && (info & TI_SENT_START)) {
            char fl[CHR_MORPH_WORD + 2];
            size_t n = strlen(gf[g].nom);
            fl[0] = '=';          /* first names share the set, marked */
            chr_morph_fold(gf[g].nom, n, fl + 1);
            known = fam_has(c, fl, n + 1);
        }
        if (g >= 0 && (!(info & TI_SENT_START) || known))
            return chr_names_add_person(c, i, i + 1, gf[g].nom, NULL, NULL, gf[g].cases, gf[g].gender) < 0 ? -1 : 1;
    }
    return 0;
}

/* Is token i joined to a surname standing alone by a comma, a bracket, "и"
   or a dash (Сёмин, Тютин; Топалов — Крамник; Бернс (Рой, Грин))?
   Returns the cases the neighbour allows (coordinated names share their
   case), or 0. */
static int list_link(const chr_document *d, uint32_t j)
{
    static const char *const links[] = {",", "(", ")", "\xd0\xb8", "\xe2\x80\x94", "\xe2\x80\x93"};
    for (size_t l = 0; l < sizeof links / sizeof links[0]; l++)
        if (tok_is(d, j, links[l]))
            return 1;
    return 0;
}

static uint8_t coordinated(const names_ctx *c, uint32_t i)
{
    const chr_document *d = c->doc;
    /* in a list a name stands between delimiters, and nothing capitalised
       but names is listed with it (Сената и Синода, Зорькин: a list of
       things) */
    for (int side = 0; side < 2; side++) {
        uint32_t j = side ? i + 1 : i - 1;
        if ((!side && i == 0) || (side && j >= d->n_toks) || d->toks[j].sentence != d->toks[i].sentence)
            continue;
        /* a preposition or a capitalised word next to it: part of a phrase
           (в Союз, Героя Российской Федерации) */
        if (is_word(d, j) && !list_link(d, j) && (is_cap(d, j) || (d->toks[j].lex & CHR_W_STOP)))
            return 0;
        uint32_t k = side ? i + 2 : i - 2;
        if (tok_is(d, j, "\xd0\xb8") && ((side && k < d->n_toks) || (!side && i >= 2)) &&
            d->toks[k].sentence == d->toks[i].sentence && is_cap(d, k) &&
            (c->tok_ment[k] < 0 || d->ments[c->tok_ment[k]].kind != CHR_KIND_PERSON))
            return 0;
    }
    for (int side = 0; side < 2; side++) {
        uint32_t j = side ? i + 1 : i - 1, k = side ? i + 2 : i - 2;
        if ((!side && i < 2) || (side && i + 2 >= d->n_toks))
            continue;
        if (d->toks[j].sentence != d->toks[i].sentence || d->toks[k].sentence != d->toks[i].sentence)
            continue;
        if (!list_link(d, j))
            continue;
        /* a list of surnames: the neighbour is one word too (a first name
           alone there is as likely a surname: Бернс (Рой, Грин)) */
        int32_t m = c->tok_ment[k];
        if (m >= 0 && d->ments[m].kind == CHR_KIND_PERSON && d->ments[m].type == CHR_MENTION_NAME &&
            d->ments[m].tok_end == d->ments[m].tok_first + 1)
            return d->ments[m].gram_case ? CHR_CM(d->ments[m].gram_case) : CHR_CM_ALL;
    }
    return 0;
}

/* Pass 3: surnames alone that stand in a list with other persons' names,
   or that such a list has just named (Бернс ... Бернс (Сен-Луи, Хитли)).
   One pass in document order; each name found helps those after it. */
static int listed_names(names_ctx *c, uint32_t i)
{
    chr_document *d = c->doc;
    /* Latin words after a name are its spelling (Джошуа Вольф (Joshua Wolf)) */
    if (!chr_names_namelike(c, i) || (d->toks[i].lex & (CHR_W_GIVEN | CHR_W_PATRONYMIC)) ||
        !(d->toks[i].flags & CHR_TF_CYR) || n_letters(d, i) < 3 ||
        adjective_shaped(tfold(d, i), tlen(d, i)) || (i > 0 && is_particle(d, i - 1)))
        return 0;
    /* first in its sentence (a list item: • 03:54 Бернс (Рой, Грин)) only
       with the list right after it */
    if ((c->tok_info[i] & TI_SENT_START) &&
        !(i + 1 < d->n_toks && (tok_is(d, i + 1, "(") || tok_is(d, i + 1, ","))))
        return 0;
    uint8_t cases = coordinated(c, i);
    if (!cases && !family_prefix_seen(c, d, i))
        return 0;                       /* cheap test before the morphology */
    chr_name_form ff[CHR_MORPH_MAX];
    int nf = chr_names_forms(c, i, 0, ff);
    int best = attested_family(c, ff, nf);
    if (best >= 0)
        cases = 0;
    if (cases) {
        best = chr_morph_pick(ff, nf, cases, 0);
        if (best >= 0 && !(ff[best].cases & cases))
            best = -1;                  /* звание Героя is no name beside Сёмин */
    }
    if (best < 0)
        return 0;
    uint8_t g = ff[best].gender == CHR_G_ANY ? 0 : ff[best].gender;
    return chr_names_add_person(c, i, i + 1, NULL, NULL, ff[best].nom, ff[best].cases, g) < 0 ? -1 : 1;
}

/* ------------------------------------------------------------- stage */

static void mark_quotes(names_ctx *c, uint32_t a, uint32_t send)
{
    chr_document *d = c->doc;
    for (uint32_t i = a; i < send; i++) {
        /* quotes are « “ „ or ": a byte test spares the rest */
        unsigned char b0 = (unsigned char)ttext(d, i)[0];
        if (is_word(d, i) || (b0 != 0xC2 && b0 != 0xE2 && b0 != '"'))
            continue;
        int open = tok_is(d, i, "\xc2\xab") || tok_is(d, i, "\xe2\x80\x9c") ||
                   tok_is(d, i, "\xe2\x80\x9e") || tok_is(d, i, "\"");
        if (!open)
            continue;
        /* a short quotation is a name of a thing (a film, a party, an
           operation), never a person's name */
        for (uint32_t j = i + 1; j < send && j <= i + QUOTE_WINDOW; j++) {
            if (tok_is(d, j, "\xc2\xbb") || tok_is(d, j, "\xe2\x80\x9d") || tok_is(d, j, "\"") ||
                tok_is(d, j, "\xe2\x80\x9c")) {
                for (uint32_t k = i + 1; k < j; k++)
                    c->tok_info[k] |= TI_QUOTED;
                i = j;
                break;
            }
        }
    }
}

int chr_names(chr_document *doc)
{
    if (chr_orgs_places(doc) < 0)
        return -1;
    if (doc->n_toks == 0)
        return 0;
    names_ctx c;
    memset(&c, 0, sizeof c);
    c.doc = doc;
    c.tok_ment = malloc((size_t)doc->n_toks * sizeof *c.tok_ment);
    c.tok_info = calloc(doc->n_toks, 1);
    uint32_t *caps = NULL, n_caps = 0, cap_caps = 0;    /* capitalised words */
    /* optional, only speed without it; the packed forms are written
       before they are read, so only the keys need zeroing */
    c.memo = malloc(sizeof *c.memo);
    if (c.memo) {
        memset(c.memo->key, 0, sizeof c.memo->key);
        memset(c.memo->title, 0, sizeof c.memo->title);
        memset(c.memo->org, 0, sizeof c.memo->org);
        memset(c.memo->of, 0, sizeof c.memo->of);
    }
    int rc = -1;
    if (!c.tok_ment || !c.tok_info) {
        doc->status = CHR_ERR_NOMEM;
        goto out;
    }
    for (uint32_t i = 0; i < doc->n_toks; i++)
        c.tok_ment[i] = -1;
    for (uint32_t m = 0; m < doc->n_ments; m++)
        for (uint32_t t = doc->ments[m].tok_first; t < doc->ments[m].tok_end && t < doc->n_toks; t++)
            c.tok_ment[t] = (int32_t)m;
    release_names_from_places(&c);

    for (uint32_t s = 0; s < doc->n_sents; s++) {
        const chr_sentence *se = &doc->sents[s];
        uint32_t a = se->first_token, send = a + se->n_tokens;
        if (send > doc->n_toks)
            send = doc->n_toks;
        mark_quotes(&c, a, send);
        for (uint32_t i = a; i < send; i++) {
            if (is_word(doc, i)) {
                c.tok_info[i] |= TI_SENT_START;
                break;
            }
        }
        for (uint32_t i = a; i < send;) {
            uint32_t n = phrase_at(&c, i, send);
            if (n == FAIL)
                goto out;
            i = n > i ? n : i + 1;
        }
        for (uint32_t i = a; i < send;) {
            uint32_t n = person_at(&c, i, send);
            if (n == FAIL)
                goto out;
            i = n > i ? n : i + 1;
        }
        /* the later passes look at capitalised words only: list them here,
           while the sentence's tokens are in cache */
        for (uint32_t i = a; i < send; i++) {
            if (!is_cap(doc, i))
                continue;
            if (chr_grow(doc, (void **)&caps, &cap_caps, n_caps + 1, sizeof *caps) < 0)
                goto out;
            caps[n_caps++] = i;
        }
    }
    for (uint32_t k = 0; k < n_caps; k++)
        if (lone_name(&c, caps[k]) < 0)
            goto out;
    for (uint32_t k = 0; k < n_caps; k++)
        if (c.tok_ment[caps[k]] < 0 && listed_names(&c, caps[k]) < 0)
            goto out;
    if (chr_names_tie_roles(&c) < 0 || chr_names_sort_mentions(doc) < 0)
        goto out;
    rc = 0;
out:
    free(c.tok_ment);
    free(c.tok_info);
    free(c.ph);
    free(c.fam);
    free(c.memo);
    free(caps);
    return rc;
}
