/* names_east.c - East Asian names, which put the family name first (Ху
   Цзиньтао, Ким Чен Ын, Ли Мён Бак).  The family names are a lexicon
   (person_east_asian.tsv); the given-name syllables are recognised by
   shape. */
#include "names.h"

#include <stdio.h>

/* Хуан Пабло Монтойя -> the first name keeps its own declension; a
   Korean or Chinese name declines only in its last part (Ли Мёнбаком,
   Кима Чен Ира).  Writes the nominative of the last given-name part. */
static void east_asian_last(const names_ctx *c, uint32_t t, uint8_t cases, char *out, size_t cap)
{
    const chr_document *d = c->doc;
    chr_name_form ff[CHR_MORPH_MAX];
    int nf = chr_names_forms(c, t, 0, ff);
    int best = -1, best_score = 1 << 30;
    for (int k = 0; k < nf; k++) {
        size_t ln = strlen(ff[k].nom);
        /* a man's name, ending as a syllable does: never in an added -а */
        if (!(ff[k].gender & CHR_G_M) ||
            (ln != tlen(d, t) && ln >= 2 && memcmp(ff[k].nom + ln - 2, "\xd0\xb0", 2) == 0))
            continue;
        int score = 2 * ff[k].prio + ((!cases || (ff[k].cases & cases)) ? 0 : 100);
        if (ln == tlen(d, t))
            score -= 1;                 /* the written form, when it fits */
        if (score < best_score) {
            best_score = score;
            best = k;
        }
    }
    if (best >= 0)
        snprintf(out, cap, "%s", ff[best].nom);
    else
        snprintf(out, cap, "%.*s", (int)tlen(d, t), ttext(d, t));
}

/* Spellings that only Chinese transcription uses (Цзиньтао, Кэцян,
   Чжунлян, Сяопин): with them a single given name after a family name
   that is also a Western first name (Ли, Ким) is still East Asian. */
static int chinese_spelling(const chr_document *d, uint32_t i)
{
    static const char *const marks[] = {"цз", "чж", "ця", "цю", "сюй", "сян", "сяо", "кэ", "пэ",
                                        "тэ", "дэ", "гэ", "хэ", "жэ", "цэ"};
    const char *f = tfold(d, i);
    size_t n = tlen(d, i);
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
        size_t ml = strlen(marks[k]);
        for (size_t at = 0; at + ml <= n; at += 2)
            if (memcmp(f + at, marks[k], ml) == 0)
                return 1;
    }
    return 0;
}

/* Does token i look like one syllable-built part of an East Asian given
   name: capitalised, not a Western first name, not a Russian surname? */
static int east_asian_part(const names_ctx *c, uint32_t i, uint32_t send, int western_head)
{
    const chr_document *d = c->doc;
    /* not chr_names_namelike(): the syllable Со is a preposition too */
    if (i >= send || !is_cap(d, i) || c->tok_ment[i] >= 0 || is_initial(d, i, send) ||
        is_all_upper(d, i) || (c->tok_info[i] & (TI_QUOTED | TI_PHRASE)))
        return 0;
    uint32_t lex = d->toks[i].lex;
    if (lex & (CHR_W_PATRONYMIC | CHR_W_TITLE | CHR_W_NOT_NAME | CHR_W_MONTH | CHR_W_PRONOUN))
        return 0;
    /* after Ким or Ли, which are Western first names too, a listed first
       name makes a Western name (Ким Бейсингер); after Чэнь it is Chinese
       (Чэнь Дэмин) */
    if (western_head && (lex & CHR_W_GIVEN) &&
        !chr_lex_get(CHR_LEX_PERSON_EAST_ASIAN, tfold(d, i), tlen(d, i)))
        return 0;
    return (chr_morph_surname_shape(tfold(d, i), tlen(d, i)) < 2 || chinese_spelling(d, i)) &&
           n_letters(d, i) <= 10;
}

/* East Asian names put the family first: Ху Цзиньтао, Ким Чен Ын, Ли
   Мёнбак.  Token i must be a listed family name (declined or not) and
   one or two syllable-built parts must follow.  Returns the token after
   the name, i when none, or FAIL. */
uint32_t chr_names_east_asian(names_ctx *c, uint32_t i, uint32_t send)
{
    chr_document *d = c->doc;
    /* not chr_names_namelike(): Ли and Со are function words too; and
       a capitalised word must follow, which most words lack */
    if (i + 1 >= send || !is_cap(d, i + 1) || tlen(d, i) > 12 || c->tok_ment[i] >= 0 ||
        (c->tok_info[i] & (TI_QUOTED | TI_PHRASE)) || is_all_upper(d, i) || n_letters(d, i) > 6)
        return i;
    const char *f = tfold(d, i);
    size_t n = tlen(d, i), stem = n;
    uint8_t cases = 0;
    if (!chr_lex_get(CHR_LEX_PERSON_EAST_ASIAN, f, n)) {
        /* Кима, Киму, Кимом, Киме */
        static const struct { const char *e; uint8_t c; } ends[] = {
            {"а", CHR_CM(CHR_CASE_GEN) | CHR_CM(CHR_CASE_ACC)}, {"у", CHR_CM(CHR_CASE_DAT)},
            {"ом", CHR_CM(CHR_CASE_INS)}, {"е", CHR_CM(CHR_CASE_PREP)}};
        for (size_t k = 0; k < sizeof ends / sizeof ends[0] && stem == n; k++) {
            size_t el = strlen(ends[k].e);
            if (ends_with(f, n, ends[k].e) && n > el + 2 &&
                chr_lex_get(CHR_LEX_PERSON_EAST_ASIAN, f, n - el)) {
                stem = n - el;
                cases = ends[k].c;
            }
        }
        if (stem == n)
            return i;
    }
    int western = chr_lex_get(CHR_LEX_GIVEN_NAMES, f, stem) != NULL;
    if (!east_asian_part(c, i + 1, send, western))
        return i;
    uint32_t e = i + 2;
    if (n_letters(d, i + 1) <= 4 && n_letters(d, i + 2) <= 5 && i + 2 < send &&
        (east_asian_part(c, i + 2, send, western) ||
         (is_cap(d, i + 2) && chr_names_namelike(c, i + 2) && n_letters(d, i + 2) <= 4 &&
          !(d->toks[i + 2].lex & (CHR_W_PATRONYMIC | CHR_W_TITLE)))) &&
        (i + 3 >= send || !chr_names_namelike(c, i + 3)))
        e = i + 3;
    else if (i + 2 < send && chr_names_namelike(c, i + 2))
        return i;                       /* Ли Харви Освальд: not this kind */
    /* Ким Бейсингер: a family name that is a Western first name too needs
       three parts or a Chinese spelling */
    if (e == i + 2 && western && n_letters(d, i + 1) > 3 &&
        !chinese_spelling(d, i + 1))
        return i;
    char family[CHR_MORPH_WORD], last[CHR_MORPH_WORD], given[CHR_MORPH_WORD * 2];
    memcpy(family, ttext(d, i), stem);
    family[stem] = '\0';
    east_asian_last(c, e - 1, cases, last, sizeof last);
    if (e == i + 3)
        snprintf(given, sizeof given, "%.*s %s", (int)tlen(d, i + 1), ttext(d, i + 1), last);
    else
        snprintf(given, sizeof given, "%s", last);
    return chr_names_add_person(c, i, e, given, NULL, family, cases ? cases : CHR_CM_ALL, CHR_G_M) < 0 ? FAIL : e;
}
