/* link.c - coreference: entity mentions -> participants.

   Named persons first, in document order: a full name opens a cluster or
   joins the latest one with the same family name and a compatible first
   name; a surname or first name alone joins the latest cluster that has
   it.  Roles tied to a named mention go to its cluster.  Then role-only
   (nominal) mentions, which may come before the name they refer to:
     - the same role text as a named holder ("Президент Казахстана") joins
       that holder;
     - a role with an affiliation that nobody holds, written as an office
       (capitalised inside a sentence, or a head of state), joins the
       document's most named person when that person has no conflicting
       role (the text is about them: "по инициативе Президента
       Казахстана ... с Касым-Жомартом Токаевым"); written in passing, it
       joins only the most named person of its own sentence;
     - a bare title ("Президент") joins the holder of that title mentioned
       most recently, "Глава государства" the latest head of state;
     - otherwise a nameless participant of its own per role text.
   Organisations and places merge by kind and canonical name.  Every map is
   a hash, so the stage is linear in the number of mentions. */
#include "internal.h"
#include "morph.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------ string -> int */

typedef struct smap {
    const char **keys;
    int32_t *vals;
    uint32_t mask, n;
} smap;

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

static int smap_put(chr_document *d, smap *m, const char *key, int32_t val)
{
    if ((m->n + 1) * 2 > m->mask) {
        uint32_t ncap = m->mask ? (m->mask + 1) * 2 : 64;
        const char **nk = calloc(ncap, sizeof *nk);
        int32_t *nv = malloc(ncap * sizeof *nv);
        if (!nk || !nv) {
            free(nk);
            free(nv);
            d->status = CHR_ERR_NOMEM;
            return -1;
        }
        for (uint32_t i = 0; m->keys && i <= m->mask; i++) {
            if (!m->keys[i])
                continue;
            uint32_t h = hash_str(m->keys[i]) & (ncap - 1);
            while (nk[h])
                h = (h + 1) & (ncap - 1);
            nk[h] = m->keys[i];
            nv[h] = m->vals[i];
        }
        free(m->keys);
        free(m->vals);
        m->keys = nk;
        m->vals = nv;
        m->mask = ncap - 1;
    }
    uint32_t h = hash_str(key) & m->mask;
    while (m->keys[h]) {
        if (strcmp(m->keys[h], key) == 0) {
            m->vals[h] = val;
            return 0;
        }
        h = (h + 1) & m->mask;
    }
    m->keys[h] = key;
    m->vals[h] = val;
    m->n++;
    return 0;
}

static int32_t smap_get(const smap *m, const char *key)
{
    if (!m->keys || !key)
        return -1;
    uint32_t h = hash_str(key) & m->mask;
    while (m->keys[h]) {
        if (strcmp(m->keys[h], key) == 0)
            return m->vals[h];
        h = (h + 1) & m->mask;
    }
    return -1;
}

static void smap_free(smap *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* ----------------------------------------------------------- clusters */

#define TOP_PERSONS 16

typedef struct cluster {
    chr_kind kind;
    const char *given, *patr, *family, *name;
    int32_t first;          /* first mention (document order) */
    uint32_t n_names;       /* mentions by name */
    uint32_t n_ments;
    int32_t *roles;         /* indexes into doc->roles (malloc) */
    uint32_t n_roles, cap_roles;
    int hs;                 /* holds a head-of-state title */
    uint32_t last_sent;     /* sentence of its latest mention so far */
    int32_t part;           /* participant index */
    chr_mention *ms;        /* its participant's mentions (arena) */
} cluster;

typedef struct link_ctx {
    chr_document *doc;
    cluster *cl;
    uint32_t n_cl, cap_cl;
    int32_t *ment_cl;       /* per mention: cluster or -1 */
    smap by_family, by_given, by_role, by_entity, by_title_recent, by_title_best, by_nameless;
    int32_t hs_recent, hs_best;
    int32_t top[TOP_PERSONS];   /* the most named persons, most first */
    uint32_t n_top;
} link_ctx;

static char *folded(chr_document *d, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char *p = chr_strndup(d, s, n);
    if (p)
        chr_morph_fold(p, n, p);
    return p;
}

/* a + sep + b in the arena (sprintf is slow on this path) */
static char *join(chr_document *d, const char *a, const char *sep, const char *b)
{
    size_t la = strlen(a), ls = strlen(sep), lb = strlen(b);
    char *p = chr_alloc(d, la + ls + lb + 1);
    if (!p)
        return NULL;
    memcpy(p, a, la);
    memcpy(p + la, sep, ls);
    memcpy(p + la + ls, b, lb + 1);
    return p;
}

/* "p" + n in the arena */
static char *part_id(chr_document *d, uint32_t n)
{
    char num[16];
    size_t k = 0;
    do {
        num[k++] = (char)('0' + n % 10);
        n /= 10;
    } while (n && k < sizeof num);
    char *p = chr_alloc(d, k + 2);
    if (!p)
        return NULL;
    p[0] = 'p';
    for (size_t i = 0; i < k; i++)
        p[1 + i] = num[k - 1 - i];
    p[k + 1] = '\0';
    return p;
}

/* prefix + ":" + s, folded, in the arena (sprintf is slow on this path) */
static char *keyed(chr_document *d, uint32_t prefix, const char *s)
{
    char num[16];
    size_t k = 0;
    do {
        num[k++] = (char)('0' + prefix % 10);
        prefix /= 10;
    } while (prefix && k < sizeof num);
    size_t n = strlen(s);
    char *p = chr_alloc(d, k + 1 + n + 1);
    if (!p)
        return NULL;
    for (size_t i = 0; i < k; i++)
        p[i] = num[k - 1 - i];
    p[k] = ':';
    chr_morph_fold(s, n, p + k + 1);
    p[k + 1 + n] = '\0';
    return p;
}

static int32_t new_cluster(link_ctx *c, chr_kind kind, int32_t first)
{
    if (chr_grow(c->doc, (void **)&c->cl, &c->cap_cl, c->n_cl + 1, sizeof *c->cl) < 0)
        return -1;
    cluster *k = &c->cl[c->n_cl];
    memset(k, 0, sizeof *k);
    k->kind = kind;
    k->first = first;
    k->part = -1;
    return (int32_t)c->n_cl++;
}

static int add_role(link_ctx *c, int32_t ci, int32_t role)
{
    cluster *k = &c->cl[ci];
    if (chr_grow(c->doc, (void **)&k->roles, &k->cap_roles, k->n_roles + 1, sizeof *k->roles) < 0)
        return -1;
    k->roles[k->n_roles++] = role;
    const char *flags = chr_lex_get(CHR_LEX_TITLES, c->doc->roles[role].title,
                                    strlen(c->doc->roles[role].title));
    if (flags && strstr(flags, "hs"))
        k->hs = 1;
    char *key = folded(c->doc, c->doc->roles[role].text);
    if (!key || smap_put(c->doc, &c->by_role, key, ci) < 0)
        return -1;
    return 0;
}

/* Given names agree when equal or when one is the other's initial. */
static int given_compatible(const char *a, const char *b)
{
    if (!a || !b)
        return 1;
    size_t la = strlen(a), lb = strlen(b);
    if (la && a[la - 1] == '.')
        return strncmp(a, b, la - 1) == 0;
    if (lb && b[lb - 1] == '.')
        return strncmp(a, b, lb - 1) == 0;
    return strcmp(a, b) == 0;
}

static int link_named(link_ctx *c, int32_t mi)
{
    chr_document *d = c->doc;
    chr_ent_mention *m = &d->ments[mi];
    char *fam = folded(d, m->family), *giv = folded(d, m->given);
    if ((m->family && !fam) || (m->given && !giv))
        return -1;
    int32_t ci = -1;
    if (fam) {
        ci = smap_get(&c->by_family, fam);
        if (ci >= 0) {
            char *cg = folded(d, c->cl[ci].given);
            if (c->cl[ci].given && !cg)
                return -1;
            if (!given_compatible(cg, giv))
                ci = -1;
        }
        if (ci < 0 && giv) {
            /* "Никол" earlier, "Никол Пашинян" now; or Виктор Бут again
               after Алла Бут */
            int32_t g = smap_get(&c->by_given, giv);
            char *gf = g >= 0 ? folded(d, c->cl[g].family) : NULL;
            if (g >= 0 && (!c->cl[g].family || (gf && strcmp(gf, fam) == 0)))
                ci = g;
        }
    } else if (giv) {
        /* a first name alone, or with the patronymic (Борис Николаевич):
           the latest person with that first name */
        ci = smap_get(&c->by_given, giv);
        if (ci >= 0 && m->patronymic && c->cl[ci].patr) {
            char *a = folded(d, m->patronymic), *b = folded(d, c->cl[ci].patr);
            if (!a || !b)
                return -1;
            if (strcmp(a, b) != 0 && !given_compatible(a, b) && !given_compatible(b, a))
                ci = -1;
        }
    }
    if (ci < 0 && (ci = new_cluster(c, CHR_KIND_PERSON, mi)) < 0)
        return -1;
    cluster *k = &c->cl[ci];
    if (m->given && (!k->given || (strlen(k->given) <= 3 && strlen(m->given) > 3)))
        k->given = m->given;
    if (m->patronymic && (!k->patr || (strlen(k->patr) <= 3 && strlen(m->patronymic) > 3)))
        k->patr = m->patronymic;
    if (m->family && !k->family)
        k->family = m->family;
    k->n_names++;
    c->ment_cl[mi] = ci;
    if (fam && smap_put(d, &c->by_family, fam, ci) < 0)
        return -1;
    if (giv && smap_put(d, &c->by_given, giv, ci) < 0)
        return -1;
    if (m->role >= 0 && add_role(c, ci, m->role) < 0)
        return -1;
    return 0;
}

/* Roles held by named mentions whose `role` field was not the first. */
static int link_roles(link_ctx *c)
{
    chr_document *d = c->doc;
    for (uint32_t r = 0; r < d->n_roles; r++) {
        int32_t h = d->roles[r].holder;
        if (h < 0 || (uint32_t)h >= d->n_ments || c->ment_cl[h] < 0 || d->ments[h].role == (int32_t)r)
            continue;
        if (add_role(c, c->ment_cl[h], (int32_t)r) < 0)
            return -1;
    }
    return 0;
}

static int conflicts(const link_ctx *c, const cluster *k, const chr_role_mention *r)
{
    for (uint32_t i = 0; i < k->n_roles; i++) {
        const chr_role_mention *o = &c->doc->roles[k->roles[i]];
        if (strcmp(o->title, r->title) == 0 && o->of && r->of && strcmp(o->of, r->of) != 0)
            return 1;
    }
    return 0;
}

/* The last word of an affiliation ("МИД России" -> "России"). */
static const char *last_word(const char *s)
{
    const char *sp = strrchr(s, ' ');
    return sp ? sp + 1 : s;
}

/* Could a person holding cluster k's roles also be described by r?  Not
   when one of k's roles has a different affiliation ending (посол Японии
   is not the man who was глава России). */
static int has_flag(const char *title, const char *flag)
{
    const char *f = chr_lex_get(CHR_LEX_TITLES, title, strlen(title));
    return f && strstr(f, flag) != NULL;
}

static int compatible(const link_ctx *c, const cluster *k, const chr_role_mention *r)
{
    if (conflicts(c, k, r))
        return 0;
    for (uint32_t i = 0; i < k->n_roles && i < 8; i++) {
        const chr_role_mention *o = &c->doc->roles[k->roles[i]];
        if (!o->of || !r->of)
            continue;
        int same = strcmp(last_word(o->of), last_word(r->of)) == 0;
        if (!same && !strstr(o->of, r->of) && !strstr(r->of, o->of))
            return 0;
        /* the premier of a country is not its president */
        if (same && strcmp(o->title, r->title) != 0 && has_flag(o->title, "hs") != has_flag(r->title, "hs") &&
            !has_flag(o->title, "head") && !has_flag(r->title, "head"))
            return 0;
    }
    return 1;
}

/* The person a role-only mention refers back to: the named person
   mentioned last in the one or two sentences before it (Дмитрий Медведев
   ... . Однако глава России ...), when compatible.  The same sentence is
   left out: a name and a role there are mostly two people ("Иванов
   встретился с главой МИД").  -1 when none. */
static int32_t antecedent(const link_ctx *c, uint32_t mi, const chr_role_mention *r)
{
    const chr_document *d = c->doc;
    uint32_t s = d->ments[mi].sentence;
    /* an office one person holds (мэр Москвы) takes up the person just
       named in any case; an office of many (член Конгресса) only as a
       subject: "убийство члена Конгресса" after the attacker is named is
       somebody else */
    const char *flags = chr_lex_get(CHR_LEX_TITLES, r->title, strlen(r->title));
    if (d->ments[mi].gram_case != CHR_CASE_NOM && (!flags || strstr(flags, "many")))
        return -1;
    for (uint32_t k = mi, seen = 0; k-- > 0 && seen < 32; seen++) {
        const chr_ent_mention *o = &d->ments[k];
        if (o->sentence == s)
            continue;
        if (o->sentence + 2 < s)
            break;
        int32_t ci = c->ment_cl[k];
        if (ci < 0 || c->cl[ci].kind != CHR_KIND_PERSON || o->type != CHR_MENTION_NAME ||
            !c->cl[ci].family)
            continue;
        return compatible(c, &c->cl[ci], r) ? ci : -1;
    }
    return -1;
}

/* A role-only mention that names one particular person even when nobody
   in the text holds it: it has an affiliation, it is a head of state, or
   it is capitalised inside a sentence as official texts write offices. */
static int specific(const link_ctx *c, const chr_ent_mention *m, const char *key)
{
    const chr_document *d = c->doc;
    const char *flags = chr_lex_get(CHR_LEX_TITLES, key, strlen(key));
    if (flags && strstr(flags, "hs") && strchr(key, ' '))
        return 1;
    size_t adv;
    uint32_t cp = chr_utf8_next((const unsigned char *)d->text.s + m->start, d->text.len - m->start, &adv);
    if (!chr_cp_is_upper(cp) || m->sentence >= d->n_sents)
        return 0;
    uint32_t t = d->sents[m->sentence].first_token;
    while (t < m->tok_first && d->toks[t].kind != CHR_TOK_WORD)
        t++;
    return t != m->tok_first;
}

/* The most named person with a name mention in the sentence of mention
   mi (looking at most 64 mentions), when it does not hold a conflicting
   role; -1 when none. */
static int32_t nearby_person(const link_ctx *c, uint32_t mi, const chr_role_mention *r)
{
    const chr_document *d = c->doc;
    uint32_t s = d->ments[mi].sentence, lo_s = s;
    uint32_t lo = 0, hi = mi;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (d->ments[mid].sentence < lo_s)
            lo = mid + 1;
        else
            hi = mid;
    }
    int32_t best = -1;
    for (uint32_t k = lo; k < d->n_ments && d->ments[k].sentence <= s && k < lo + 64; k++) {
        int32_t ci = c->ment_cl[k];
        if (ci < 0 || d->ments[k].type != CHR_MENTION_NAME || !c->cl[ci].family ||
            !compatible(c, &c->cl[ci], r))
            continue;
        if (best < 0 || c->cl[ci].n_names > c->cl[best].n_names)
            best = ci;
    }
    return best;
}

/* Keeps the TOP_PERSONS most named persons with a family name, so that
   finding "the person the text is about" costs no pass over all clusters. */
static void rank_persons(link_ctx *c)
{
    c->n_top = 0;
    for (uint32_t k = 0; k < c->n_cl; k++) {
        const cluster *cl = &c->cl[k];
        if (cl->kind != CHR_KIND_PERSON || !cl->family)
            continue;
        uint32_t at = c->n_top;
        while (at > 0 && c->cl[c->top[at - 1]].n_names < cl->n_names)
            at--;
        if (at >= TOP_PERSONS)
            continue;
        uint32_t last = c->n_top < TOP_PERSONS ? c->n_top : TOP_PERSONS - 1;
        for (uint32_t j = last; j > at; j--)
            c->top[j] = c->top[j - 1];
        c->top[at] = (int32_t)k;
        if (c->n_top < TOP_PERSONS)
            c->n_top++;
    }
}

/* Per title, the one named person who holds it (-2 when several do). */
static int title_holders(link_ctx *c, smap *out)
{
    for (uint32_t ci = 0; ci < c->n_cl; ci++) {
        const cluster *k = &c->cl[ci];
        if (k->kind != CHR_KIND_PERSON || !k->n_names)
            continue;
        for (uint32_t i = 0; i < k->n_roles && i < 8; i++) {
            const char *t = c->doc->roles[k->roles[i]].title;
            int32_t h = smap_get(out, t);
            if (h != (int32_t)ci && smap_put(c->doc, out, t, h == -1 ? (int32_t)ci : -2) < 0)
                return -1;
        }
    }
    return 0;
}

/* Does cluster k hold title r->title with the same affiliation, or one
   that r's begins (МИД -> МИД России: a heading shortens the role)? */
static int extends_role(const link_ctx *c, const cluster *k, const chr_role_mention *r)
{
    size_t n = strlen(r->of);
    for (uint32_t i = 0; i < k->n_roles && i < 8; i++) {
        const chr_role_mention *o = &c->doc->roles[k->roles[i]];
        if (o->of && strcmp(o->title, r->title) == 0 && strncmp(o->of, r->of, n) == 0 &&
            (o->of[n] == ' ' || o->of[n] == '\0'))
            return 1;
    }
    return 0;
}

static int link_orphans_with(link_ctx *c, const smap *holders)
{
    chr_document *d = c->doc;
    for (uint32_t mi = 0; mi < d->n_ments; mi++) {
        chr_ent_mention *m = &d->ments[mi];
        if (m->kind != CHR_KIND_PERSON || m->type != CHR_MENTION_NOMINAL || m->role < 0)
            continue;
        const chr_role_mention *r = &d->roles[m->role];
        if (!r->of)
            continue;
        char *key = folded(d, r->text);
        if (!key)
            return -1;
        if (smap_get(&c->by_role, key) >= 0)
            continue;
        int32_t h = smap_get(holders, r->title);
        if (h >= 0 && extends_role(c, &c->cl[h], r)) {
            /* the mention joins the holder; the shortened role is no
               second role of theirs */
            if (smap_put(d, &c->by_role, key, h) < 0)
                return -1;
            continue;
        }
        const char *flags = chr_lex_get(CHR_LEX_TITLES, r->title, strlen(r->title));
        int official = flags && strstr(flags, "hs");
        int32_t best = -1;
        uint32_t best_n = 0, second = 0;
        if (official) {
            /* the person the text is about: the most named one without a
               conflicting role, clearly ahead of the next */
            for (uint32_t k = 0; k < c->n_top; k++) {
                const cluster *cl = &c->cl[c->top[k]];
                if (!compatible(c, cl, r))
                    continue;
                if (best < 0) {
                    best = c->top[k];
                    best_n = cl->n_names;
                } else {
                    second = cl->n_names;
                    break;
                }
            }
            if (best_n < 2 || best_n <= second)
                best = -1;
        } else {
            /* in passing: only the most named person of the neighbouring
               sentences */
            best = nearby_person(c, mi, r);
            if (best < 0)
                best = antecedent(c, mi, r);
        }
        if (best >= 0 && add_role(c, best, m->role) < 0)
            return -1;
    }
    return 0;
}

/* Roles with an affiliation that no named person holds (see the top of
   the file for who takes them). */
static int link_orphans(link_ctx *c)
{
    rank_persons(c);
    smap holders = {0};
    if (title_holders(c, &holders) < 0) {
        smap_free(&holders);
        return -1;
    }
    int rc = link_orphans_with(c, &holders);
    smap_free(&holders);
    return rc;
}

/* For a title mentioned before any holder: its most named holder. */
static int best_holders(link_ctx *c)
{
    uint32_t hs_n = 0;
    for (uint32_t ci = 0; ci < c->n_cl; ci++) {
        cluster *k = &c->cl[ci];
        if (k->kind != CHR_KIND_PERSON || !k->n_names)
            continue;
        if (k->hs && k->n_names > hs_n) {
            hs_n = k->n_names;
            c->hs_best = (int32_t)ci;
        }
        for (uint32_t i = 0; i < k->n_roles && i < 8; i++) {
            const char *t = c->doc->roles[k->roles[i]].title;
            int32_t b = smap_get(&c->by_title_best, t);
            if ((b < 0 || c->cl[b].n_names < k->n_names) &&
                smap_put(c->doc, &c->by_title_best, t, (int32_t)ci) < 0)
                return -1;
        }
    }
    return 0;
}

static int note_seen(link_ctx *c, int32_t ci)
{
    cluster *k = &c->cl[ci];
    /* the first few roles are enough to be found by title */
    for (uint32_t i = 0; i < k->n_roles && i < 8; i++) {
        const char *t = c->doc->roles[k->roles[i]].title;
        if (smap_put(c->doc, &c->by_title_recent, t, ci) < 0)
            return -1;
    }
    if (k->hs)
        c->hs_recent = ci;
    return 0;
}

/* A bare role word in passing ("министр ответил") refers back only this
   many sentences; further on it is somebody the text has not named. */
#define ROLE_WINDOW 3

static int too_far(const link_ctx *c, int32_t ci, const chr_ent_mention *m)
{
    return ci >= 0 && m->sentence > c->cl[ci].last_sent + ROLE_WINDOW;
}

/* Does a capitalised word that no organisation or place takes follow the
   role (министр Фахд Рашиди)?  Then the role is that person's, even when
   the name was not recognised, and never somebody named before. */
static int name_follows(const link_ctx *c, uint32_t mi)
{
    const chr_document *d = c->doc;
    const chr_ent_mention *m = &d->ments[mi];
    uint32_t t = m->tok_end;
    if (t >= d->n_toks || d->toks[t].sentence != m->sentence || d->toks[t].kind != CHR_TOK_WORD ||
        !(d->toks[t].flags & CHR_TF_UPPER) ||
        (d->toks[t].lex & (CHR_W_STOP | CHR_W_NOT_NAME | CHR_W_MONTH | CHR_W_PRONOUN | CHR_W_TITLE)))
        return 0;
    for (uint32_t k = mi + 1; k < d->n_ments && d->ments[k].tok_first <= t; k++)
        if (d->ments[k].tok_first <= t && d->ments[k].tok_end > t && d->ments[k].kind != CHR_KIND_PERSON)
            return 0;
    return 1;
}

static int link_nominal(link_ctx *c, int32_t mi)
{
    chr_document *d = c->doc;
    chr_ent_mention *m = &d->ments[mi];
    const chr_role_mention *r = m->role >= 0 ? &d->roles[m->role] : NULL;
    char *key = folded(d, r ? r->text : m->norm);
    if (!key)
        return -1;
    int32_t ci = smap_get(&c->by_role, key);
    int office = r && !r->of && specific(c, m, key);
    if (ci < 0 && r && !r->of && !name_follows(c, (uint32_t)mi)) {
        const char *flags = chr_lex_get(CHR_LEX_TITLES, key, strlen(key));
        int hs = flags && strstr(flags, "hs") && strcmp(key, r->title) != 0;
        if (hs) {
            ci = c->hs_recent;                  /* глава государства */
        } else if (strcmp(key, r->title) == 0) {
            ci = smap_get(&c->by_title_recent, r->title);    /* Президент */
            if (!office && too_far(c, ci, m))
                ci = -1;
        }
        if (ci < 0 && hs)
            ci = c->hs_best;
        else if (ci < 0 && office && strcmp(key, r->title) == 0)
            ci = smap_get(&c->by_title_best, r->title);
    }
    if (ci < 0 && r && !r->of && !office)
        return 0;                       /* "министр" in passing: nobody in particular */
    /* член Конгресса США ... члена Конгресса: one office, one person */
    if (r && r->of) {
        key = join(d, r->title, "|", r->of);
        if (!key)
            return -1;
    }
    if (ci < 0) {
        ci = smap_get(&c->by_nameless, key);
        if (ci < 0) {
            if ((ci = new_cluster(c, CHR_KIND_PERSON, mi)) < 0)
                return -1;
            if (smap_put(d, &c->by_nameless, key, ci) < 0)
                return -1;
            if (r && add_role(c, ci, m->role) < 0)
                return -1;
        }
    }
    c->ment_cl[mi] = ci;
    return 0;
}

static int link_entity(link_ctx *c, int32_t mi)
{
    chr_document *d = c->doc;
    chr_ent_mention *m = &d->ments[mi];
    const char *norm = m->norm;
    char *tmp = NULL;
    if (!norm) {
        tmp = chr_strndup(d, d->text.s + m->start, m->end - m->start);
        if (!tmp)
            return -1;
        norm = tmp;
    }
    char *key = keyed(d, (uint32_t)m->kind, norm);
    if (!key)
        return -1;
    int32_t ci = smap_get(&c->by_entity, key);
    if (ci < 0) {
        if ((ci = new_cluster(c, m->kind, mi)) < 0 || smap_put(d, &c->by_entity, key, ci) < 0)
            return -1;
        c->cl[ci].name = norm;
    }
    c->ment_cl[mi] = ci;
    return 0;
}

/* ------------------------------------------------------- participants */

static const char *display_name(chr_document *d, const cluster *k)
{
    if (k->kind != CHR_KIND_PERSON)
        return k->name;
    if (k->given && k->family)
        return join(d, k->given, " ", k->family);
    return k->family ? k->family : k->given;
}

static int build_participants(link_ctx *c)
{
    chr_document *d = c->doc;
    /* participants in order of first mention */
    size_t np = 0;
    for (uint32_t mi = 0; mi < d->n_ments; mi++) {
        int32_t ci = c->ment_cl[mi];
        if (ci < 0)
            continue;
        c->cl[ci].n_ments++;
        if (c->cl[ci].part < 0)
            c->cl[ci].part = (int32_t)np++;
    }
    if (np == 0)
        return 0;
    chr_participant *parts = chr_alloc(d, np * sizeof *parts);
    if (!parts)
        return -1;
    smap seen_roles = {0};
    int rc = -1;
    for (uint32_t ci = 0; ci < c->n_cl; ci++) {
        cluster *k = &c->cl[ci];
        if (k->part < 0)
            continue;
        chr_participant *p = &parts[k->part];
        p->id = part_id(d, (uint32_t)k->part + 1);
        p->kind = k->kind;
        p->name = display_name(d, k);
        if (!p->id || (!p->name && (k->given || k->family || k->name)))
            goto out;
        p->given = k->given;
        p->patronymic = k->patr;
        p->family = k->family;
        chr_mention *ms = chr_alloc(d, k->n_ments * sizeof *ms);
        chr_role *rs = k->n_roles ? chr_alloc(d, k->n_roles * sizeof *rs) : NULL;
        if (!ms || (k->n_roles && !rs))
            goto out;
        p->mentions = ms;
        k->ms = ms;
        p->roles = rs;
        for (uint32_t i = 0; i < k->n_roles; i++) {
            const chr_role_mention *r = &d->roles[k->roles[i]];
            char *key = keyed(d, ci, r->text);
            if (!key)
                goto out;
            if (smap_get(&seen_roles, key) >= 0)
                continue;
            if (smap_put(d, &seen_roles, key, 1) < 0)
                goto out;
            chr_role *o = &rs[p->n_roles++];
            o->text = r->text;
            o->title = r->title;
            o->of = r->of;
            chr_doc_span(d, r->start, r->end, &o->span);
        }
    }
    for (uint32_t mi = 0; mi < d->n_ments; mi++) {
        int32_t ci = c->ment_cl[mi];
        if (ci < 0)
            continue;
        chr_participant *p = &parts[c->cl[ci].part];
        chr_mention *o = &c->cl[ci].ms[p->n_mentions++];
        chr_doc_span(d, d->ments[mi].start, d->ments[mi].end, &o->span);
        o->type = d->ments[mi].type;
        d->ments[mi].participant = c->cl[ci].part;
    }
    d->parts = parts;
    d->n_parts = np;
    rc = 0;
out:
    smap_free(&seen_roles);
    return rc;
}

int chr_link(chr_document *doc)
{
    link_ctx c;
    memset(&c, 0, sizeof c);
    c.doc = doc;
    c.hs_recent = c.hs_best = -1;
    int rc = -1;
    if (doc->n_ments == 0)
        return 0;
    c.ment_cl = malloc((size_t)doc->n_ments * sizeof *c.ment_cl);
    if (!c.ment_cl) {
        doc->status = CHR_ERR_NOMEM;
        return -1;
    }
    for (uint32_t i = 0; i < doc->n_ments; i++)
        c.ment_cl[i] = -1;
    for (uint32_t i = 0; i < doc->n_ments; i++) {
        const chr_ent_mention *m = &doc->ments[i];
        if (m->kind == CHR_KIND_PERSON && m->type == CHR_MENTION_NAME && (m->family || m->given)) {
            if (link_named(&c, (int32_t)i) < 0)
                goto out;
        } else if (m->kind != CHR_KIND_PERSON) {
            if (link_entity(&c, (int32_t)i) < 0)
                goto out;
        }
    }
    if (link_roles(&c) < 0 || link_orphans(&c) < 0 || best_holders(&c) < 0)
        goto out;
    for (uint32_t i = 0; i < doc->n_ments; i++) {
        const chr_ent_mention *m = &doc->ments[i];
        if (m->kind == CHR_KIND_PERSON && c.ment_cl[i] < 0 &&
            (m->type == CHR_MENTION_NOMINAL || m->type == CHR_MENTION_PRONOUN) && m->role >= 0) {
            if (link_nominal(&c, (int32_t)i) < 0)
                goto out;
        }
        if (c.ment_cl[i] >= 0 && c.cl[c.ment_cl[i]].kind == CHR_KIND_PERSON) {
            c.cl[c.ment_cl[i]].last_sent = m->sentence;
            if (note_seen(&c, c.ment_cl[i]) < 0)
                goto out;
        }
    }
    rc = build_participants(&c);
out:
    for (uint32_t k = 0; k < c.n_cl; k++)
        free(c.cl[k].roles);
    free(c.cl);
    free(c.ment_cl);
    smap_free(&c.by_family);
    smap_free(&c.by_given);
    smap_free(&c.by_role);
    smap_free(&c.by_entity);
    smap_free(&c.by_title_recent);
    smap_free(&c.by_title_best);
    smap_free(&c.by_nameless);
    return rc;
}
