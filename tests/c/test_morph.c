/* test_morph.c - nominative forms of Russian names and titles from any case. */
#include "check.h"
#include "morph.h"

#include <string.h>

#define C(x) CHR_CM(CHR_CASE_##x)

/* The nominative that morph picks for a word in a context of given cases
   and genders (0: no context). */
static const char *pick(int (*fn)(const char *, size_t, chr_name_form *, int), const char *w,
                        uint8_t cases, uint8_t gender)
{
    static chr_name_form f[CHR_MORPH_MAX];
    int n = fn(w, strlen(w), f, CHR_MORPH_MAX);
    int k = chr_morph_pick(f, n, cases, gender);
    return k < 0 ? NULL : f[k].nom;
}

static const char *given(const char *w, uint8_t cases) { return pick(chr_morph_given, w, cases, 0); }

static const char *family(const char *w, uint8_t cases, uint8_t gender)
{
    return pick(chr_morph_surname, w, cases, gender);
}

static void test_given(void)
{
    CHECK_STR(given("Касым-Жомартом", 0), "Касым-Жомарт", "hyphenated name, last part declined");
    CHECK_STR(given("Ахмата-Хаджи", 0), "Ахмат-Хаджи", "hyphenated name, first part declined");
    CHECK_STR(given("Светланы", 0), "Светлана", "feminine -а name in the genitive");
    CHECK_STR(given("Андрею", 0), "Андрей", "-й name in the dative");
    CHECK_STR(given("Игорем", 0), "Игорь", "-ь name in the instrumental");
    CHECK_STR(given("Марией", 0), "Мария", "-ия name in the instrumental");
    CHECK_STR(given("Ольги", 0), "Ольга", "-га name in the genitive");
    CHECK_STR(given("Никитой", 0), "Никита", "masculine -а name");
    CHECK_STR(given("Владимиру", C(DAT)), "Владимир", "dative");
    CHECK_STR(given("Любови", 0), "Любовь", "feminine -ь name");
    CHECK_STR(given("Эмомали", 0), "Эмомали", "indeclinable Central Asian name");
    CHECK_STR(given("Акылбеку", 0), "Акылбек", "Kyrgyz name in the dative");
    CHECK_STR(given("СЕРГЕЯ", 0), "Сергей", "a name in capitals comes back capitalised");
    CHECK_STR(given("Петра", C(GEN)), "Пётр", "ё comes back from the lexicon");
    CHECK_STR(given("Артёму", C(DAT)), "Артём", "ё as written stays");
    CHECK_STR(given("Раиса", C(NOM)), "Раиса", "Раиса in the nominative");
    CHECK(given("Сегодня", 0) == NULL, "a common word is no first name");
    CHECK(given("Казахстана", 0) == NULL, "a country is no first name");
    chr_name_form f[CHR_MORPH_MAX];
    int n = chr_morph_given("Александра", strlen("Александра"), f, CHR_MORPH_MAX);
    int male = chr_morph_pick(f, n, 0, CHR_G_M), female = chr_morph_pick(f, n, 0, CHR_G_F);
    CHECK(n >= 2 && strcmp(f[male].nom, "Александр") == 0 && strcmp(f[female].nom, "Александра") == 0,
          "Александра reads as Александр (genitive) or Александра (nominative)");
}

static void test_surnames(void)
{
    CHECK_STR(family("Токаевым", C(INS), CHR_G_M), "Токаев", "-ев surname, instrumental");
    CHECK_STR(family("Токаева", C(GEN), CHR_G_M), "Токаев", "-ев surname, masculine genitive");
    CHECK_STR(family("Токаева", C(NOM), CHR_G_F), "Токаева", "-ева surname, feminine nominative");
    CHECK_STR(family("Тихановской", C(GEN), CHR_G_F), "Тихановская", "-ская surname, genitive");
    CHECK_STR(family("Тихановскому", C(DAT), CHR_G_M), "Тихановский", "-ский surname, dative");
    CHECK_STR(family("Яковлевой", C(INS), CHR_G_F), "Яковлева", "-ева surname, instrumental");
    CHECK_STR(family("Яковлеву", C(ACC), CHR_G_F), "Яковлева", "feminine accusative -у");
    CHECK_STR(family("Засю", C(DAT), CHR_G_M), "Зась", "soft-sign surname, dative");
    CHECK_STR(family("Лукашенко", C(GEN), CHR_G_M), "Лукашенко", "-енко does not decline");
    CHECK_STR(family("Саакашвили", C(INS), CHR_G_M), "Саакашвили", "-швили does not decline");
    CHECK_STR(family("Пашиняна", C(GEN), CHR_G_M), "Пашинян", "-ян surname, genitive");
    CHECK_STR(family("Рахмона", C(GEN), CHR_G_M), "Рахмон", "consonant stem, genitive");
    CHECK_STR(family("Хорняком", C(INS), CHR_G_M), "Хорняк", "consonant stem, instrumental");
    CHECK_STR(family("Путину", C(DAT), CHR_G_M), "Путин", "-ин surname, dative");
    CHECK_STR(family("Долгоруким", C(INS), CHR_G_M), "Долгорукий", "adjectival surname");
    CHECK_STR(family("Обамы", C(GEN), CHR_G_M), "Обама", "-а surname of a man, genitive");
    CHECK_STR(family("Обаму", C(ACC), CHR_G_M), "Обама", "-а surname of a man, accusative");
    CHECK_STR(family("Райс", C(GEN), CHR_G_F), "Райс", "a woman's consonant surname does not decline");
    CHECK_STR(family("Мильнеру", C(DAT), CHR_G_M), "Мильнер", "foreign consonant surname, dative");
    CHECK_STR(family("Гольцу", C(DAT), CHR_G_M), "Гольц", "-льц keeps its stem (no fleeting е)");
    CHECK_STR(family("Кузнеца", C(GEN), CHR_G_M), "Кузнец", "-ец stem keeps its е");
    CHECK_STR(family("Вольфа", C(GEN) | C(NOM) | C(ACC), CHR_G_M), "Вольф",
              "after an indeclinable first name the consonant stem wins");
    CHECK_STR(family("Коджи", C(GEN), CHR_G_M), "Коджа", "-жа surname: the genitive is written -и");
    CHECK_STR(family("Амарилья", C(NOM), CHR_G_M), "Амарилья", "-ья surname in the nominative");
    CHECK_STR(family("Монтойе", C(DAT), CHR_G_M), "Монтойя", "-йя surname, dative");
    CHECK_STR(family("Тифензее", C(DAT), CHR_G_M), "Тифензее", "-ее surname does not decline");
    CHECK(chr_morph_surname_shape("петров", 6 * 2) >= 2, "Петров is shaped like a surname");
    CHECK(chr_morph_surname_shape("стол", 4 * 2) < 2, "стол is not");
}

static void test_patronymics(void)
{
    CHECK_STR(pick(chr_morph_patronymic, "Владимировичу", C(DAT), CHR_G_M), "Владимирович",
              "masculine patronymic, dative");
    CHECK_STR(pick(chr_morph_patronymic, "Иосифовной", C(INS), CHR_G_F), "Иосифовна",
              "feminine patronymic, instrumental");
    chr_name_form f[CHR_MORPH_MAX];
    CHECK(chr_morph_patronymic("Петров", strlen("Петров"), f, CHR_MORPH_MAX) == 0,
          "a surname is no patronymic");
}

static void test_titles(void)
{
    char lemma[CHR_MORPH_WORD];
    uint8_t cases, plural;
    const char *p = chr_morph_title("президента", strlen("президента"), lemma, sizeof lemma, &cases, &plural);
    CHECK(p && strcmp(lemma, "президент") == 0 && plural == 0, "президента -> президент, singular");
    p = chr_morph_title("премьер-министру", strlen("премьер-министру"), lemma, sizeof lemma, &cases, &plural);
    CHECK(p && strcmp(lemma, "премьер-министр") == 0 && (cases & C(DAT)), "премьер-министру, dative");
    p = chr_morph_title("генерального", strlen("генерального"), lemma, sizeof lemma, &cases, &plural);
    CHECK(p && strcmp(lemma, "генеральный") == 0, "генерального -> генеральный (title modifier)");
    p = chr_morph_title("секретаря", strlen("секретаря"), lemma, sizeof lemma, &cases, &plural);
    CHECK(p && strcmp(lemma, "секретарь") == 0, "секретаря -> секретарь");
    p = chr_morph_title("министры", strlen("министры"), lemma, sizeof lemma, &cases, &plural);
    CHECK(p && plural == 1, "министры is plural");
    p = chr_morph_title("главы", strlen("главы"), lemma, sizeof lemma, &cases, &plural);
    CHECK(p && strcmp(lemma, "глава") == 0 && plural == 2, "главы: genitive singular or plural");
    p = chr_morph_title("посла", strlen("посла"), lemma, sizeof lemma, &cases, &plural);
    CHECK(p && strcmp(lemma, "посол") == 0, "посла -> посол (fleeting vowel)");
    CHECK(chr_morph_title("стола", strlen("стола"), lemma, sizeof lemma, &cases, &plural) == NULL,
          "стола is no title");
    char out[CHR_MORPH_WORD];
    chr_morph_noun_nom("Казахстана", strlen("Казахстана"), out, sizeof out);
    CHECK_STR(out, "Казахстан", "Казахстана -> Казахстан");
    chr_morph_noun_nom("Армении", strlen("Армении"), out, sizeof out);
    CHECK_STR(out, "Армения", "Армении -> Армения");
    chr_morph_noun_nom("ОДКБ", strlen("ОДКБ"), out, sizeof out);
    CHECK_STR(out, "ОДКБ", "an acronym stays");
}

static void test_bad_input(void)
{
    chr_name_form f[CHR_MORPH_MAX];
    char big[400];
    memset(big, 'a', sizeof big);
    CHECK(chr_morph_surname(big, sizeof big, f, CHR_MORPH_MAX) == 0, "an over-long word is refused");
    CHECK(chr_morph_given("\xff\xfe\xd0", 3, f, CHR_MORPH_MAX) == 0, "invalid UTF-8 is no name");
    CHECK(chr_morph_surname("", 0, f, CHR_MORPH_MAX) == 0, "empty word");
    int n = chr_morph_surname("\xd0\xbe\xd0", 3, f, CHR_MORPH_MAX);
    CHECK(n >= 0 && n <= CHR_MORPH_MAX, "a truncated UTF-8 ending does not crash");
}

/* The fast fold agrees with the general one on every kind of input. */
static void test_fold(void)
{
    static const char *const words[] = {
        "ЁЛКИН", "Ёжиков", "ПЁТР", "Щукин-Ёлкин", "Ѐѝ Ђорђе", "ЀЉЊЋЌЍЎЏ", "McDonald O'Neil",
        "Ѣ Ѳ ѣ", "Ärger Œuvre", "Иван\xff\xfeПетров", "\xd0", "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
        "абвгдежзийклмнопрстуфхцчшщъыьэюяё", "ΣΑΣ Ђ", ""};
    int same = 1;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        char a[128], b[128];
        size_t n = strlen(words[i]);
        chr_utf8_fold(words[i], n, a);
        chr_morph_fold(words[i], n, b);
        if (memcmp(a, b, n) != 0) {
            same = 0;
            printf("# fold differs on '%s'\n", words[i]);
        }
    }
    for (unsigned cp = 0x80; cp < 0x800; cp++) {
        char w[4] = {(char)(0xC0 | (cp >> 6)), (char)(0x80 | (cp & 0x3F)), 'Q', '\xd0'};
        char a[4], b[4];
        chr_utf8_fold(w, 4, a);
        chr_morph_fold(w, 4, b);
        if (memcmp(a, b, 4) != 0) {
            same = 0;
            printf("# fold differs on U+%04X\n", cp);
        }
    }
    CHECK(same, "chr_morph_fold equals chr_utf8_fold");
}

int main(void)
{
    test_given();
    test_surnames();
    test_patronymics();
    test_titles();
    test_bad_input();
    test_fold();
    return CHECK_DONE();
}
