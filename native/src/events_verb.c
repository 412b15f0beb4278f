/* events_verb.c - Russian verb forms -> infinitive, for event triggers.

   A form is reduced to candidate infinitives by suffix rules and a candidate
   counts only when the event_verbs lexicon knows it, so a noun that merely
   ends like a verb ("совет", "мысли") finds no entry.  Forms the rules cannot
   reach (stem alternations, suppletion) are listed in event_verb_forms. */
#include "events.h"

#include <string.h>

typedef struct suffix_rule {
    const char *end;      /* ending of the form (reflexive particle removed) */
    uint8_t end_len;
    const char *repl;     /* what replaces it in the infinitive */
    uint8_t repl_len;
    uint8_t form;         /* chr_vform */
} suffix_rule;

#define R(e, r, f) {e, sizeof e - 1, r, sizeof r - 1, f}

/* Past tense and present/future 3rd person, in groups by the last two
   letters of the form (reflexive particle removed), so that a word is
   tried only against the rules that can match it.  Every rule is
   confirmed against the lexicon, so overlapping rules only cost a
   look-up; within a group more specific endings come first. */
static const suffix_rule past_l[] = {       /* -л */
    R("шел", "йти", CHR_VF_PAST), R("ел", "ести", CHR_VF_PAST), R("л", "ть", CHR_VF_PAST),
};
static const suffix_rule past_la[] = {
    R("шла", "йти", CHR_VF_PAST), R("ела", "ести", CHR_VF_PAST), R("ла", "ть", CHR_VF_PAST),
};
static const suffix_rule past_lo[] = {
    R("шло", "йти", CHR_VF_PAST), R("ело", "ести", CHR_VF_PAST), R("ло", "ть", CHR_VF_PAST),
};
static const suffix_rule past_li[] = {
    R("шли", "йти", CHR_VF_PAST), R("ели", "ести", CHR_VF_PAST), R("ли", "ть", CHR_VF_PAST),
};
static const suffix_rule pres_et[] = {
    R("ует", "овать", CHR_VF_PRES), R("ает", "авать", CHR_VF_PRES), R("ает", "ать", CHR_VF_PRES),
    R("яет", "ять", CHR_VF_PRES), R("еет", "еть", CHR_VF_PRES), R("ьет", "ить", CHR_VF_PRES),
    R("оет", "ыть", CHR_VF_PRES), R("йдет", "йти", CHR_VF_PRES), R("дет", "йти", CHR_VF_PRES),
    R("дет", "сти", CHR_VF_PRES), R("зовет", "звать", CHR_VF_PRES),
    R("берет", "брать", CHR_VF_PRES), R("чнет", "чать", CHR_VF_PRES),
    R("жет", "зать", CHR_VF_PRES), R("шет", "сать", CHR_VF_PRES), R("мет", "нять", CHR_VF_PRES),
    R("нет", "нуть", CHR_VF_PRES), R("ет", "ать", CHR_VF_PRES), R("ет", "ти", CHR_VF_PRES),
};
static const suffix_rule pres_ut[] = {
    R("йдут", "йти", CHR_VF_PRES), R("дут", "йти", CHR_VF_PRES), R("дут", "сти", CHR_VF_PRES),
    R("зовут", "звать", CHR_VF_PRES), R("берут", "брать", CHR_VF_PRES),
    R("чнут", "чать", CHR_VF_PRES), R("жут", "зать", CHR_VF_PRES), R("шут", "сать", CHR_VF_PRES),
    R("мут", "нять", CHR_VF_PRES), R("нут", "нуть", CHR_VF_PRES), R("ут", "ать", CHR_VF_PRES),
    R("ут", "ти", CHR_VF_PRES),
};
static const suffix_rule pres_yut[] = {
    R("уют", "овать", CHR_VF_PRES), R("ают", "авать", CHR_VF_PRES), R("ают", "ать", CHR_VF_PRES),
    R("яют", "ять", CHR_VF_PRES), R("еют", "еть", CHR_VF_PRES), R("ьют", "ить", CHR_VF_PRES),
    R("оют", "ыть", CHR_VF_PRES), R("ют", "ть", CHR_VF_PRES),
};
static const suffix_rule pres_it[] = {
    R("ит", "ить", CHR_VF_PRES), R("ит", "еть", CHR_VF_PRES), R("ит", "ать", CHR_VF_PRES),
};
static const suffix_rule pres_yat[] = {
    R("ят", "ить", CHR_VF_PRES), R("ят", "еть", CHR_VF_PRES), R("ят", "ять", CHR_VF_PRES_PART),
};
static const suffix_rule pres_at[] = {
    R("ат", "ать", CHR_VF_PRES), R("ат", "ить", CHR_VF_PRES),
};

/* Short passive participles, masculine stem (-н/-т); -а -о -ы are removed
   first.  Consonant alternations of the -ить verbs are undone here. */
static const suffix_rule part_rules[] = {
    R("ован", "овать", CHR_VF_PART), R("еван", "евать", CHR_VF_PART),
    R("жден", "дить", CHR_VF_PART), R("щен", "тить", CHR_VF_PART),
    R("щен", "стить", CHR_VF_PART), R("чен", "тить", CHR_VF_PART),
    R("шен", "сить", CHR_VF_PART), R("жен", "зить", CHR_VF_PART),
    R("жен", "дить", CHR_VF_PART), R("лен", "ить", CHR_VF_PART),
    R("ден", "сти", CHR_VF_PART), R("ен", "ить", CHR_VF_PART),
    R("ен", "еть", CHR_VF_PART), R("ен", "ти", CHR_VF_PART),
    R("ан", "ать", CHR_VF_PART), R("ян", "ять", CHR_VF_PART),
    R("ыт", "ыть", CHR_VF_PART), R("ят", "ять", CHR_VF_PART),
    R("нут", "нуть", CHR_VF_PART),
};

void chr_ev_filter_add(chr_ev_filter *f, chr_lexicon lex, int part)
{
    size_t n = chr_lex_size(lex);
    for (size_t i = 0; i < n; i++) {
        const char *k = chr_lex_key(lex, i);
        const char *sp = strchr(k, ' ');
        size_t len;
        if (part == 0) {
            if (sp)
                continue;
            len = strlen(k);
        } else if (!sp) {
            continue;
        } else if (part == 1) {
            len = (size_t)(sp - k);
        } else {
            k = sp + 1;
            sp = strchr(k, ' ');
            len = sp ? (size_t)(sp - k) : strlen(k);
        }
        uint32_t slot = chr_ev_filter_slot(chr_ev_hash(k, len));
        f->bits[slot >> 6] |= (uint64_t)1 << (slot & 63);
    }
}

static const char *const type_names[] = {
    "meeting", "statement", "agreement", "visit", "appointment", "conflict", "other"
};

int chr_ev_type_from_name(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++)
        if (strlen(type_names[i]) == n && memcmp(type_names[i], s, n) == 0)
            return (int)i;
    return -1;
}

static int word_is(const char *s, size_t n, const char *w)
{
    return strlen(w) == n && memcmp(s, w, n) == 0;
}

void chr_ev_verb_payload(const char *p, chr_verb *v)
{
    v->type = CHR_EVENT_OTHER;
    v->perfective = v->support = v->plan = v->attend = v->phrase_only = 0;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        size_t n = (size_t)(p - w);
        if (n == 0)
            break;
        int t = chr_ev_type_from_name(w, n);
        if (t >= 0)
            v->type = (chr_event_type)t;
        else if (word_is(w, n, "pf"))
            v->perfective = 1;
        else if (word_is(w, n, "support"))
            v->support = 1;
        else if (word_is(w, n, "plan"))
            v->plan = 1;
        else if (word_is(w, n, "attend"))
            v->attend = 1;
        else if (word_is(w, n, "phrase"))
            v->phrase_only = 1;
    }
}

#define ends_with(w, n, e) ((n) >= sizeof e - 1 && memcmp((w) + (n) - (sizeof e - 1), e, sizeof e - 1) == 0)

static uint32_t letter_before(const char *w, size_t n)
{
    return chr_ev_letter_before(w, n);
}

/* Looks the candidate up; on a hit fills *v. */
static int try_lemma(const chr_ev_filter *lemmas, const char *cand, size_t n, uint8_t form,
                     uint8_t refl, chr_verb *v)
{
    if (lemmas && !chr_ev_filter_has(lemmas, cand, n))
        return 0;
    const char *pay = chr_lex_get(CHR_LEX_EVENT_VERBS, cand, n);
    if (!pay || n >= CHR_VERB_LEMMA_MAX)
        return 0;
    memcpy(v->lemma, cand, n);
    v->lemma[n] = '\0';
    v->lemma_len = (uint32_t)n;
    chr_ev_verb_payload(pay, v);
    v->form = form;
    v->reflexive = refl;
    return 1;
}

static int apply_rules(const chr_ev_filter *lemmas, const char *core, size_t n,
                       const suffix_rule *rs, size_t nr, uint8_t refl, chr_verb *v)
{
    char cand[CHR_VERB_LEMMA_MAX];
    for (size_t i = 0; i < nr; i++) {
        size_t ke = rs[i].end_len, kr = rs[i].repl_len;
        /* a stem of at least two letters: "ел" alone is no verb */
        if (n < ke + 4 || core[n - 1] != rs[i].end[ke - 1] ||
            memcmp(core + n - ke, rs[i].end, ke) != 0)
            continue;
        size_t stem = n - ke;
        size_t len = stem + kr;
        if (len + 4 >= sizeof cand)
            continue;
        memcpy(cand, core, stem);
        memcpy(cand + stem, rs[i].repl, kr);
        if (refl) {
            /* -ть/-чь take -ся, -ти takes -сь */
            const char *particle = ends_with(cand, len, "ти") ? "сь" : "ся";
            memcpy(cand + len, particle, 4);
            len += 4;
        }
        if (try_lemma(lemmas, cand, len, rs[i].form, refl, v))
            return 1;
    }
    return 0;
}

static int vowel(uint32_t cp)
{
    return cp == 0x430 || cp == 0x435 || cp == 0x438 || cp == 0x43E || cp == 0x443 ||
           cp == 0x44B || cp == 0x44D || cp == 0x44E || cp == 0x44F;
}

int chr_ev_finite_like(const char *w, size_t n)
{
    if (n > 4 && (ends_with(w, n, "ся") || ends_with(w, n, "сь")))
        n -= 4;
    if (n < 6)
        return 0;
    uint32_t z = letter_before(w, n), y = letter_before(w, n - 2), x = letter_before(w, n - 4);
    if (z == 0x43B)                                 /* -ал -ил -ел ... */
        return vowel(y);
    if (z == 0x430 || z == 0x43E || z == 0x438)     /* -ала -ило -али ... */
        return y == 0x43B && vowel(x);
    if (z == 0x442)                                 /* -ет -ит -ют -ут -ат -ят */
        return y == 0x435 || y == 0x438 || y == 0x44E || y == 0x443 || y == 0x430 || y == 0x44F;
    return 0;
}

int chr_ev_verb(const char *w, size_t n, int irregular, const chr_ev_filter *lemmas, chr_verb *v)
{
    if (!chr_ev_verb_candidate(w, n))
        return 0;
    const char *irr = irregular ? chr_lex_get(CHR_LEX_EVENT_VERB_FORMS, w, n) : NULL;
    if (irr) {
        const char *sp = strchr(irr, ' ');
        if (sp) {
            uint8_t form = CHR_VF_PAST;
            if (strcmp(sp + 1, "pres") == 0)
                form = CHR_VF_PRES;
            else if (strcmp(sp + 1, "part") == 0)
                form = CHR_VF_PART;
            if (try_lemma(NULL, irr, (size_t)(sp - irr), form, ends_with(irr, (size_t)(sp - irr), "ся"), v))
                return 1;
        }
    }
    if (ends_with(w, n, "ть") || ends_with(w, n, "ти") || ends_with(w, n, "чь") ||
        ends_with(w, n, "ться") || ends_with(w, n, "тись") || ends_with(w, n, "чься"))
        return try_lemma(lemmas, w, n, CHR_VF_INF, ends_with(w, n, "ся") || ends_with(w, n, "сь"), v);
    uint8_t refl = 0;
    size_t core = n;
    if (ends_with(w, n, "ся") || ends_with(w, n, "сь")) {
        refl = 1;
        core -= 4;
    }
    const suffix_rule *rs = NULL;
    size_t nr = 0;
    uint32_t z = letter_before(w, core), y = core >= 2 ? letter_before(w, core - 2) : 0;
#define GROUP(g) (rs = g, nr = sizeof g / sizeof g[0])
    if (z == 0x43B)                                         /* -л */
        GROUP(past_l);
    else if (y == 0x43B && z == 0x430)
        GROUP(past_la);
    else if (y == 0x43B && z == 0x43E)
        GROUP(past_lo);
    else if (y == 0x43B && z == 0x438)
        GROUP(past_li);
    else if (z == 0x442) {                                  /* -т */
        switch (y) {
        case 0x435: GROUP(pres_et); break;
        case 0x443: GROUP(pres_ut); break;
        case 0x44E: GROUP(pres_yut); break;
        case 0x438: GROUP(pres_it); break;
        case 0x44F: GROUP(pres_yat); break;
        case 0x430: GROUP(pres_at); break;
        default: break;
        }
    }
#undef GROUP
    if (rs && apply_rules(lemmas, w, core, rs, nr, refl, v))
        return 1;
    if (refl)
        return 0;
    /* participles: -н/-т with -а -о -ы endings */
    char buf[CHR_VERB_LEMMA_MAX];
    size_t m = n;
    if (m >= sizeof buf)
        return 0;
    memcpy(buf, w, m);
    if (ends_with(buf, m, "на") || ends_with(buf, m, "но") || ends_with(buf, m, "ны") ||
        ends_with(buf, m, "та") || ends_with(buf, m, "то") || ends_with(buf, m, "ты"))
        m -= 2;
    if (!(ends_with(buf, m, "н") || ends_with(buf, m, "т")))
        return 0;
    return apply_rules(lemmas, buf, m, part_rules, sizeof part_rules / sizeof part_rules[0], 0, v);
}
