/* morph.c - Russian inflection of names and titles, by suffix rules.

   Russian names decline by a handful of paradigms that the ending shows:
   Иван/Ивана/Ивану/Иваном/Иване, Андрей/Андрея..., Светлана/Светланы...,
   Токаев/Токаева/Токаеву/Токаевым/Токаеве (feminine Токаева/Токаевой/
   Токаеву), Тихановский/-ого/-ому/-им/-ом (Тихановская/-ой/-ую), and the
   indeclinable -енко, -дзе, -швили, -о, -и.  Each table below lists
   (written ending -> nominative ending, cases, genders); a word yields
   every reading whose ending matches, and lexicons or context pick one. */
#include "morph.h"

#include <string.h>

#define NOM CHR_CM(CHR_CASE_NOM)
#define GEN CHR_CM(CHR_CASE_GEN)
#define DAT CHR_CM(CHR_CASE_DAT)
#define ACC CHR_CM(CHR_CASE_ACC)
#define INS CHR_CM(CHR_CASE_INS)
#define PRP CHR_CM(CHR_CASE_PREP)
#define ALL CHR_CM_ALL
#define M CHR_G_M
#define F CHR_G_F
#define MF CHR_G_ANY

typedef struct rule {
    const char *suf;        /* folded written ending */
    const char *rep;        /* nominative ending */
    uint8_t cases, gender, prio, plural;
    uint8_t sl;             /* strlen(suf), filled by R() */
} rule;

/* a rule with its ending's length computed at compile time */
#define R(suf, rep, cases, gender, prio, plural) {suf, rep, cases, gender, prio, plural, sizeof suf - 1}

/* First names, verified against the lexicon. */
/* Readings that name the same case come in the order of preference:
   Андрее is Андрей before Андре, Николе is Николя before Никол. */
static const rule given_rules[] = {
    R("", "", NOM, MF, 0, 0),
    R("я", "й", GEN | ACC, M, 0, 0), R("ю", "й", DAT, M, 0, 0), R("ем", "й", INS, M, 0, 0),
    R("е", "й", PRP, M, 0, 0), R("и", "й", PRP, M, 0, 0),
    R("я", "ь", GEN | ACC, M, 0, 0), R("ю", "ь", DAT, M, 0, 0), R("ем", "ь", INS, M, 0, 0),
    R("е", "ь", PRP, M, 0, 0), R("и", "ь", GEN | DAT | PRP, F, 0, 0), R("ью", "ь", INS, F, 0, 0),
    R("и", "я", GEN | DAT | PRP, MF, 0, 0), R("е", "я", DAT | PRP, MF, 0, 0),
    R("ю", "я", ACC, MF, 0, 0), R("ей", "я", INS, MF, 0, 0),
    R("ы", "а", GEN, MF, 0, 0), R("и", "а", GEN, MF, 0, 0), R("е", "а", DAT | PRP, MF, 0, 0),
    R("у", "а", ACC, MF, 0, 0), R("ой", "а", INS, MF, 0, 0), R("ою", "а", INS, MF, 0, 0),
    R("ей", "а", INS, MF, 0, 0),
    R("а", "", GEN | ACC, M, 0, 0), R("у", "", DAT, M, 0, 0), R("ом", "", INS, M, 0, 0),
    R("ем", "", INS, M, 0, 0), R("е", "", PRP, M, 0, 0),
    /* a vowel that drops: Павел/Павла, Лев/Льва */
    R("ла", "ел", GEN | ACC, M, 0, 0), R("лу", "ел", DAT, M, 0, 0), R("лом", "ел", INS, M, 0, 0),
    R("ле", "ел", PRP, M, 0, 0), R("ьва", "ев", GEN | ACC, M, 0, 0), R("ьву", "ев", DAT, M, 0, 0),
    R("ьвом", "ев", INS, M, 0, 0), R("ьве", "ев", PRP, M, 0, 0),
};

static const rule patr_rules[] = {
    R("ич", "ич", NOM, M, 0, 0), R("ича", "ич", GEN | ACC, M, 0, 0), R("ичу", "ич", DAT, M, 0, 0),
    R("ичем", "ич", INS, M, 0, 0), R("иче", "ич", PRP, M, 0, 0),
    R("на", "на", NOM, F, 0, 0), R("ны", "на", GEN, F, 0, 0), R("не", "на", DAT | PRP, F, 0, 0),
    R("ну", "на", ACC, F, 0, 0), R("ной", "на", INS, F, 0, 0),
};

/* Surnames of the possessive type: the stem ends in -ов/-ев/-ин/-ын. */
static const rule poss_rules[] = {
    R("", "", NOM, M, 0, 0),
    R("а", "", GEN | ACC, M, 0, 0), R("а", "а", NOM, F, 1, 0),
    R("у", "", DAT, M, 0, 0), R("у", "а", ACC, F, 1, 0),
    R("ым", "", INS, M, 0, 0), R("е", "", PRP, M, 0, 0),
    R("ой", "а", GEN | DAT | INS | PRP, F, 0, 0),
};

/* Adjectival surnames (Тихановский, Долгорукий, Толстой). */
static const rule adj_rules[] = {
    R("ий", "ий", NOM, M, 0, 0), R("ый", "ый", NOM, M, 0, 0), R("ой", "ой", NOM, M, 1, 0),
    R("ого", "ий", GEN | ACC, M, 0, 0), R("его", "ий", GEN | ACC, M, 0, 0),
    R("ого", "ый", GEN | ACC, M, 0, 0), R("ому", "ый", DAT, M, 0, 0), R("ом", "ый", PRP, M, 1, 0),
    R("ого", "ой", GEN | ACC, M, 2, 0), R("ому", "ой", DAT, M, 2, 0), R("ым", "ой", INS, M, 2, 0),
    R("ом", "ой", PRP, M, 2, 0),
    R("ому", "ий", DAT, M, 0, 0), R("ему", "ий", DAT, M, 0, 0),
    R("им", "ий", INS, M, 0, 0), R("ым", "ый", INS, M, 0, 0),
    R("ом", "ий", PRP, M, 1, 0), R("ем", "ий", PRP, M, 1, 0),
    R("ая", "ая", NOM, F, 0, 0), R("ой", "ая", GEN | DAT | INS | PRP, F, 0, 0),
    R("ую", "ая", ACC, F, 0, 0),
};

/* Other surnames: consonant stems (Пашинян, Рахмон, Зась) decline for men
   only; -а stems (Обама) for both. */
static const rule cons_rules[] = {
    R("", "", NOM, M, 1, 0),
    R("а", "", GEN | ACC, M, 1, 0), R("у", "", DAT, M, 1, 0), R("ом", "", INS, M, 1, 0),
    R("ем", "", INS, M, 2, 0), R("е", "", PRP, M, 1, 0),
    R("я", "ь", GEN | ACC, M, 2, 0), R("ю", "ь", DAT, M, 2, 0), R("ем", "ь", INS, M, 2, 0),
    R("е", "ь", PRP, M, 3, 0),
    R("а", "а", NOM, MF, 2, 0), R("ы", "а", GEN, MF, 1, 0), R("и", "а", GEN, MF, 1, 0),
    R("е", "а", DAT | PRP, MF, 2, 0),
    R("у", "а", ACC, MF, 2, 0), R("ой", "а", INS, MF, 1, 0),
    R("ца", "ец", GEN | ACC, M, 1, 0), R("цу", "ец", DAT, M, 1, 0), R("цом", "ец", INS, M, 1, 0),
    R("це", "ец", PRP, M, 1, 0),
    R("я", "я", NOM, MF, 2, 0),
    R("е", "я", DAT | PRP, MF, 2, 0), R("и", "я", GEN, MF, 2, 0), R("ю", "я", ACC, MF, 2, 0),
    R("ей", "я", INS, MF, 2, 0),
    R("ия", "ия", NOM, MF, 1, 0), R("ии", "ия", GEN | DAT | PRP, MF, 1, 0),
    R("ию", "ия", ACC, MF, 1, 0), R("ией", "ия", INS, MF, 1, 0),
};

/* Title nouns and the adjectives of multi-word titles. */
static const rule title_rules[] = {
    R("", "", NOM | ACC, MF, 0, 0),
    R("а", "", GEN | ACC, MF, 0, 0), R("у", "", DAT, MF, 0, 0), R("ом", "", INS, MF, 0, 0),
    R("ем", "", INS, MF, 0, 0), R("е", "", PRP, MF, 0, 0),
    R("я", "ь", GEN | ACC, MF, 0, 0), R("ю", "ь", DAT, MF, 0, 0), R("ем", "ь", INS, MF, 0, 0),
    R("е", "ь", PRP, MF, 0, 0),
    R("ы", "а", GEN, MF, 0, 0), R("и", "а", GEN, MF, 0, 0), R("е", "а", DAT | PRP, MF, 0, 0),
    R("у", "а", ACC, MF, 0, 0), R("ой", "а", INS, MF, 0, 0),
    R("и", "я", GEN | DAT | PRP, MF, 0, 0), R("ю", "я", ACC, MF, 0, 0), R("ей", "я", INS, MF, 0, 0),
    /* plural */
    R("ы", "", NOM | ACC, MF, 0, 1), R("и", "", NOM | ACC, MF, 0, 1), R("и", "ь", NOM | ACC, MF, 0, 1),
    R("ы", "а", NOM | ACC, MF, 0, 1), R("и", "а", NOM | ACC, MF, 0, 1), R("и", "я", NOM | ACC, MF, 0, 1),
    R("ов", "", GEN | ACC, MF, 0, 1), R("ей", "ь", GEN | ACC, MF, 0, 1), R("ей", "", GEN | ACC, MF, 0, 1),
    R("", "а", GEN, MF, 0, 1),
    R("ам", "", DAT, MF, 0, 1), R("ям", "ь", DAT, MF, 0, 1), R("ам", "а", DAT, MF, 0, 1),
    R("ами", "", INS, MF, 0, 1), R("ями", "ь", INS, MF, 0, 1), R("ами", "а", INS, MF, 0, 1),
    R("ах", "", PRP, MF, 0, 1), R("ях", "ь", PRP, MF, 0, 1), R("ах", "а", PRP, MF, 0, 1),
    /* adjectives, to the masculine nominative */
    R("ый", "ый", NOM, MF, 0, 0), R("ий", "ий", NOM, MF, 0, 0), R("ой", "ой", NOM, MF, 0, 0),
    R("ого", "ый", GEN | ACC, MF, 0, 0), R("ого", "ий", GEN | ACC, MF, 0, 0),
    R("ого", "ой", GEN | ACC, MF, 0, 0), R("его", "ий", GEN | ACC, MF, 0, 0),
    R("ому", "ый", DAT, MF, 0, 0), R("ому", "ий", DAT, MF, 0, 0), R("ему", "ий", DAT, MF, 0, 0),
    R("ым", "ый", INS, MF, 0, 0), R("им", "ий", INS, MF, 0, 0),
    R("ом", "ый", PRP, MF, 0, 0), R("ом", "ий", PRP, MF, 0, 0), R("ем", "ий", PRP, MF, 0, 0),
    R("ая", "ый", NOM, MF, 0, 0), R("яя", "ий", NOM, MF, 0, 0), R("ую", "ый", ACC, MF, 0, 0),
    R("ой", "ый", GEN | DAT | INS | PRP, MF, 0, 0),
    R("ые", "ый", NOM | ACC, MF, 0, 1), R("ие", "ий", NOM | ACC, MF, 0, 1),
    R("ых", "ый", GEN | PRP, MF, 0, 1), R("их", "ий", GEN | PRP, MF, 0, 1),
    R("ыми", "ый", INS, MF, 0, 1), R("ими", "ий", INS, MF, 0, 1),
};

#define NRULES(t) (sizeof t / sizeof t[0])

void chr_morph_fold(const char *s, size_t n, char *out)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char *o = (unsigned char *)out;
    size_t i = 0;
    while (i < n) {
        unsigned c = u[i];
        if (c < 0x80) {
            o[i] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        unsigned e = i + 1 < n ? u[i + 1] : 0;
        if (c == 0xD0 && e >= 0x80 && e <= 0xBF) {
            if (e >= 0xB0) {                    /* а-п */
                o[i] = 0xD0;
                o[i + 1] = (unsigned char)e;
            } else if (e >= 0xA0) {             /* Р-Я -> р-я */
                o[i] = 0xD1;
                o[i + 1] = (unsigned char)(e - 0x20);
            } else if (e >= 0x90) {             /* А-П -> а-п */
                o[i] = 0xD0;
                o[i + 1] = (unsigned char)(e + 0x20);
            } else if (e == 0x81) {             /* Ё -> е */
                o[i] = 0xD0;
                o[i + 1] = 0xB5;
            } else {                            /* Ѐ..Џ -> ѐ..џ */
                o[i] = 0xD1;
                o[i + 1] = (unsigned char)(e + 0x10);
            }
            i += 2;
            continue;
        }
        if (c == 0xD1 && e >= 0x80 && e <= 0x9F) {
            o[i] = e == 0x91 ? 0xD0 : 0xD1;     /* ё -> е */
            o[i + 1] = e == 0x91 ? 0xB5 : (unsigned char)e;
            i += 2;
            continue;
        }
        chr_utf8_fold(s + i, n - i, out + i);   /* anything else the general way */
        return;
    }
}

/* Does the word end in the rule's ending?  The last byte first: it tells
   most endings apart without a call. */
static int rule_ends(const char *f, size_t n, const rule *ru)
{
    size_t k = ru->sl;
    if (k == 0)
        return 1;
    if (k > n || f[n - 1] != ru->suf[k - 1])
        return 0;
    return memcmp(f + n - k, ru->suf, k) == 0;
}

static int ends(const char *f, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return k <= n && memcmp(f + n - k, suf, k) == 0;
}

/* The code point of the last character of f[0..n). */
static uint32_t last_cp(const char *f, size_t n)
{
    if (n == 0)
        return 0;
    size_t i = n - 1;
    while (i > 0 && ((unsigned char)f[i] & 0xC0) == 0x80 && n - i < 4)
        i--;
    size_t adv;
    return chr_utf8_next((const unsigned char *)f + i, n - i, &adv);
}

static size_t n_chars(const char *f, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)f[i] & 0xC0) != 0x80;
    return c;
}

static int is_vowel(uint32_t cp)
{
    static const uint32_t v[] = {0x430, 0x435, 0x438, 0x43E, 0x443, 0x44B, 0x44D, 0x44E, 0x44F, 0x451};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (cp == v[i])
            return 1;
    return 0;
}

/* к г х ж ш ч щ ц: after them Russian writes и, not ы */
static int is_hushing(uint32_t cp)
{
    return cp == 0x43A || cp == 0x433 || cp == 0x445 || cp == 0x436 || cp == 0x448 ||
           cp == 0x447 || cp == 0x449 || cp == 0x446;
}

/* ж ш ч щ: a genitive -и after them is Russian spelling; after к г х it
   is as often a foreign indeclinable name (Сузуки) */
static int hushing_only(uint32_t cp)
{
    return cp == 0x436 || cp == 0x448 || cp == 0x447 || cp == 0x449;
}

static int all_upper(const char *w, size_t n)
{
    size_t i = 0, letters = 0;
    while (i < n) {
        size_t adv;
        uint32_t cp = chr_utf8_next((const unsigned char *)w + i, n - i, &adv);
        if (chr_cp_is_letter(cp)) {
            if (!chr_cp_is_upper(cp))
                return 0;
            letters++;
        }
        i += adv;
    }
    return letters >= 2;
}

/* Writes the display nominative: the written stem (or, for a word in
   capitals, the folded stem with each hyphen part capitalised) plus the
   nominative ending. */
static int make_nom(char *out, const char *w, const char *f, size_t stem, const char *rep, int caps)
{
    size_t k = strlen(rep);
    if (stem + k + 1 > CHR_MORPH_WORD)
        return 0;
    memcpy(out, caps ? f : w, stem);
    memcpy(out + stem, rep, k);
    out[stem + k] = '\0';
    if (caps) {
        size_t start = 0, len = stem + k;
        for (size_t i = 0; i <= len; i++) {
            if (i == len || out[i] == '-') {
                if (i > start)
                    chr_utf8_capitalize(out + start, i - start, out + start);
                start = i + 1;
            }
        }
    }
    return 1;
}

static int add_form(chr_name_form *out, int n, int max, const char *nom, uint8_t cases,
                    uint8_t gender, uint8_t prio)
{
    for (int i = 0; i < n; i++) {
        if (strcmp(out[i].nom, nom) == 0 && out[i].prio == prio && out[i].gender == gender) {
            out[i].cases |= cases;
            return n;
        }
    }
    if (n >= max)
        return n;
    memcpy(out[n].nom, nom, strlen(nom) + 1);
    out[n].cases = cases;
    out[n].gender = gender;
    out[n].prio = prio;
    return n + 1;
}

static uint8_t gender_of(const char *payload)
{
    uint8_t g = 0;
    if (strchr(payload, 'm'))
        g |= M;
    if (strchr(payload, 'f'))
        g |= F;
    return g ? g : MF;
}

/* A payload "m Пётр" spells the nominative with ё, which the text often
   leaves out (Петра): the nominative takes the listed spelling when the
   two differ in ё alone. */
static void spell_as_listed(char *nom, const char *payload)
{
    const char *sp = strchr(payload, ' ');
    if (!sp)
        return;
    sp++;
    size_t n = strlen(nom), k = strcspn(sp, "|");
    if (n != k || n >= CHR_MORPH_WORD)
        return;
    char a[CHR_MORPH_WORD], b[CHR_MORPH_WORD];
    chr_morph_fold(nom, n, a);
    chr_morph_fold(sp, n, b);
    if (memcmp(a, b, n) == 0 && !all_upper(nom, n))
        memcpy(nom, sp, n);
}

/* Given-name readings of w where only the part [a, b) inflects. */
static int given_part(const char *w, const char *f, size_t n, size_t a, size_t b, int caps,
                      chr_name_form *out, int cnt, int max)
{
    char key[CHR_MORPH_WORD * 2];
    char nom[CHR_MORPH_WORD * 2];
    for (size_t r = 0; r < NRULES(given_rules); r++) {
        const rule *ru = &given_rules[r];
        size_t sl = ru->sl;
        if (!rule_ends(f + a, b - a, ru))
            continue;
        size_t rl = strlen(ru->rep);
        size_t stem = b - sl;
        if (n_chars(f + a, stem - a) + n_chars(ru->rep, rl) < 3)
            continue;
        size_t klen = stem + rl + (n - b);
        if (klen + 1 > sizeof key)
            continue;
        memcpy(key, f, stem);
        memcpy(key + stem, ru->rep, rl);
        memcpy(key + stem + rl, f + b, n - b);
        const char *pl = chr_lex_get(CHR_LEX_GIVEN_NAMES, key, klen);
        if (!pl)
            continue;
        uint8_t g = gender_of(pl) & ru->gender;
        if (!g)
            continue;
        uint8_t cases = ru->cases;
        if (sl == 0) {
            /* indeclinable: names ending in -о/-е/-и/-у/-ю, and women's
               names ending in a consonant (Ким, Эстер) */
            uint32_t lc = last_cp(f + a, b - a);
            if (is_vowel(lc) && lc != 0x430 && lc != 0x44F)
                cases = ALL;
            else if (lc == 0x430 && b - a >= 4 && is_vowel(last_cp(f + a, b - a - 2)))
                cases = ALL;              /* Джошуа, Жоа: -а after a vowel stays */
            else if (!is_vowel(lc) && lc != 0x44C && lc != 0x439 && (g & F))
                cases = ALL;
            else if (lc == 0x44C && (g & F) && ends(f + a, b - a, "ль"))
                cases = ALL;              /* Мишель, Изабель do not decline */
        }
        if (!make_nom(nom, w, f, stem, ru->rep, caps))
            continue;
        if (n - b) {
            size_t l = strlen(nom);
            if (l + (n - b) + 1 > CHR_MORPH_WORD)
                continue;
            memcpy(nom + l, (caps ? f : w) + b, n - b);
            nom[l + n - b] = '\0';
            if (caps)
                chr_utf8_capitalize(nom + l + 1, n - b - 1, nom + l + 1);
        }
        spell_as_listed(nom, pl);
        cnt = add_form(out, cnt, max, nom, cases, g, ru->prio);
    }
    return cnt;
}

int chr_morph_given(const char *w, size_t n, chr_name_form *out, int max)
{
    char f[CHR_MORPH_WORD];
    if (n == 0 || n >= sizeof f || max <= 0)
        return 0;
    chr_morph_fold(w, n, f);
    int caps = all_upper(w, n);
    int cnt = given_part(w, f, n, 0, n, caps, out, 0, max);
    const char *hy = memchr(f, '-', n);
    if (cnt == 0 && hy) {
        /* Касым-Жомартом: the last part declines; Ахмата-Хаджи: the first */
        size_t first_end = (size_t)(hy - f), last = n;
        while (last > 0 && f[last - 1] != '-')
            last--;
        cnt = given_part(w, f, n, last, n, caps, out, cnt, max);
        if (cnt == 0)
            cnt = given_part(w, f, n, 0, first_end, caps, out, cnt, max);
        if (cnt == 0 && chr_lex_get(CHR_LEX_GIVEN_NAMES, f, first_end)) {
            /* two known names joined: decline the last one on its own */
            chr_name_form part[CHR_MORPH_MAX];
            int k = given_part(w + last, f + last, n - last, 0, n - last, caps, part, 0,
                               CHR_MORPH_MAX);
            for (int i = 0; i < k; i++) {
                char nom[CHR_MORPH_WORD];
                size_t pl = strlen(part[i].nom);
                if (last + pl + 1 > sizeof nom || !make_nom(nom, w, f, last, "", caps))
                    continue;
                memcpy(nom + last, part[i].nom, pl + 1);
                cnt = add_form(out, cnt, max, nom, part[i].cases, part[i].gender, part[i].prio);
            }
        }
    }
    return cnt;
}

int chr_morph_patronymic(const char *w, size_t n, chr_name_form *out, int max)
{
    char f[CHR_MORPH_WORD];
    if (n == 0 || n >= sizeof f || max <= 0)
        return 0;
    chr_morph_fold(w, n, f);
    int ending = 0;
    for (size_t r = 0; r < NRULES(patr_rules) && !ending; r++)
        ending = rule_ends(f, n, &patr_rules[r]);
    if (!ending)
        return 0;
    /* the suffix must follow a name stem: -ович/-евич/-ьич/-ич, -овна/-евна/-ична */
    static const char *const stems[] = {"ович", "евич", "ич", "овн", "евн", "ичн"};
    int ok = 0;
    for (size_t s = 0; s < sizeof stems / sizeof stems[0] && !ok; s++) {
        const char *p = f;
        size_t k = strlen(stems[s]);
        for (size_t i = 0; i + k <= n; i++)
            if (memcmp(p + i, stems[s], k) == 0 && n - (i + k) <= 4 && n_chars(f, i) >= 3)
                ok = 1;
    }
    if (!ok)
        return 0;
    int caps = all_upper(w, n);
    int cnt = 0;
    char nom[CHR_MORPH_WORD];
    for (size_t r = 0; r < NRULES(patr_rules); r++) {
        const rule *ru = &patr_rules[r];
        if (!rule_ends(f, n, ru))
            continue;
        if (ru->gender == F && !(ends(f, n, "овна") || ends(f, n, "евна") || ends(f, n, "ична") ||
                                 ends(f, n, "овны") || ends(f, n, "евны") || ends(f, n, "ичны") ||
                                 ends(f, n, "овне") || ends(f, n, "евне") || ends(f, n, "ичне") ||
                                 ends(f, n, "овну") || ends(f, n, "евну") || ends(f, n, "ичну") ||
                                 ends(f, n, "овной") || ends(f, n, "евной") || ends(f, n, "ичной")))
            continue;
        size_t stem = n - strlen(ru->suf);
        if (make_nom(nom, w, f, stem, ru->rep, caps))
            cnt = add_form(out, cnt, max, nom, ru->cases, ru->gender, 0);
    }
    return cnt;
}

static int adj_stem(const char *f, size_t n);

/* т д с з before ц spell a foreign -тц/-дц (Хоровитц), not a fleeting е */
static int foreign_before_ts(uint32_t cp)
{
    /* and ь: Шольц, Гольц keep their stem (Шольцу is no Шольец) */
    return cp == 0x442 || cp == 0x434 || cp == 0x441 || cp == 0x437 || cp == 0x44C;
}

static int apply_rules(const rule *rules, size_t nr, const char *w, const char *f, size_t n,
                       size_t min_stem_chars, int caps, uint8_t prio_add, chr_name_form *out,
                       int cnt, int max, int (*stem_ok)(const char *, size_t))
{
    char nom[CHR_MORPH_WORD];
    for (size_t r = 0; r < nr; r++) {
        const rule *ru = &rules[r];
        if (!rule_ends(f, n, ru))
            continue;
        size_t stem = n - ru->sl;
        if (n_chars(f, stem) < min_stem_chars)
            continue;
        if (stem_ok && !stem_ok(f, stem))
            continue;
        if (stem_ok == adj_stem && ru->suf[0] == '\xd0' && strcmp(ru->rep, ru->suf) != 0) {
            /* -ий after к г х ж ш ч щ (Долгорукий), -ый elsewhere (Грозный) */
            int hush = is_hushing(last_cp(f, stem));
            if ((strcmp(ru->rep, "ый") == 0 && hush) ||
                (strcmp(ru->rep, "ий") == 0 && !hush && strcmp(ru->suf, "его") && strcmp(ru->suf, "ему") &&
                 strcmp(ru->suf, "ем")))
                continue;
        }
        if (make_nom(nom, w, f, stem, ru->rep, caps))
            cnt = add_form(out, cnt, max, nom, ru->cases, ru->gender, (uint8_t)(ru->prio + prio_add));
    }
    return cnt;
}

/* Does f (n bytes) end in the k bytes of s?  Short endings: no call. */
static inline int tail_is(const char *f, size_t n, const char *s, size_t k)
{
    if (k > n)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (f[n - k + i] != s[i])
            return 0;
    return 1;
}

/* the stem ends in ов, ев, ин or ын (four bytes compared at once) */
static int poss_stem(const char *f, size_t n)
{
    if (n < 4)
        return 0;
    const unsigned char *u = (const unsigned char *)f + n - 4;
    uint32_t w = (uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 | (uint32_t)u[2] << 8 | u[3];
    return w == 0xD0BED0B2u || w == 0xD0B5D0B2u || w == 0xD0B8D0BDu || w == 0xD18BD0BDu;
}

static int adj_stem(const char *f, size_t n)
{
    /* Долгорук-ий, Тихановск-ий, Грозн-ый, Толст-ой: a consonant before the ending */
    return n >= 2 && !is_vowel(last_cp(f, n)) && last_cp(f, n) != 0x44C;
}

/* The priority of reading the word as an indeclinable surname, or -1. */
static int indeclinable(const char *f, size_t n)
{
    static const char *const sure[] = {"енко", "ко", "дзе", "швили", "ли", "ни", "ти", "ри",
                                       "ых", "их", "аго", "яго", "о", "э"};
    static const char *const maybe[] = {"у", "ю", "е", "и"};
    if (ends(f, n, "ого") || ends(f, n, "его"))
        return -1;                      /* Гороховского is an adjective's genitive */
    for (size_t i = 0; i < sizeof sure / sizeof sure[0]; i++)
        if (ends(f, n, sure[i]))
            return 0;
    for (size_t i = 0; i < sizeof maybe / sizeof maybe[0]; i++)
        if (ends(f, n, maybe[i]))
            return 3;
    return -1;
}

/* A nominative that ends like an inflected adjective was never a
   consonant-stem surname (Долгорукому is not Долгоруком + у). */
static int adjectival_end(const char *f, size_t n)
{
    static const char *const e[] = {"ом", "ем", "ым", "им", "ой", "ей", "ую", "ого", "его"};
    if (n_chars(f, n) < 6)
        return 0;
    for (size_t i = 0; i < sizeof e / sizeof e[0]; i++)
        if (ends(f, n, e[i]))
            return 1;
    return 0;
}

int chr_morph_surname(const char *w, size_t n, chr_name_form *out, int max)
{
    char f[CHR_MORPH_WORD];
    if (n == 0 || n >= sizeof f || max <= 0)
        return 0;
    chr_morph_fold(w, n, f);
    int caps = all_upper(w, n);
    int cnt = 0;
    char nom[CHR_MORPH_WORD];
    /* a listed surname in the nominative is itself, in any case when it
       does not decline */
    const char *pl = chr_lex_get(CHR_LEX_SURNAMES, f, n);
    if (pl && make_nom(nom, w, f, n, "", caps)) {
        uint8_t g = *pl ? gender_of(pl) : MF;
        uint32_t lc = last_cp(f, n);
        uint8_t cases = (is_vowel(lc) && lc != 0x430 && lc != 0x44F) || g == F ? ALL : NOM;
        cnt = add_form(out, cnt, max, nom, cases, g, 0);
    }
    int ind = indeclinable(f, n);
    if (ind >= 0 && make_nom(nom, w, f, n, "", caps))
        cnt = add_form(out, cnt, max, nom, ALL, MF, (uint8_t)ind);
    int poss_hit = 0;
    /* -ов/-ин types: the stem ends in ов/ев/ин/ын once the ending is off */
    for (size_t r = 0; r < NRULES(poss_rules); r++) {
        const rule *ru = &poss_rules[r];
        if (!rule_ends(f, n, ru))
            continue;
        size_t stem = n - ru->sl;
        if (!poss_stem(f, stem) || n_chars(f, stem) < 4)
            continue;
        poss_hit = 1;
        if (make_nom(nom, w, f, stem, ru->rep, caps))
            cnt = add_form(out, cnt, max, nom, ru->cases, ru->gender, ru->prio);
    }
    int strong_adj = ends(f, n, "ский") || ends(f, n, "цкий") || ends(f, n, "ская") ||
                     ends(f, n, "цкая") || ends(f, n, "ского") || ends(f, n, "цкого") ||
                     ends(f, n, "скому") || ends(f, n, "цкому") || ends(f, n, "ским") ||
                     ends(f, n, "цким") || ends(f, n, "ском") || ends(f, n, "цком") ||
                     ends(f, n, "ской") || ends(f, n, "цкой") || ends(f, n, "скую") ||
                     ends(f, n, "цкую");
    cnt = apply_rules(adj_rules, NRULES(adj_rules), w, f, n, 3, caps, strong_adj ? 0 : 2, out,
                      cnt, max, adj_stem);
    if (!poss_hit && !strong_adj) {
        /* consonant and -а stems; skip readings that the types above own */
        for (size_t r = 0; r < NRULES(cons_rules); r++) {
            const rule *ru = &cons_rules[r];
            if (!rule_ends(f, n, ru))
                continue;
            size_t stem = n - ru->sl;
            if (n_chars(f, stem) < 2 || (ru->rep[0] == '\0' && poss_stem(f, stem) && n_chars(f, stem) >= 4))
                continue;
            uint32_t lc = last_cp(f, stem);
            size_t rl = strlen(ru->rep);
            if (rl == 0 && ru->sl > 0 && (lc == 0x44C || lc == 0x439))
                continue;                        /* the ending was part of the stem */
            if (rl == 0 && is_vowel(lc) && strlen(ru->suf) > 0)
                continue;
            const char *rep = ru->rep;
            if (strcmp(rep, "ь") == 0 && is_vowel(lc))
                rep = "й";                       /* Гайдая -> Гайдай */
            if (strcmp(rep, "ь") == 0 && (lc == 0x44C || lc == 0x439))
                continue;                        /* Амарилья is no Амарильь */
            if (strcmp(ru->suf, "ы") == 0 && is_hushing(lc))
                continue;
            if (strcmp(ru->suf, "и") == 0 && strcmp(rep, "а") == 0 && !hushing_only(lc))
                continue;                        /* Коджи -> Коджа; Сузуки stays */
            if (ru->suf[0] == '\0' && (is_vowel(last_cp(f, n)) || ind >= 0))
                continue;                        /* only consonant endings are bare */
            if (ru->suf[0] && rl == 0 && adjectival_end(f, stem))
                continue;
            if ((lc == 0x44C || lc == 0x439) && strcmp(rep, "а") == 0)
                continue;                        /* no Russian word ends in -ьа */
            if (strcmp(ru->rep, "ец") == 0 && (is_vowel(lc) || foreign_before_ts(lc)))
                continue;                        /* the vowel drops only between consonants */
            if (lc == 0x446 && rl == 0 && stem >= 4 && !is_vowel(last_cp(f, stem - 2)) &&
                !foreign_before_ts(last_cp(f, stem - 2)))
                continue;                        /* Озерца is Озерец, not Озерц */
            if (strcmp(rep, "а") == 0 && is_vowel(lc))
                continue;                        /* Тифензее does not decline */
            if (strcmp(rep, "я") == 0 && lc != 0x439 && (lc != 0x44C || strcmp(ru->suf, "я") != 0))
                continue;                        /* Монтойе is Монтойя, Амарилья stays;
                                                    Винье, Тифензее stay */
            if (strcmp(ru->suf, "ем") == 0 && rl == 0 && !is_hushing(lc))
                continue;                        /* Чэнем is Чэнь */
            uint8_t prio = ru->prio;
            if (ru->suf[0] == '\0' && (ends(f, n, "ом") || ends(f, n, "ем") || adjectival_end(f, n)))
                prio = 2;                        /* Хорняком: rather Хорняк */
            if (make_nom(nom, w, f, stem, rep, caps))
                cnt = add_form(out, cnt, max, nom, ru->cases, ru->gender, prio);
        }
    }
    /* a shape no rule knows (Сайкыа) is still a surname as written */
    if (cnt == 0 && make_nom(nom, w, f, n, "", caps))
        cnt = add_form(out, cnt, max, nom, ALL, MF, 3);
    /* a reading that is a listed surname beats guesses (Обаму -> Обама) */
    for (int k = 0; k < cnt; k++) {
        char fl[CHR_MORPH_WORD];
        size_t ln = strlen(out[k].nom);
        chr_morph_fold(out[k].nom, ln, fl);
        if (out[k].prio && chr_lex_get(CHR_LEX_SURNAMES, fl, ln))
            out[k].prio = 0;
    }
    return cnt;
}

int chr_morph_surname_shape(const char *f, size_t n)
{
    if (chr_lex_get(CHR_LEX_SURNAMES, f, n))
        return 3;
    return chr_morph_surname_ending(f, n);
}

int chr_morph_surname_ending(const char *f, size_t n)
{
#define E(x) {x, sizeof x - 1}
    static const struct { const char *s; size_t n; } strong[] = {
        E("ский"), E("цкий"), E("ская"), E("цкая"), E("ского"), E("цкого"), E("скому"),
        E("цкому"), E("ским"), E("цким"), E("ском"), E("цком"), E("ской"), E("цкой"), E("скую"),
        E("цкую"), E("енко"), E("швили"), E("дзе"), E("янц"), E("янца"), E("ян"), E("яна"),
        E("яну"), E("яном"), E("яне"), E("вич"), E("вича"), E("вичу"), E("вичем"), E("виче"),
        E("ук"), E("юк"), E("ука"), E("юка"), E("уку"), E("юку"), E("уком"), E("юком"), E("уке"),
        E("юке"), E("ых"), E("их")};
    static const struct { const char *s; size_t n; } poss_end[] = {
        E(""), E("а"), E("у"), E("ым"), E("е"), E("ой")};
#undef E
    size_t nstrong = sizeof strong / sizeof strong[0];
    for (size_t i = 0; n >= 2 && i < nstrong; i++) {
        size_t k = strong[i].n;
        if (k < n && f[n - 1] == strong[i].s[k - 1] && f[n - 2] == strong[i].s[k - 2] &&
            tail_is(f, n, strong[i].s, k) && n_chars(f, n) > k / 2 + 2)
            return i < nstrong - 2 ? 2 : 1;
    }
    for (size_t i = 0; i < sizeof poss_end / sizeof poss_end[0]; i++) {
        size_t k = poss_end[i].n;
        if (k <= n && tail_is(f, n, poss_end[i].s, k) && poss_stem(f, n - k) &&
            n_chars(f, n - k) >= 4)
            return 2;
    }
    return 1;
}

int chr_morph_pick(const chr_name_form *f, int n, uint8_t cases, uint8_t gender)
{
    int best = -1, best_score = 1 << 30;
    for (int i = 0; i < n; i++) {
        int score = f[i].prio;
        if (cases && !(f[i].cases & cases))
            score += 100;
        if (gender && !(f[i].gender & gender))
            score += 50;
        if (score < best_score) {
            best_score = score;
            best = i;
        }
    }
    return best;
}

const char *chr_morph_title(const char *f, size_t n, char *lemma, size_t cap, uint8_t *cases,
                            uint8_t *plural)
{
    const char *found = NULL;
    uint8_t c = 0, pl = 0;
    int seen_sg = 0, seen_pl = 0;
    char key[CHR_MORPH_WORD + 8];
    if (n == 0 || n >= CHR_MORPH_WORD)
        return NULL;
    for (size_t r = 0; r < NRULES(title_rules); r++) {
        const rule *ru = &title_rules[r];
        if (!rule_ends(f, n, ru))
            continue;
        size_t stem = n - ru->sl, rl = strlen(ru->rep);
        if (n_chars(f, stem) < 2 || stem + rl + 1 > sizeof key)
            continue;
        memcpy(key, f, stem);
        memcpy(key + stem, ru->rep, rl);
        key[stem + rl] = '\0';
        const char *p = chr_lex_get(CHR_LEX_TITLES, key, stem + rl);
        if (!p)
            continue;
        const char *lem = key;
        size_t lem_len = stem + rl;
        if (p[0] == '@') {
            /* an irregular form: its payload names the nominative */
            if (r != 0)
                continue;
            lem = p + 1;
            lem_len = strlen(lem);
            p = chr_lex_get(CHR_LEX_TITLES, lem, lem_len);
            if (!p)
                continue;
            c |= ALL;
            seen_sg = seen_pl = 1;
        }
        if (found && strlen(lemma) != lem_len)
            continue;                     /* keep the first lemma's readings only */
        if (found && memcmp(lemma, lem, lem_len) != 0)
            continue;
        if (lem_len + 1 > cap)
            return NULL;
        memcpy(lemma, lem, lem_len);
        lemma[lem_len] = '\0';
        found = p;
        c |= ru->cases;
        if (ru->plural)
            seen_pl = 1;
        else
            seen_sg = 1;
    }
    if (!found)
        return NULL;
    pl = seen_pl ? (seen_sg ? 2 : 1) : 0;
    if (cases)
        *cases = c;
    if (plural)
        *plural = pl;
    return found;
}

size_t chr_morph_noun_nom(const char *w, size_t n, char *out, size_t cap)
{
    char f[CHR_MORPH_WORD];
    if (n == 0 || n >= sizeof f || cap == 0)
        return 0;
    chr_morph_fold(w, n, f);
    size_t stem = n;
    const char *rep = "";
    if (all_upper(w, n)) {
        stem = n;
    } else if (ends(f, n, "ии")) {
        stem = n - strlen("и");
        rep = "я";
    } else if (ends(f, n, "ы")) {
        stem = n - strlen("ы");
        rep = "а";
    } else if (ends(f, n, "и")) {
        stem = n - strlen("и");
        rep = is_hushing(last_cp(f, stem)) ? "а" : "ь";
    } else if (ends(f, n, "а") && !is_vowel(last_cp(f, n - strlen("а")))) {
        stem = n - strlen("а");
    } else if (ends(f, n, "я") && !is_vowel(last_cp(f, n - strlen("я")))) {
        stem = n - strlen("я");
        rep = "ь";
    }
    size_t rl = strlen(rep);
    if (stem + rl + 1 > cap)
        return 0;
    memcpy(out, w, stem);
    memcpy(out + stem, rep, rl);
    out[stem + rl] = '\0';
    return stem + rl;
}
