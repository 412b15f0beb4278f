/* test_geo.c - organisations and places in Russian news sentences: what the
   participant list will name them, whatever case they stand in. */
#include "check.h"
#include "internal.h"
#include "geo_index.h"

#include <string.h>
#include <time.h>

/* The pipeline up to the geo stage, so that the test sees exactly the
   mentions it produced. */
static chr_document *geo_doc_n(const char *text, size_t len)
{
    chr_document *d = calloc(1, sizeof *d);
    if (!d)
        exit(2);
    d->in = (const unsigned char *)text;
    d->in_len = (uint32_t)len;
    d->opt.format = CHR_FORMAT_TEXT;
    d->opt.language = CHR_LANG_RU;
    d->doc_day = CHR_NO_DAY;
    if (chr_decode(d) < 0 || chr_ingest(d) < 0 || chr_segment(d) < 0 || chr_tokenize(d) < 0 ||
        chr_analyze(d) < 0 || chr_orgs_places(d) < 0) {
        printf("Bail out! pipeline failed: %s\n", chr_status_message(d->status));
        exit(2);
    }
    d->in = NULL;
    return d;
}

static chr_document *geo_doc(const char *text) { return geo_doc_n(text, strlen(text)); }

/* The mention whose text is exactly `surface`, or NULL. */
static const chr_ent_mention *mention(const chr_document *d, const char *surface)
{
    size_t n = strlen(surface);
    for (uint32_t i = 0; i < d->n_ments; i++) {
        const chr_ent_mention *m = &d->ments[i];
        if (m->end - m->start == n && memcmp(d->text.s + m->start, surface, n) == 0)
            return m;
    }
    return NULL;
}

/* A mention of `surface` exists, has that kind and norm. */
static void expect(const chr_document *d, const char *surface, chr_kind kind, const char *norm)
{
    const chr_ent_mention *m = mention(d, surface);
    CHECK(m != NULL, "'%s' is a mention", surface);
    if (!m)
        return;
    CHECK(m->kind == kind, "'%s' is an %s", surface, chr_kind_name(kind));
    CHECK_STR(m->norm, norm, "'%s' is named %s", surface, norm);
    CHECK(m->type == CHR_MENTION_NAME && m->role == -1 && m->participant == -1,
          "'%s' is a name mention not yet linked", surface);
}

static int overlaps_any(const chr_document *d, const char *surface)
{
    const char *p = strstr(d->text.s, surface);
    if (!p)
        return 0;
    uint32_t a = (uint32_t)(p - d->text.s), b = a + (uint32_t)strlen(surface);
    for (uint32_t i = 0; i < d->n_ments; i++)
        if (d->ments[i].start < b && a < d->ments[i].end)
            return 1;
    return 0;
}

static void test_places_in_any_case(void)
{
    chr_document *d = geo_doc(
        "Делегации Армении, Беларуси и Казахстана прибыли в Москву.\n"
        "Переговоры прошли в Казахстане, а затем в Нью-Йорке и Нижнем Новгороде.\n"
        "Министр вернулся из Санкт-Петербурга в Москве уже вечером.\n"
        "Губернатор Московской области посетил предприятия Тверской области.\n"
        "В Республике Казахстан и Российской Федерации прошли выборы, РФ и Россию "
        "представили наблюдатели.\n");
    expect(d, "Армении", CHR_KIND_LOCATION, "Армения");
    expect(d, "Беларуси", CHR_KIND_LOCATION, "Беларусь");
    expect(d, "Казахстана", CHR_KIND_LOCATION, "Казахстан");
    expect(d, "Москву", CHR_KIND_LOCATION, "Москва");
    expect(d, "Казахстане", CHR_KIND_LOCATION, "Казахстан");
    expect(d, "Нью-Йорке", CHR_KIND_LOCATION, "Нью-Йорк");
    expect(d, "Нижнем Новгороде", CHR_KIND_LOCATION, "Нижний Новгород");
    expect(d, "Санкт-Петербурга", CHR_KIND_LOCATION, "Санкт-Петербург");
    expect(d, "Москве", CHR_KIND_LOCATION, "Москва");
    expect(d, "Московской области", CHR_KIND_LOCATION, "Московская область");
    expect(d, "Тверской области", CHR_KIND_LOCATION, "Тверская область");
    expect(d, "Республике Казахстан", CHR_KIND_LOCATION, "Казахстан");
    expect(d, "Российской Федерации", CHR_KIND_LOCATION, "Россия");
    expect(d, "РФ", CHR_KIND_LOCATION, "Россия");
    expect(d, "Россию", CHR_KIND_LOCATION, "Россия");
    const chr_ent_mention *m = mention(d, "Казахстана");
    CHECK(m && m->gram_case == CHR_CASE_GEN, "Казахстана is recognised as genitive");
    chr_document_free(d);
}

static void test_acronyms_and_expansions(void)
{
    chr_document *d = geo_doc(
        "Организация Договора о коллективной безопасности (ОДКБ) начала учения.\n"
        "Позже в ОДКБ заявили, что Организации Договора о коллективной безопасности "
        "нужна поддержка.\n"
        "Союз координационных советов (СКС) провёл пикет, и активисты СКС раздали листовки.\n"
        "Члены Движения в защиту Химкинского леса (ДЗХЛ) вышли на акцию.\n");
    expect(d, "Организация Договора о коллективной безопасности", CHR_KIND_ORGANIZATION, "ОДКБ");
    expect(d, "ОДКБ", CHR_KIND_ORGANIZATION, "ОДКБ");
    expect(d, "Организации Договора о коллективной безопасности", CHR_KIND_ORGANIZATION, "ОДКБ");
    expect(d, "Союз координационных советов", CHR_KIND_ORGANIZATION, "СКС");
    expect(d, "Движения в защиту Химкинского леса", CHR_KIND_ORGANIZATION, "ДЗХЛ");
    size_t n_skc = 0;
    for (uint32_t i = 0; i < d->n_ments; i++)
        n_skc += d->ments[i].norm && strcmp(d->ments[i].norm, "СКС") == 0;
    CHECK(n_skc == 3, "the expansion and both uses of СКС share one norm (%zu)", n_skc);
    chr_document_free(d);

    d = geo_doc("Пикет провёл ДЗХЛ (Движение в защиту Химкинского леса), а позже ДЗХЛ "
                "подал иск.\n");
    expect(d, "Движение в защиту Химкинского леса", CHR_KIND_ORGANIZATION, "ДЗХЛ");
    n_skc = 0;
    for (uint32_t i = 0; i < d->n_ments; i++)
        n_skc += d->ments[i].norm && strcmp(d->ments[i].norm, "ДЗХЛ") == 0;
    CHECK(n_skc == 3, "an abbreviation before its expansion shares its norm (%zu)", n_skc);
    chr_document_free(d);

    d = geo_doc("Власти Казахстана (РК) ответили, и в Казахстане всё спокойно. "
                "Министерство иностранных дел России (МИД) выступило с заявлением.\n");
    expect(d, "Казахстана", CHR_KIND_LOCATION, "Казахстан");
    expect(d, "РК", CHR_KIND_LOCATION, "Казахстан");
    expect(d, "Казахстане", CHR_KIND_LOCATION, "Казахстан");
    expect(d, "Министерство иностранных дел России", CHR_KIND_ORGANIZATION, "МИД России");
    expect(d, "МИД", CHR_KIND_ORGANIZATION, "МИД России");
    chr_document_free(d);

    d = geo_doc("Эта мера поддержана. Ира и Эти люди пришли на встречу.\n");
    CHECK(d->n_ments == 0, "capitalised pronouns and names are not the abbreviations ЭТА, ИРА (%u)",
          d->n_ments);
    chr_document_free(d);
}

static void test_descriptor_names(void)
{
    chr_document *d = geo_doc(
        "Член партии «Единая Россия» выступил против, а движение «Солидарность» поддержало "
        "компанию «Роснефть».\n"
        "Министерство иностранных дел России и МИД РФ ответили одинаково.\n"
        "Депутаты Государственной думы обратились в мэрию Москвы.\n"
        "Состоялась сессия Совета коллективной безопасности ОДКБ.\n"
        "Председатель Кабинета министров – Руководитель Администрации Президента Кыргызстана "
        "прибыл на встречу.\n"
        "Решение принял Верховный суд, а контракт подписала компания Vestas.\n");
    expect(d, "партии «Единая Россия»", CHR_KIND_ORGANIZATION, "Единая Россия");
    expect(d, "движение «Солидарность»", CHR_KIND_ORGANIZATION, "Солидарность");
    expect(d, "компанию «Роснефть»", CHR_KIND_ORGANIZATION, "Роснефть");
    expect(d, "Министерство иностранных дел России", CHR_KIND_ORGANIZATION, "МИД России");
    expect(d, "МИД РФ", CHR_KIND_ORGANIZATION, "МИД России");
    expect(d, "Государственной думы", CHR_KIND_ORGANIZATION, "Госдума");
    expect(d, "мэрию Москвы", CHR_KIND_ORGANIZATION, "Мэрия Москвы");
    expect(d, "Совета коллективной безопасности ОДКБ", CHR_KIND_ORGANIZATION,
           "Совет коллективной безопасности ОДКБ");
    expect(d, "Кабинета министров", CHR_KIND_ORGANIZATION, "Кабинет министров");
    expect(d, "Администрации Президента", CHR_KIND_ORGANIZATION, "Администрация Президента");
    expect(d, "Кыргызстана", CHR_KIND_LOCATION, "Кыргызстан");
    expect(d, "Верховный суд", CHR_KIND_ORGANIZATION, "Верховный суд");
    expect(d, "компания Vestas", CHR_KIND_ORGANIZATION, "Vestas");
    chr_document_free(d);

    d = geo_doc("Украинское правительство и правительство Украины спорили, а в российском "
                "министерстве финансов и в Министерстве финансов России молчали.\n");
    expect(d, "Украинское правительство", CHR_KIND_ORGANIZATION, "Правительство Украины");
    expect(d, "правительство Украины", CHR_KIND_ORGANIZATION, "Правительство Украины");
    expect(d, "российском министерстве финансов", CHR_KIND_ORGANIZATION, "Минфин России");
    expect(d, "Министерстве финансов России", CHR_KIND_ORGANIZATION, "Минфин России");
    chr_document_free(d);

    d = geo_doc(
        "Министерство иностранных дел России и МИД РФ ответили одинаково.\n"
        "Депутаты Государственной думы обратились в мэрию Москвы.\n");
    CHECK(mention(d, "Россия") == NULL && mention(d, "России") == NULL,
          "a country inside an organisation's name is no separate place");
    for (uint32_t i = 1; i < d->n_ments; i++)
        CHECK(d->ments[i - 1].tok_end <= d->ments[i].tok_first,
              "mentions %u and %u keep text order and do not overlap", i - 1, i);
    chr_document_free(d);
}

static void test_declension(void)
{
    static const char *const gen[][2] = {
        {"Россия", "России"}, {"Казахстан", "Казахстана"}, {"Беларусь", "Беларуси"},
        {"Израиль", "Израиля"}, {"Москва", "Москвы"}, {"Америка", "Америки"},
        {"Китай", "Китая"}, {"США", "США"}, {"Перу", "Перу"},
        {"Нижний Новгород", "Нижнего Новгорода"}, {"Московская область", "Московской области"},
        {"Южная Корея", "Южной Кореи"}, {"Соединённые Штаты Америки", "Соединённых Штатов Америки"},
        {"Санкт-Петербург", "Санкт-Петербурга"}, {"Республика Корея", "Республики Корея"},
        {"Нидерланды", "Нидерландов"},
    };
    for (size_t i = 0; i < sizeof gen / sizeof gen[0]; i++) {
        char out[128];
        size_t n = chr_geo_genitive(gen[i][0], out, sizeof out);
        CHECK_STR(n ? out : NULL, gen[i][1], "genitive of %s", gen[i][0]);
    }
    char tiny[4];
    CHECK(chr_geo_genitive("Казахстан", tiny, sizeof tiny) == 0,
          "a genitive that does not fit is refused");

    static const struct { const char *adj; char g; const char *nom; } adj[] = {
        {"Тверской", 'f', "Тверская"}, {"Верховного", 'm', "Верховный"}, {"Нижнего", 'm', "Нижний"},
        {"Российской", 'f', "Российская"}, {"Государственной", 'f', "Государственная"},
        {"Приморском", 'm', "Приморский"}, {"Синее", 'n', "Синее"},
    };
    for (size_t i = 0; i < sizeof adj / sizeof adj[0]; i++) {
        char out[128];
        size_t n =
            chr_geo_adj_nominative(adj[i].adj, strlen(adj[i].adj), adj[i].g, out, sizeof out);
        CHECK_STR(n ? out : NULL, adj[i].nom, "nominative of %s", adj[i].adj);
    }

    chr_document *d = geo_doc("Жители пожаловались в прокуратуру Московской области и в посольство "
                              "Южной Кореи, а затем в правительство Нижегородской области.\n");
    expect(d, "прокуратуру Московской области", CHR_KIND_ORGANIZATION,
           "Прокуратура Московской области");
    expect(d, "посольство Южной Кореи", CHR_KIND_ORGANIZATION, "Посольство Южной Кореи");
    expect(d, "правительство Нижегородской области", CHR_KIND_ORGANIZATION,
           "Правительство Нижегородской области");
    chr_document_free(d);
}

static void test_bare_names_in_context(void)
{
    chr_document *d = geo_doc("В МИД России заявили о протесте. Позже МИД уточнил позицию.\n");
    const chr_ent_mention *bare = NULL;
    for (uint32_t i = 0; i < d->n_ments; i++)
        if (d->ments[i].end - d->ments[i].start == strlen("МИД"))
            bare = &d->ments[i];
    CHECK(bare && bare->norm && strcmp(bare->norm, "МИД России") == 0,
          "a bare МИД after МИД России is that ministry");
    chr_document_free(d);

    d = geo_doc("МИД России и МИД Украины обменялись нотами. МИД уточнил позицию.\n");
    bare = NULL;
    for (uint32_t i = 0; i < d->n_ments; i++)
        if (d->ments[i].end - d->ments[i].start == strlen("МИД"))
            bare = &d->ments[i];
    CHECK(bare && bare->norm && strcmp(bare->norm, "МИД") == 0,
          "with two ministries a bare МИД stays unqualified");
    chr_document_free(d);
}

static void test_no_false_names(void)
{
    chr_document *d = geo_doc(
        "Компания выросла за год.\n"
        "Организация получит полезный опыт, отметил Президент.\n"
        "Правительство утвердило план.\n"
        "Большой город живёт своей жизнью.\n"
        "Конструктор Сергей Королёв и писатель Антон Чехов родились давно.\n"
        "Владимир Путин провёл совещание.\n");
    CHECK(d->n_ments == 0, "common nouns at a sentence start and persons' names are no "
          "organisations or places (%u found)", d->n_ments);
    for (uint32_t i = 0; i < d->n_ments; i++)
        printf("#   found '%.*s'\n", (int)(d->ments[i].end - d->ments[i].start),
               d->text.s + d->ments[i].start);
    chr_document_free(d);

    d = geo_doc("Правительство России утвердило план.\n");
    expect(d, "Правительство России", CHR_KIND_ORGANIZATION, "Правительство России");
    chr_document_free(d);

    d = geo_doc("Делегация прибыла в Королёв, затем во Владимир и в город Чехов.\n");
    expect(d, "Королёв", CHR_KIND_LOCATION, "Королёв");
    expect(d, "Владимир", CHR_KIND_LOCATION, "Владимир");
    CHECK(overlaps_any(d, "Чехов"), "Чехов after 'город' is a place");
    chr_document_free(d);
}

/* Tokens [a, b) of the first occurrence of `surface`. */
static int token_range(const chr_document *d, const char *surface, uint32_t *a, uint32_t *b)
{
    const char *p = strstr(d->text.s, surface);
    if (!p)
        return 0;
    uint32_t s = (uint32_t)(p - d->text.s), e = s + (uint32_t)strlen(surface);
    *a = UINT32_MAX;
    for (uint32_t i = 0; i < d->n_toks; i++) {
        if (d->toks[i].start >= s && *a == UINT32_MAX)
            *a = i;
        if (d->toks[i].end <= e)
            *b = i + 1;
    }
    return *a != UINT32_MAX && *b > *a;
}

static void check_canonical(chr_document *d, const char *surface, const char *want, chr_kind kind)
{
    uint32_t a = 0, b = 0;
    chr_kind k = CHR_KIND_PERSON;
    const char *got = token_range(d, surface, &a, &b) ? chr_geo_canonical(d, a, b, &k) : NULL;
    CHECK_STR(got, want, "affiliation of '%s'", surface);
    if (got)
        CHECK(k == kind, "'%s' is an %s", surface, chr_kind_name(kind));
}

static void test_canonical(void)
{
    chr_document *d = geo_doc(
        "Президент Казахстана встретился с Генеральным секретарём ОДКБ.\n"
        "Министр иностранных дел России и российский посол прибыли в Республику Беларусь.\n"
        "Руководитель Администрации Президента Кыргызстана выступил.\n");
    check_canonical(d, "Казахстана", "Казахстан", CHR_KIND_LOCATION);
    check_canonical(d, "ОДКБ", "ОДКБ", CHR_KIND_ORGANIZATION);
    check_canonical(d, "иностранных дел России", "Россия", CHR_KIND_LOCATION);
    check_canonical(d, "российский", "Россия", CHR_KIND_LOCATION);
    check_canonical(d, "Республику Беларусь", "Беларусь", CHR_KIND_LOCATION);
    check_canonical(d, "Администрации Президента Кыргызстана", "Кыргызстан", CHR_KIND_LOCATION);
    uint32_t a = 0, b = 0;
    chr_kind k;
    CHECK(token_range(d, "встретился", &a, &b) && chr_geo_canonical(d, a, b, &k) == NULL,
          "a verb names no place");
    CHECK(chr_geo_canonical(d, 5, 5, &k) == NULL &&
              chr_geo_canonical(d, 0, d->n_toks + 7, &k) == NULL,
          "empty and out-of-range spans give NULL");
    chr_document_free(d);
}

static void test_bad_input(void)
{
    static const char bad[] = "\xff\xfe Армении \xc3 (\x00) «ООН\x80» РФ(";
    chr_document *d = geo_doc_n(bad, sizeof bad - 1);
    CHECK(d->status == CHR_OK, "invalid UTF-8 and NUL bytes parse");
    chr_document_free(d);
    d = geo_doc("");
    CHECK(d->n_ments == 0, "empty input has no mentions");
    chr_document_free(d);

    /* one huge line of names, quotes, brackets and would-be abbreviations */
    static const char *const pieces[] = {
        "Организации Договора о коллективной безопасности ", "(АБВГ) ", "партия «", "Москвы ",
        "Совета ", "ООН ", "Министерства иностранных ", "\xd0 ", "(", "ФЫВА ", "» ",
    };
    size_t cap = 3u << 20, len = 0;
    char *big = malloc(cap + 256);   /* room for the last piece */
    if (!big)
        exit(2);
    for (size_t k = 0; len < cap; k++) {
        const char *p = pieces[(k * 7 + k / 3) % (sizeof pieces / sizeof pieces[0])];
        size_t n = strlen(p);
        memcpy(big + len, p, n);
        len += n;
    }
    big[len] = 0;
    clock_t t0 = clock();
    d = geo_doc_n(big, len);
    double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK(d->n_ments > 0, "a 3 MB line of names is read (%u mentions, %.2f s)", d->n_ments, s);
    int ordered = 1;
    for (uint32_t i = 1; i < d->n_ments; i++)
        ordered &= d->ments[i - 1].tok_end <= d->ments[i].tok_first;
    CHECK(ordered, "its mentions are ordered and do not overlap");
    chr_document_free(d);
    free(big);
}

/* The merged table compiled by lexgen holds every key of the lexicons it
   merges, with the same payload, and marks the heads of multi-word keys:
   a lexicon edit can never be half-seen by this stage. */
static void test_merged_table(void)
{
    static const chr_lexicon lex[GL_N] = {
        CHR_LEX_COUNTRIES, CHR_LEX_REGIONS, CHR_LEX_CITIES, CHR_LEX_ORGANIZATIONS,
        CHR_LEX_ORG_DESCRIPTORS, CHR_LEX_GEO_PLACE_NOUNS, CHR_LEX_GEO_PLACE_TITLES,
    };
    chr_document *d = geo_doc("Москва.");
    geo_index *x = chr_geo_index(d);
    size_t keys = 0, bad = 0, heads = 0, bad_heads = 0;
    for (int l = 0; x && l < GL_N; l++) {
        for (size_t i = 0; i < chr_lex_size(lex[l]); i++) {
            const char *k = chr_lex_key(lex[l], i), *p = chr_lex_payload(lex[l], i);
            const geo_entry *g = chr_geo_entry_get(x, k, strlen(k));
            keys++;
            if (!g || !g->pay[l] || strcmp(g->pay[l], p) != 0) {
                if (bad++ < 3)
                    printf("#   '%s' of lexicon %d is missing or differs\n", k, l);
            }
            for (const char *sp = strchr(k, ' '); sp; sp = strchr(sp + 1, ' ')) {
                const geo_entry *h = chr_geo_entry_get(x, k, (size_t)(sp - k));
                heads++;
                bad_heads += !h || !h->prefix;
            }
        }
    }
    CHECK(x && keys > 1000 && bad == 0, "all %zu keys of the merged lexicons are in the table", keys);
    CHECK(heads > 100 && bad_heads == 0, "all %zu heads of multi-word keys are marked", heads);
    CHECK(x && !chr_geo_entry_get(x, "бублик", strlen("бублик")), "a common word is not");
    chr_document_free(d);
}

int main(void)
{
    test_merged_table();
    test_places_in_any_case();
    test_acronyms_and_expansions();
    test_descriptor_names();
    test_declension();
    test_bare_names_in_context();
    test_no_false_names();
    test_canonical();
    test_bad_input();
    return CHECK_DONE();
}
