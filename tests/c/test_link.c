/* test_link.c - every mention of a person joins one participant. */
#include "check.h"

#include <string.h>

static size_t n_persons(const chr_document *d)
{
    size_t n, k = 0;
    const chr_participant *ps = chr_document_participants(d, &n);
    for (size_t i = 0; i < n; i++)
        k += ps[i].kind == CHR_KIND_PERSON;
    return k;
}

static const chr_participant *by_family(const chr_document *d, const char *family)
{
    size_t n;
    const chr_participant *ps = chr_document_participants(d, &n);
    for (size_t i = 0; i < n; i++)
        if (ps[i].kind == CHR_KIND_PERSON && ps[i].family && strcmp(ps[i].family, family) == 0)
            return &ps[i];
    return NULL;
}

/* Does p have a mention reading `text` (bytes of the input) of type t? */
static int has_mention(const chr_participant *p, const char *input, const char *text, chr_mention_type t)
{
    size_t n = strlen(text);
    for (size_t i = 0; p && i < p->n_mentions; i++) {
        const chr_mention *m = &p->mentions[i];
        if (m->span.end - m->span.start == n && memcmp(input + m->span.start, text, n) == 0 && m->type == t)
            return 1;
    }
    return 0;
}

static void test_surname_alone(void)
{
    const char *t = "Министр финансов Антон Силуанов представил бюджет. Депутаты задали Силуанову "
                    "вопросы. Позже Силуановым был подписан приказ.";
    chr_document *d = check_parse(t, CHR_FORMAT_TEXT, NULL);
    const chr_participant *p = by_family(d, "Силуанов");
    CHECK(p != NULL && p->n_mentions == 3, "full name and two inflected surnames: one participant (%zu)",
          p ? p->n_mentions : 0);
    CHECK(p && p->name && strcmp(p->name, "Антон Силуанов") == 0, "name is 'Given Family'");
    CHECK(has_mention(p, t, "Силуанову", CHR_MENTION_NAME), "the dative surname is a name mention");
    CHECK(n_persons(d) == 1, "nobody else (persons %zu)", n_persons(d));
    chr_document_free(d);
}

static void test_same_family(void)
{
    const char *t = "На приёме были Пётр Смирнов и Ольга Смирнова, а также Иван Смирнов.";
    chr_document *d = check_parse(t, CHR_FORMAT_TEXT, NULL);
    CHECK(n_persons(d) == 3, "three different people sharing a family (got %zu)", n_persons(d));
    chr_document_free(d);
}

static void test_given_patronymic(void)
{
    const char *t = "Борис Ельцин подписал указ. Позже Борис Николаевич объяснил своё решение.";
    chr_document *d = check_parse(t, CHR_FORMAT_TEXT, NULL);
    const chr_participant *p = by_family(d, "Ельцин");
    CHECK(p && p->n_mentions == 2 && p->patronymic && strcmp(p->patronymic, "Николаевич") == 0,
          "first name and patronymic join the person with that first name");
    CHECK(n_persons(d) == 1, "one person (got %zu)", n_persons(d));
    chr_document_free(d);
}

static const chr_participant *with_mention(const chr_document *d, const char *input, const char *text)
{
    size_t n;
    const chr_participant *ps = chr_document_participants(d, &n);
    for (size_t i = 0; i < n; i++)
        if (has_mention(&ps[i], input, text, CHR_MENTION_NOMINAL))
            return &ps[i];
    return NULL;
}

static void test_antecedent(void)
{
    const char *t = "Дмитрий Медведев отказался от поездки на острова. "
                    "Однако глава России всё же побывал там в ноябре.";
    chr_document *d = check_parse(t, CHR_FORMAT_TEXT, NULL);
    const chr_participant *p = with_mention(d, t, "глава России");
    CHECK(p && p->family && strcmp(p->family, "Медведев") == 0,
          "a role-only subject takes up the person named just before");
    chr_document_free(d);

    t = "Суд начался над Джаредом Лофнером. Ему вменяют покушение на убийство члена Конгресса.";
    d = check_parse(t, CHR_FORMAT_TEXT, NULL);
    p = with_mention(d, t, "члена Конгресса");
    CHECK(p == NULL || p->family == NULL, "an office of many in an object is somebody else");
    chr_document_free(d);

    t = "Реджеп Эрдоган, премьер-министр Турции, прибыл в Киев. Эрдоган встретился с "
        "Мустафой Джемилевым. Эрдоган передал письмо президенту Турции.";
    d = check_parse(t, CHR_FORMAT_TEXT, NULL);
    p = with_mention(d, t, "президенту Турции");
    CHECK(p == NULL || p->family == NULL || strcmp(p->family, "Эрдоган") != 0,
          "the premier of a country is not its president");
    chr_document_free(d);

    t = "Депутаты осудили нападение на члена Конгресса США. Позже члена Конгресса выписали.";
    d = check_parse(t, CHR_FORMAT_TEXT, NULL);
    CHECK(n_persons(d) == 1, "one office with one affiliation: one nameless person (got %zu)",
          n_persons(d));
    chr_document_free(d);
}

static const char *STATE =
    "По приглашению Президента Узбекистана в Самарканде прошла встреча лидеров. "
    "В ней вместе с Шавкатом Мирзиёевым участвовали Президент Азербайджана Ильхам Алиев "
    "и Президент Туркменистана Сердар Бердымухамедов. "
    "Президент Узбекистана рассказал гостям о реформах. Глава государства поблагодарил партнеров. "
    "– Мы открыты к сотрудничеству, – сказал Шавкат Мирзиёев. "
    "Президент подчеркнул важность торговли. "
    "Главы государств договорились встретиться снова.";

static void test_nominal(void)
{
    chr_document *d = check_parse(STATE, CHR_FORMAT_TEXT, NULL);
    const chr_participant *m = by_family(d, "Мирзиёев");
    CHECK(m != NULL, "Мирзиёев found");
    CHECK(has_mention(m, STATE, "Президента Узбекистана", CHR_MENTION_NOMINAL),
          "a role-only mention before the name joins him");
    CHECK(has_mention(m, STATE, "Президент Узбекистана", CHR_MENTION_NOMINAL), "the same role later");
    CHECK(has_mention(m, STATE, "Глава государства", CHR_MENTION_NOMINAL), "'Глава государства' joins him");
    CHECK(has_mention(m, STATE, "Президент", CHR_MENTION_NOMINAL), "a bare 'Президент' joins him");
    CHECK(has_mention(m, STATE, "Шавкатом Мирзиёевым", CHR_MENTION_NAME), "the instrumental name");
    int role = 0;
    for (size_t i = 0; m && i < m->n_roles; i++)
        role |= strcmp(m->roles[i].text, "Президент Узбекистана") == 0;
    CHECK(role, "he gets the role he was only called by");
    const chr_participant *a = by_family(d, "Алиев");
    CHECK(a && a->n_mentions == 1, "Алиев keeps only his own mention");
    CHECK(a && a->n_roles == 1 && strcmp(a->roles[0].text, "Президент Азербайджана") == 0,
          "and his own role");
    CHECK(n_persons(d) == 3, "three persons; 'Главы государств' is nobody (got %zu)", n_persons(d));
    size_t n;
    const chr_participant *ps = chr_document_participants(d, &n);
    int ids = 1, sorted = 1;
    for (size_t i = 0; i < n; i++) {
        char want[32];
        snprintf(want, sizeof want, "p%zu", i + 1);
        ids &= strcmp(ps[i].id, want) == 0;
        for (size_t k = 1; k < ps[i].n_mentions; k++)
            sorted &= ps[i].mentions[k - 1].span.start <= ps[i].mentions[k].span.start;
        if (i > 0 && ps[i].n_mentions && ps[i - 1].n_mentions)
            sorted &= ps[i - 1].mentions[0].span.start <= ps[i].mentions[0].span.start;
    }
    CHECK(ids, "ids p1..pN");
    CHECK(sorted, "participants in order of first mention, mentions sorted");
    chr_document_free(d);
}

static void test_unheld_role(void)
{
    const char *t = "Министр обороны Франции заявил о новых поставках. Об этом сообщил Иван Петров.";
    chr_document *d = check_parse(t, CHR_FORMAT_TEXT, NULL);
    size_t n;
    const chr_participant *ps = chr_document_participants(d, &n);
    const chr_participant *nameless = NULL;
    for (size_t i = 0; i < n; i++)
        if (ps[i].kind == CHR_KIND_PERSON && !ps[i].name)
            nameless = &ps[i];
    CHECK(nameless != NULL, "a role nobody named holds is a person of its own");
    CHECK(nameless && nameless->n_roles == 1 && nameless->n_mentions == 1 &&
              nameless->mentions[0].type == CHR_MENTION_NOMINAL,
          "with its role and a nominal mention");
    const chr_participant *p = by_family(d, "Петров");
    CHECK(p && p->n_roles == 0, "it is not merged into the named person");
    chr_document_free(d);
}

/* A bare role word refers back only a short way, and never to somebody
   else when a name of its own follows it. */
static void test_role_window(void)
{
    const char *t = "Министр экономики Андрей Белов открыл форум. Вечером министр ответил на вопросы "
                    "журналистов.\n\nГости осмотрели стенды. Потом прошёл концерт. Затем выступил "
                    "оркестр. Днём начались переговоры.\n\nДоклад министр представил позже.";
    chr_document *d = check_parse(t, CHR_FORMAT_TEXT, NULL);
    const chr_participant *b = by_family(d, "Белов");
    CHECK(b && b->n_mentions == 2, "the bare role in the next sentence is Белов; the one "
          "paragraphs later is not (mentions %zu)", b ? b->n_mentions : 0);
    chr_document_free(d);

    t = "Министр экономики России Андрей Белов открыл форум.\n\nСоглашение подписали министр нефти "
        "Омана Бадер Зубейри и министр Фахд Рашиди.";
    d = check_parse(t, CHR_FORMAT_TEXT, NULL);
    b = by_family(d, "Белов");
    CHECK(b && b->n_mentions == 1 && b->n_roles == 1,
          "a minister with a name of his own is not Белов (mentions %zu, roles %zu)",
          b ? b->n_mentions : 0, b ? b->n_roles : 0);
    const chr_participant *z = by_family(d, "Зубейри");
    CHECK(z && z->n_roles == 1, "Зубейри holds the role before his name");
    chr_document_free(d);

    t = "Брифинг официального представителя МВД\n\nОфициальный представитель МВД России Ирина "
        "Волк провела брифинг.";
    d = check_parse(t, CHR_FORMAT_TEXT, NULL);
    CHECK(n_persons(d) == 1, "a heading's shortened role is the spokeswoman's (persons %zu)",
          n_persons(d));
    chr_document_free(d);
}

int main(void)
{
    test_antecedent();
    test_surname_alone();
    test_same_family();
    test_given_patronymic();
    test_nominal();
    test_unheld_role();
    test_role_window();
    return CHECK_DONE();
}
