/* test_names.c - persons and roles found in Russian news sentences. */
#include "check.h"

#include <string.h>

static size_t count_kind(const chr_document *d, chr_kind kind)
{
    size_t n, k = 0;
    const chr_participant *ps = chr_document_participants(d, &n);
    for (size_t i = 0; i < n; i++)
        k += ps[i].kind == kind;
    return k;
}

/* The person whose family (or, lacking one, given) name is `name`. */
static const chr_participant *person(const chr_document *d, const char *name)
{
    size_t n;
    const chr_participant *ps = chr_document_participants(d, &n);
    for (size_t i = 0; i < n; i++) {
        if (ps[i].kind != CHR_KIND_PERSON)
            continue;
        if ((ps[i].family && strcmp(ps[i].family, name) == 0) ||
            (!ps[i].family && ps[i].given && strcmp(ps[i].given, name) == 0))
            return &ps[i];
    }
    return NULL;
}

static const char *str_or(const char *s) { return s ? s : "(null)"; }

static void check_person(const char *text, const char *family, const char *given,
                         const char *patronymic, const char *what)
{
    chr_document *d = check_parse(text, CHR_FORMAT_TEXT, NULL);
    const chr_participant *p = person(d, family);
    CHECK(p != NULL, "%s: a person %s", what, family);
    if (p) {
        CHECK_STR(p->given, given, "%s: given name", what);
        CHECK_STR(p->patronymic, patronymic, "%s: patronymic", what);
    }
    chr_document_free(d);
}

static void test_cases(void)
{
    check_person("Встреча с Касым-Жомартом Токаевым прошла в Астане.", "Токаев", "Касым-Жомарт", NULL,
                 "instrumental, hyphenated first name");
    check_person("Журналисты спросили о судьбе Светланы Тихановской.", "Тихановская", "Светлана", NULL,
                 "feminine genitive");
    check_person("Телеграмма была направлена Путину Владимиру Владимировичу.", "Путин", "Владимир",
                 "Владимирович", "surname first, dative, with patronymic");
    check_person("Документ подписал Лавров С. В. в среду.", "Лавров", "С.", "В.",
                 "initials after the surname");
    check_person("Письмо адресовано В. В. Путину лично.", "Путин", "В.", "В.", "initials before");
    check_person("Решение поддержал Никол Пашинян.", "Пашинян", "Никол", NULL, "Armenian name");
    check_person("Слово взял Эмомали Рахмон.", "Рахмон", "Эмомали", NULL, "Tajik name");
    check_person("Матч судил венгерский арбитр Жолт Хорняк.", "Хорняк", "Жолт", NULL, "Hungarian name");
    check_person("В беседе с Александром Лукашенко обсуждали транзит.", "Лукашенко", "Александр", NULL,
                 "indeclinable surname");
    check_person("Посол встретился с Анной Ивановой из Самары.", "Иванова", "Анна", NULL,
                 "feminine instrumental");
    check_person("Награду вручили Станиславу Засю утром.", "Зась", "Станислав", NULL,
                 "soft-sign surname, dative");
    check_person("Наградой отметили Марию Кузнецову и её коллег.", "Кузнецова", "Мария", NULL,
                 "feminine accusative");
    check_person("Роль сыграла Мишель Обама.", "Обама", "Мишель", NULL, "foreign names");
    check_person("Оператор Сами аль-Хадж вышел на свободу.", "аль-Хадж", "Сами", NULL,
                 "a particle joined by a hyphen");
    check_person("Главным арбитром назначен Синдзи Харада.", "Харада", "Синдзи", NULL,
                 "indeclinable first name, -а surname after a verb");
    check_person("Мы поговорили с Синдзи Харадой.", "Харада", "Синдзи", NULL,
                 "indeclinable first name, the preposition gives the case");
    check_person("Его место займёт посол Японии в Чехии Синдзи Харада.", "Харада", "Синдзи", NULL,
                 "indeclinable first name: the title before it gives the case");
    check_person("Команда проиграла, поскольку Фелипе Масса стартовал последним.", "Масса", "Фелипе",
                 NULL, "indeclinable first name after a conjunction");
    check_person("Журналисты встретили Джеффри Уильямса в аэропорту.", "Уильямс", "Джеффри", NULL,
                 "indeclinable first name after a plural verb: the object");
    check_person("Похороны Людмилы Марковны состоятся в среду.", "Людмила", "Людмила", "Марковна",
                 "a first name and an inflected patronymic");
    check_person("Премьер-министр Турции Реджеп Тайип Эрдоган провёл переговоры.", "Эрдоган", "Реджеп",
                 NULL, "a second first name the lexicon lacks");
    check_person("Своё мнение высказал чемпион Европы Виктор Понедельник.", "Понедельник", "Виктор",
                 NULL, "a surname that is also a weekday");
    check_person("В Москву прибыл председатель КНР Ху Цзиньтао.", "Ху", "Цзиньтао", NULL,
                 "a Chinese name: the family name first");
    check_person("Переговоры с Ли Мён Баком прошли в Сеуле.", "Ли", "Мён Бак", NULL,
                 "a Korean name, the given name declined");
    check_person("Переговоры провёл Си Цзиньпин.", "Си", "Цзиньпин", NULL, "Си is a family name");
    check_person("Кадры показал премьер Госсовета КНР Ли Кэцян.", "Ли", "Кэцян", NULL,
                 "a Chinese name with a family name that is a Western first name too");
    check_person("В фильме снялась Ким Бейсингер.", "Бейсингер", "Ким", NULL,
                 "a Western name is not read as an East Asian one");
    check_person("Гол забил Хуан Суареш.", "Суареш", "Хуан", NULL, "Хуан is Juan");
    check_person("На пресс-конференции выступил Ким Чен Ын.", "Ким", "Чен Ын", NULL,
                 "a Korean name of three parts");
    check_person("Ролик американского блогера Джошуа Вольфа удалили.", "Вольф", "Джошуа", NULL,
                 "-уа first name does not decline: the title gives the case");
    check_person("С ним приедет его мать Раиса.", "Раиса", "Раиса", NULL,
                 "a kinship noun gives a lone first name its gender");
    check_person("Заявление сделал министр торговли Китая Чэнь Дэмин.", "Чэнь", "Дэмин", NULL,
                 "an East Asian family name after a title's complement");
    check_person("Портрет Кима Чен Ира висел в зале.", "Ким", "Чен Ир", NULL,
                 "a Korean name declined in its first and last parts");
    check_person("Лидер оппозиции Наттавут Сайкыа выступил.", "Сайкыа", "Наттавут", NULL,
                 "a surname of a shape no rule knows");
    check_person("Выступила Марин Ле Пен.", "Ле Пен", "Марин", NULL, "a particle as a word");
    check_person("Слово дали Эдуарду Товпинцу.", "Товпинец", "Эдуард", NULL, "a fleeting vowel in -ец");
    check_person("На встрече был Льва Толстого правнук.", "Толстой", "Лев", NULL,
                 "a fleeting vowel in the first name");
}

static void test_lists(void)
{
    chr_document *d = check_parse("Голы: 03:54 Бернс (Кашин, Рой), 14:51 Бернс (Хитли, Сёмин), "
                                  "29:56 Хитли (Гецлаф). Матч Топалов — Крамник отложен.",
                                  CHR_FORMAT_TEXT, NULL);
    CHECK(person(d, "Бернс") != NULL, "a surname in a list with a person's name");
    CHECK(person(d, "Гецлаф") != NULL, "a surname in a list with a surname found the same way");
    CHECK(person(d, "Крамник") != NULL, "a surname joined by a dash to a person's");
    const chr_participant *p = person(d, "Хитли");
    CHECK(p && p->n_mentions == 2, "both mentions of a listed surname (%zu)", p ? p->n_mentions : 0);
    chr_document_free(d);
    d = check_parse("Компании Газпром, Роснефть и Лукойл подписали соглашение. Здание Сената и "
                    "Синода, Зорькин сказал, займёт суд. Сулима Ямадаев, Героя России брат, выступил.",
                    CHR_FORMAT_TEXT, NULL);
    CHECK(count_kind(d, CHR_KIND_PERSON) == 2, "lists of things are no lists of persons (got %zu)",
          count_kind(d, CHR_KIND_PERSON));
    chr_document_free(d);
}

static void test_not_persons(void)
{
    chr_document *d = check_parse(
        "Сегодня в Москве прошло заседание. В понедельник 28 июня Совет обсудил бюджет. "
        "Однако «Лебединое озеро» покажут в Большом театре. Затем Правительство одобрило план.",
        CHR_FORMAT_TEXT, NULL);
    CHECK(count_kind(d, CHR_KIND_PERSON) == 0, "no persons in a text without people (got %zu)",
          count_kind(d, CHR_KIND_PERSON));
    chr_document_free(d);
    d = check_parse("После обработки протоколов комиссия объявила итоги. Исследователи Брукхейвенской "
                    "национальной лаборатории сообщили об открытии. Самолёт приземлился в Южной "
                    "Каролине. Турнир прошёл в Сан Луисе. Нефть пошла в город Дацин. Самолёт сел в "
                    "аэропорту Рейган. Флаги: Чили, Коста Рика.",
                    CHR_FORMAT_TEXT, NULL);
    CHECK(count_kind(d, CHR_KIND_PERSON) == 0,
          "prepositions, adjectives of names and places are no persons (got %zu)",
          count_kind(d, CHR_KIND_PERSON));
    chr_document_free(d);
    d = check_parse("Фильм «Иван Грозный» вышел в прокат.", CHR_FORMAT_TEXT, NULL);
    CHECK(person(d, "Грозный") == NULL, "a quoted title is not a person");
    chr_document_free(d);
    d = check_parse("Генеральный директор компании заявил, что лидеры стран обсудили кризис.",
                    CHR_FORMAT_TEXT, NULL);
    CHECK(count_kind(d, CHR_KIND_PERSON) <= 1, "a plural title is no person");
    chr_document_free(d);
}

static const chr_role *role_of(const chr_participant *p, const char *title)
{
    for (size_t i = 0; p && i < p->n_roles; i++)
        if (p->roles[i].title && strcmp(p->roles[i].title, title) == 0)
            return &p->roles[i];
    return NULL;
}

static void test_roles(void)
{
    chr_document *d = check_parse(
        "В переговорах участвовал министр иностранных дел России Сергей Лавров. "
        "Генерального секретаря ОДКБ Станислава Зася приняли в Ереване. "
        "Об этом сообщил Дмитрий Песков, пресс-секретарь президента, журналистам.",
        CHR_FORMAT_TEXT, NULL);
    const chr_participant *p = person(d, "Лавров");
    const chr_role *r = role_of(p, "министр");
    CHECK(r != NULL, "Лавров holds a role 'министр'");
    if (r) {
        CHECK_STR(r->text, "министр иностранных дел России", "role text in the nominative");
        CHECK(r->of != NULL && strstr(r->of, "Росси") != NULL, "role of Russia (got %s)", str_or(r->of));
    }
    p = person(d, "Зась");
    r = role_of(p, "секретарь");
    CHECK(r != NULL, "Зась holds 'секретарь'");
    if (r) {
        CHECK_STR(r->text, "Генеральный секретарь ОДКБ", "genitive title back to the nominative");
        CHECK_STR(r->of, "ОДКБ", "affiliation ОДКБ");
        CHECK(r->span.start < r->span.end, "the role has a span");
    }
    CHECK(p && p->given && strcmp(p->given, "Станислав") == 0, "Станислава -> Станислав");
    p = person(d, "Песков");
    CHECK(role_of(p, "пресс-секретарь") != NULL, "a role after the name, in apposition");
    chr_document_free(d);

    d = check_parse("Среди задержанных оказался депутат муниципального собрания, сопредседатель "
                    "движения «Солидарность» Михаил Вельмакин. Выступила Ольга Смирнова - директор "
                    "Института этнологии.",
                    CHR_FORMAT_TEXT, NULL);
    p = person(d, "Вельмакин");
    CHECK(role_of(p, "депутат") != NULL && role_of(p, "сопредседатель") != NULL,
          "two titles joined by a comma both describe the name after them");
    p = person(d, "Смирнова");
    CHECK(role_of(p, "директор") != NULL, "a title after a dash describes the name before it");
    chr_document_free(d);

    d = check_parse("Председатель Кабинета министров – Руководитель Администрации Президента "
                    "Кыргызстана Акылбек Жапаров выступил первым.",
                    CHR_FORMAT_TEXT, NULL);
    p = person(d, "Жапаров");
    CHECK(p && p->n_roles == 1, "one role joined by the dash");
    if (p && p->n_roles) {
        CHECK(strstr(p->roles[0].text, "Председатель Кабинета министров") == p->roles[0].text,
              "the joined role starts with the first title");
        CHECK(strstr(p->roles[0].text, "Кыргызстана") != NULL, "and ends with the second");
    }
    CHECK(count_kind(d, CHR_KIND_PERSON) == 1,
          "the President inside the complement is nobody of his own (persons %zu)",
          count_kind(d, CHR_KIND_PERSON));
    chr_document_free(d);
}

/* A title's genitive complement that names an organisation (Совета ...
   государств) belongs to the role; the person is the name after it. */
static void test_role_complement(void)
{
    chr_document *d = check_parse("На форуме выступил Генеральный секретарь Совета Балтийских "
                                  "государств Ирина Соколова.",
                                  CHR_FORMAT_TEXT, NULL);
    const chr_participant *p = person(d, "Соколова");
    const chr_role *r = role_of(p, "секретарь");
    CHECK(r != NULL, "the secretary is Соколова");
    if (r)
        CHECK_STR(r->text, "Генеральный секретарь Совета Балтийских государств",
                  "the organisation is part of the role");
    CHECK(p && p->given && strcmp(p->given, "Ирина") == 0, "Соколова's given name");
    CHECK(count_kind(d, CHR_KIND_PERSON) == 1, "the council is nobody (persons %zu)",
          count_kind(d, CHR_KIND_PERSON));
    chr_document_free(d);

    d = check_parse("Делегацию приняли по приглашению Генерального секретаря Совета Балтийских "
                    "государств Ирины Соколовой.",
                    CHR_FORMAT_TEXT, NULL);
    p = person(d, "Соколова");
    r = role_of(p, "секретарь");
    CHECK(r != NULL, "genitive: the secretary is Соколова");
    if (r)
        CHECK_STR(r->text, "Генеральный секретарь Совета Балтийских государств",
                  "genitive: the role in the nominative with its organisation");
    CHECK(count_kind(d, CHR_KIND_PERSON) == 1, "genitive: one person (persons %zu)",
          count_kind(d, CHR_KIND_PERSON));
    chr_document_free(d);

    d = check_parse("Официальный представитель МВД России Ирина Волк сообщила о задержании.",
                    CHR_FORMAT_TEXT, NULL);
    p = person(d, "Волк");
    r = role_of(p, "представитель");
    CHECK(r != NULL, "the spokeswoman's role attaches to her");
    if (r)
        CHECK_STR(r->text, "Официальный представитель МВД России", "spokeswoman: role text");
    chr_document_free(d);
}

/* Names the lexicon lacks, right after a title: one or two capitalised
   words that are no place, organisation or common word, declined by the
   title's case. */
static void test_unknown_after_title(void)
{
    chr_document *d = check_parse("Меморандум подписали министр нефти Омана Бадер Зубейри и глава "
                                  "«Казмунайгаза» Магзум Мирзагалиев.",
                                  CHR_FORMAT_TEXT, NULL);
    const chr_participant *p = person(d, "Зубейри");
    CHECK(p != NULL, "an unknown name after 'министр нефти Омана'");
    CHECK_STR(p ? p->given : NULL, "Бадер", "its given name");
    const chr_role *r = role_of(p, "министр");
    CHECK(r && strcmp(r->text, "министр нефти Омана") == 0, "the minister's role (got %s)",
          r ? r->text : "(null)");
    p = person(d, "Мирзагалиев");
    CHECK_STR(p ? p->given : NULL, "Магзум", "a given name before a surname after a quoted complement");
    r = role_of(p, "глава");
    CHECK(r && strcmp(r->text, "глава «Казмунайгаза»") == 0, "the quoted company is part of the role (got %s)",
          r ? r->text : "(null)");
    CHECK(count_kind(d, CHR_KIND_PERSON) == 2, "two persons (got %zu)", count_kind(d, CHR_KIND_PERSON));
    chr_document_free(d);

    d = check_parse("Вчера он провёл переговоры с министром иностранных дел Пакистана Билавалом "
                    "Бхутто в Женеве.",
                    CHR_FORMAT_TEXT, NULL);
    p = person(d, "Бхутто");
    CHECK(p != NULL, "instrumental: an unknown name after the title");
    CHECK_STR(p ? p->given : NULL, "Билавал", "instrumental: the given name back in the nominative");
    CHECK(role_of(p, "министр") != NULL, "instrumental: the role attaches");
    chr_document_free(d);

    d = check_parse("Накануне с министром торговли Вьетнама Нгуеном Хонгзиеном встретились депутаты.",
                    CHR_FORMAT_TEXT, NULL);
    p = person(d, "Хонгзиен");
    CHECK(p != NULL, "instrumental: both unknown words lose -ом");
    CHECK_STR(p ? p->given : NULL, "Нгуен", "instrumental: given Нгуен");
    chr_document_free(d);
}

static void test_role_bounds(void)
{
    chr_document *d = check_parse("Об этом заявил премьер-министр Турции сегодня. Вчера представитель "
                                  "Philips ничего конкретного не сообщил.",
                                  CHR_FORMAT_TEXT, NULL);
    size_t n;
    const chr_participant *ps = chr_document_participants(d, &n);
    int pm = 0, rep = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < ps[i].n_roles; k++) {
            pm += strcmp(ps[i].roles[k].text, "премьер-министр Турции") == 0;
            rep += strcmp(ps[i].roles[k].text, "представитель Philips") == 0;
        }
    }
    CHECK(pm == 1, "a time word ends the complement of a title");
    CHECK(rep == 1, "a pronoun ends the complement of a title");
    chr_document_free(d);
}

static void test_damage(void)
{
    static const char nasty[] = "Иван\xff\xfe Петров\x00 и \xd0 В. \xe2\x80\x93 , . Президента";
    chr_options o;
    chr_options_init(&o);
    chr_status st;
    chr_document *d = chr_parse(nasty, sizeof nasty - 1, &o, &st);
    CHECK(d != NULL, "damaged input parses");
    chr_document_free(d);
    size_t n = 300000;
    char *big = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        big[i] = "Петров "[i % 7];
    big[n] = 0;
    d = chr_parse(big, n, &o, &st);
    CHECK(d != NULL, "a huge line of surnames parses");
    size_t np = 0;
    chr_document_participants(d, &np);
    CHECK(np <= 1, "and makes one participant of them (got %zu)", np);
    chr_document_free(d);
    free(big);
    d = chr_parse("", 0, &o, &st);
    CHECK(d != NULL && count_kind(d, CHR_KIND_PERSON) == 0, "empty input");
    chr_document_free(d);
}

int main(void)
{
    test_cases();
    test_lists();
    test_not_persons();
    test_roles();
    test_role_bounds();
    test_role_complement();
    test_unknown_after_title();
    test_damage();
    return CHECK_DONE();
}
