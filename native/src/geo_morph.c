/* geo_morph.c - nominative candidates, adjective agreement and genitives for
   place and organisation names.  Candidates over-generate on purpose: a
   lexicon look-up decides which one is a real name, so a wrong guess costs a
   hash probe, never a wrong answer. */
#include "geo_morph.h"

#include <string.h>

#define C_NOM CHR_GEO_CASE(CHR_CASE_NOM)
#define C_GEN CHR_GEO_CASE(CHR_CASE_GEN)
#define C_DAT CHR_GEO_CASE(CHR_CASE_DAT)
#define C_ACC CHR_GEO_CASE(CHR_CASE_ACC)
#define C_INS CHR_GEO_CASE(CHR_CASE_INS)
#define C_PREP CHR_GEO_CASE(CHR_CASE_PREP)

/* Noun endings of the oblique cases and the nominative ending they replace. */
#define NR(e, nom, c) {e, nom, sizeof(e) - 1, sizeof(nom) - 1, c}
/* Sorted by the ending's last letter; noun_group finds a letter's rules. */
static const struct {
    const char *end, *nom;
    uint8_t end_n, nom_n, cases;
} noun_rules[] = {
    NR("а", "", C_GEN),
    NR("а", "о", C_GEN),
    NR("а", "е", C_GEN),
    NR("ов", "ы", C_GEN),
    NR("е", "а", C_DAT | C_PREP),
    NR("е", "я", C_DAT | C_PREP),
    NR("е", "ь", C_PREP),
    NR("е", "й", C_PREP),
    NR("е", "", C_PREP),
    NR("е", "о", C_PREP),
    NR("ии", "ия", C_GEN | C_DAT | C_PREP),
    NR("и", "а", C_GEN),
    NR("и", "я", C_GEN | C_DAT | C_PREP),
    NR("и", "ь", C_GEN | C_DAT | C_PREP),
    NR("ами", "ы", C_INS),
    NR("ией", "ия", C_INS),
    NR("ой", "а", C_INS),
    NR("ей", "я", C_INS),
    NR("ем", "ь", C_INS),
    NR("ем", "й", C_INS),
    NR("ом", "", C_INS),
    NR("ем", "е", C_INS),
    NR("ом", "о", C_INS),
    NR("ам", "ы", C_DAT),
    NR("у", "а", C_ACC),
    NR("у", "", C_DAT),
    NR("у", "о", C_DAT),
    NR("у", "е", C_DAT),
    NR("ах", "ы", C_PREP),
    NR("ы", "а", C_GEN),
    NR("ию", "ия", C_ACC),
    NR("ою", "а", C_INS),
    NR("ю", "я", C_ACC),
    NR("ею", "я", C_INS),
    NR("ью", "ь", C_INS),
    NR("ю", "ь", C_DAT),
    NR("ю", "й", C_DAT),
    NR("ю", "е", C_DAT),
    NR("я", "ь", C_GEN),
    NR("я", "й", C_GEN),
    NR("я", "е", C_GEN),
};
/* [first, count) of the rules ending in letter а + i (а..я). */
static const struct { uint8_t first, count; } noun_group[32] = {
    {0, 3}, {0, 0}, {3, 1}, {0, 0}, {0, 0}, {4, 6}, {0, 0}, {0, 0},
    {10, 5}, {15, 3}, {0, 0}, {0, 0}, {18, 6}, {0, 0}, {0, 0}, {0, 0},
    {0, 0}, {0, 0}, {0, 0}, {24, 4}, {0, 0}, {28, 1}, {0, 0}, {0, 0},
    {0, 0}, {0, 0}, {0, 0}, {29, 1}, {0, 0}, {0, 0}, {30, 8}, {38, 3},
};

/* Adjective endings, longest first so that "ого" wins over "ой". */
#define AE(e, c) {e, sizeof(e) - 1, c}
/* Sorted by last letter, longest first within one. */
static const struct {
    const char *end;
    uint8_t end_n, cases;
} adj_endings[] = {
    AE("ое", C_NOM | C_ACC),
    AE("ее", C_NOM | C_ACC),
    AE("ые", C_NOM | C_ACC),
    AE("ие", C_NOM | C_ACC),
    AE("ыми", C_INS),
    AE("ими", C_INS),
    AE("ой", C_NOM | C_GEN | C_DAT | C_INS | C_PREP),
    AE("ей", C_GEN | C_DAT | C_INS | C_PREP),
    AE("ый", C_NOM),
    AE("ий", C_NOM),
    AE("ым", C_INS | C_DAT),
    AE("им", C_INS | C_DAT),
    AE("ом", C_PREP),
    AE("ем", C_PREP),
    AE("ого", C_GEN | C_ACC),
    AE("его", C_GEN | C_ACC),
    AE("ому", C_DAT),
    AE("ему", C_DAT),
    AE("ых", C_GEN | C_PREP),
    AE("их", C_GEN | C_PREP),
    AE("ую", C_ACC),
    AE("юю", C_ACC),
    AE("ая", C_NOM),
    AE("яя", C_NOM),
};
/* [first, count) of the rules ending in letter а + i (а..я). */
static const struct { uint8_t first, count; } adj_group[32] = {
    {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 4}, {0, 0}, {0, 0},
    {4, 2}, {6, 4}, {0, 0}, {0, 0}, {10, 4}, {0, 0}, {14, 2}, {0, 0},
    {0, 0}, {0, 0}, {0, 0}, {16, 2}, {0, 0}, {18, 2}, {0, 0}, {0, 0},
    {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {20, 2}, {22, 2},
};

/* Endings are one to three letters; compared from the end because Cyrillic
   letters share their first byte. */
static int ends_with_n(const char *w, size_t n, const char *suf, size_t k)
{
    if (n < k)
        return 0;
    for (size_t i = k; i-- > 0;)
        if (w[n - k + i] != suf[i])
            return 0;
    return 1;
}

static int ends_with(const char *w, size_t n, const char *suf)
{
    return ends_with_n(w, n, suf, strlen(suf));
}

/* The code point that ends w[0..n), 0 when none. */
static uint32_t last_cp(const char *w, size_t n)
{
    if (n == 0)
        return 0;
    size_t i = n - 1;
    while (i > 0 && ((unsigned char)w[i] & 0xC0) == 0x80 && n - i < 4)
        i--;
    size_t adv;
    uint32_t cp = chr_utf8_next((const unsigned char *)w + i, n - i, &adv);
    return cp == CHR_CP_INVALID || i + adv != n ? 0 : cp;
}

/* Letters in w[0..n): Cyrillic letters take two bytes, so a byte count would
   let a one-letter stem through. */
static size_t letters(const char *w, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)w[i] & 0xC0) != 0x80;
    return k;
}

/* к г х ж ш ч щ ц: after these Russian spelling writes и for ы and а for я. */
static int velar_or_hushing(uint32_t cp)
{
    return cp == 0x43A || cp == 0x433 || cp == 0x445 || cp == 0x436 || cp == 0x448 ||
           cp == 0x447 || cp == 0x449 || cp == 0x446;
}

static int hushing(uint32_t cp)
{
    return cp == 0x436 || cp == 0x448 || cp == 0x447 || cp == 0x449;
}

static int soft_vowel_start(const char *end)
{
    size_t adv;
    uint32_t cp = chr_utf8_next((const unsigned char *)end, 2, &adv);   /* a letter or NUL */
    return cp == 0x435 || cp == 0x438 || cp == 0x44F || cp == 0x44E; /* е и я ю */
}

static int push(chr_geo_cand *out, int k, int max, const char *stem, size_t sn,
                const char *end, size_t en, uint8_t cases)
{
    if (k >= max || sn + en > CHR_GEO_WORD_MAX)
        return k;
    for (int i = 0; i < k; i++) {
        if (out[i].n == sn + en && memcmp(out[i].s, stem, sn) == 0 &&
            memcmp(out[i].s + sn, end, en) == 0) {
            out[i].cases |= cases;
            return k;
        }
    }
    memcpy(out[k].s, stem, sn);
    memcpy(out[k].s + sn, end, en);
    out[k].s[sn + en] = '\0';
    out[k].n = (uint8_t)(sn + en);
    out[k].cases = cases;
    return k + 1;
}

/* The adjective endings that end in w's last letter: [*first, *end). */
static int adj_range(const char *w, size_t n, size_t *first, size_t *end)
{
    uint32_t last = n >= 2 ? last_cp(w, n) : 0;
    if (last < 0x430 || last > 0x44F)
        return 0;
    *first = adj_group[last - 0x430].first;
    *end = *first + adj_group[last - 0x430].count;
    return 1;
}

size_t chr_geo_adj_ending(const char *w, size_t n)
{
    size_t first, end;
    if (!adj_range(w, n, &first, &end))
        return 0;
    for (size_t i = first; i < end; i++) {
        size_t k = adj_endings[i].end_n;
        if (ends_with_n(w, n, adj_endings[i].end, k) && letters(w, n - k) >= 3)
            return k;
    }
    return 0;
}

/* Nominative ending of an adjective with stem `stem` for gender g. */
static const char *adj_nom_end(const char *stem, size_t sn, const char *old_end, char g)
{
    uint32_t last = last_cp(stem, sn);
    int soft = soft_vowel_start(old_end) && !velar_or_hushing(last);
    switch (g) {
    case 'f': return soft ? "яя" : "ая";
    case 'n': return soft || hushing(last) ? "ее" : "ое";
    case 'p': return soft || velar_or_hushing(last) ? "ие" : "ые";
    default:  return soft || velar_or_hushing(last) ? "ий" : "ый";
    }
}

static const char *adj_old_end(const char *w, size_t n, uint8_t *cases, size_t *len)
{
    size_t first, end;
    if (!adj_range(w, n, &first, &end))
        return NULL;
    for (size_t i = first; i < end; i++) {
        size_t k = adj_endings[i].end_n;
        if (ends_with_n(w, n, adj_endings[i].end, k) && letters(w, n - k) >= 3) {
            if (cases)
                *cases = adj_endings[i].cases;
            if (len)
                *len = k;
            return adj_endings[i].end;
        }
    }
    return NULL;
}

int chr_geo_cands(const char *w, size_t n, chr_geo_cand *out, int max)
{
    int k = 0;
    if (max <= 0 || n > CHR_GEO_WORD_MAX)
        return 0;
    uint32_t last = last_cp(w, n);
    /* Words ending in о/е/и/у/ю/э or spelled in capitals do not decline. */
    uint8_t self = (last == 0x43E || last == 0x44D || last < 0x80) ? CHR_GEO_ANY_CASE
                                                                  : C_NOM | C_ACC;
    k = push(out, k, max, w, n, "", 0, self);
    if (last < 0x430 || last > 0x44F)
        return k;                   /* Latin, digits: no Russian ending */
    /* endings are Cyrillic, two bytes a letter: count the word's once */
    size_t tl = letters(w, n);
    unsigned li = last - 0x430;
    for (size_t i = noun_group[li].first, e = i + noun_group[li].count; i < e; i++) {
        size_t en = noun_rules[i].end_n;
        if (tl < en / 2 + 2 || !ends_with_n(w, n, noun_rules[i].end, en))
            continue;
        k = push(out, k, max, w, n - en, noun_rules[i].nom, noun_rules[i].nom_n,
                 noun_rules[i].cases);
    }
    for (size_t i = adj_group[li].first, e = i + adj_group[li].count; i < e; i++) {
        size_t en = adj_endings[i].end_n;
        if (tl < en / 2 + 3 || !ends_with_n(w, n, adj_endings[i].end, en))
            continue;
        const char *old = adj_endings[i].end;
        size_t sn = n - en;
        static const char genders[] = {'m', 'f', 'n', 'p'};
        for (size_t g = 0; g < sizeof genders; g++)
            k = push(out, k, max, w, sn, adj_nom_end(w, sn, old, genders[g]), 4,
                     adj_endings[i].cases);
        /* stressed -ой (Донской, Тверской) cannot be told from -ый by spelling */
        if (!soft_vowel_start(old))
            k = push(out, k, max, w, sn, "ой", 4, adj_endings[i].cases);
        break;
    }
    return k;
}

size_t chr_geo_adj_nominative(const char *s, size_t n, char gender, char *out, size_t cap)
{
    if (n > CHR_GEO_WORD_MAX)
        return 0;
    char f[CHR_GEO_WORD_MAX];
    chr_utf8_fold(s, n, f);
    const char *old = adj_old_end(f, n, NULL, NULL);
    if (!old)
        return 0;
    size_t sn = n - strlen(old);
    const char *e = adj_nom_end(f, sn, old, gender);
    size_t en = strlen(e);
    if (sn + en + 1 > cap)
        return 0;
    memcpy(out, s, sn);
    memcpy(out + sn, e, en);
    out[sn + en] = '\0';
    return sn + en;
}

/* Genitive of one word; *head is set once a noun declined, so that the
   words after the head keep their form. */
static size_t genitive_word(const char *s, size_t n, char *out, size_t cap, int *head)
{
    char f[CHR_GEO_WORD_MAX];
    const char *add = NULL;
    size_t cut = 0;
    if (n == 0 || n > CHR_GEO_WORD_MAX || *head)
        goto keep;
    chr_utf8_fold(s, n, f);
    uint32_t last = last_cp(f, n);
    if (last < 0x400 || last > 0x4FF)
        goto keep;                      /* Latin, digits */
    {
        /* all capitals: an acronym (США, РФ) */
        size_t adv;
        uint32_t c0 = chr_utf8_next((const unsigned char *)s, n, &adv);
        uint32_t cl = last_cp(s, n);
        if (chr_cp_is_upper(c0) && chr_cp_is_upper(cl) && n > adv)
            goto keep;
    }
    /* every ending here is two Cyrillic letters: four bytes */
    static const struct { const char *end, *gen; } adj[] = {
        {"ая", "ой"}, {"яя", "ей"}, {"ое", "ого"}, {"ее", "его"},
        {"ые", "ых"}, {"ие", "их"}, {"ый", "ого"}, {"ой", "ого"},
    };
    for (size_t i = 0; i < sizeof adj / sizeof adj[0]; i++) {
        if (ends_with(f, n, adj[i].end) && letters(f, n - 4) >= 3) {
            add = adj[i].gen;
            cut = 4;
            goto done;
        }
    }
    if (ends_with(f, n, "ий") && letters(f, n - 4) >= 3) {
        uint32_t st = last_cp(f, n - 4);
        add = velar_or_hushing(st) ? "ого" : "его";
        cut = 4;
        goto done;
    }
    *head = 1;
    if (ends_with(f, n, "а")) {
        add = velar_or_hushing(last_cp(f, n - 2)) ? "и" : "ы";
        cut = 2;
    } else if (ends_with(f, n, "я")) {
        add = "и"; cut = 2;
    } else if (ends_with(f, n, "ль")) {
        add = "я"; cut = 2;
    } else if (ends_with(f, n, "ь")) {
        add = "и"; cut = 2;
    } else if (ends_with(f, n, "й")) {
        add = "я"; cut = 2;
    } else if (ends_with(f, n, "ы")) {
        add = "ов"; cut = 2;
    } else if (last == 0x43E || last == 0x435 || last == 0x438 || last == 0x443 ||
               last == 0x44E || last == 0x44D || last == 0x44B) {
        goto keep;                      /* о е и у ю э: indeclinable */
    } else {
        add = "а"; cut = 0;
    }
done:
    {
        size_t an = strlen(add);
        if (n - cut + an + 1 > cap)
            return 0;
        memcpy(out, s, n - cut);
        memcpy(out + n - cut, add, an);
        return n - cut + an;
    }
keep:
    if (n + 1 > cap)
        return 0;
    memcpy(out, s, n);
    return n;
}

size_t chr_geo_genitive(const char *name, char *out, size_t cap)
{
    size_t o = 0, i = 0, len = strlen(name);
    int head = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && name[j] != ' ')
            j++;
        /* in a hyphenated name only the last part declines (Санкт-Петербург) */
        size_t part = i;
        for (size_t k = i; k < j; k++)
            if (name[k] == '-')
                part = k + 1;
        if (o + (part - i) + 1 > cap)
            return 0;
        memcpy(out + o, name + i, part - i);
        o += part - i;
        size_t w = genitive_word(name + part, j - part, out + o, cap - o, &head);
        if (w == 0 && j > part)
            return 0;
        o += w;
        if (j < len) {
            if (o + 2 > cap)
                return 0;
            out[o++] = ' ';
            j++;
        }
        i = j;
    }
    if (o + 1 > cap)
        return 0;
    out[o] = '\0';
    return o;
}
