/* test_events.c - triggers, types, tense, summaries, participants, places
   and times of events.

   Participants and times come from stages written elsewhere; so that these
   tests say what the events stage does with them, some cases replace the
   document's mentions and times with known ones (inject_*) and run the
   events and order stages again. */
#include "check.h"
#include "internal.h"

#include <time.h>

#define SUMMARY_LIMIT 120

static chr_document *parse(const char *text, const char *date)
{
    return check_parse(text, CHR_FORMAT_TEXT, date);
}

static const chr_event *event_with(const chr_document *d, const char *trigger)
{
    size_t n;
    const chr_event *es = chr_document_events(d, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(es[i].trigger_text, trigger) == 0)
            return &es[i];
    return NULL;
}

static size_t n_events(const chr_document *d)
{
    size_t n;
    chr_document_events(d, &n);
    return n;
}

/* ---------------------------------------------------------- injection */

#define MAX_PARTS 16

/* Forgets what the names, times and link stages found. */
static void reset_stages(chr_document *d, size_t n_parts)
{
    d->n_ments = 0;
    d->n_tms = 0;
    d->n_times = 0;
    d->times = NULL;
    chr_participant *ps = chr_alloc(d, MAX_PARTS * sizeof *ps);
    for (size_t i = 0; i < n_parts && ps; i++) {
        ps[i].id = chr_sprintf(d, "p%zu", i + 1);
        ps[i].kind = CHR_KIND_PERSON;
    }
    d->parts = ps;
    d->n_parts = n_parts;
}

/* Tokens [a, b) covering the n-th occurrence of needle. */
static int find_tokens(const chr_document *d, const char *needle, int nth, uint32_t *a, uint32_t *b)
{
    const char *p = d->text.s;
    for (int k = 0; p; k++) {
        p = strstr(p, needle);
        if (!p)
            return 0;
        if (k == nth)
            break;
        p++;
    }
    uint32_t s = (uint32_t)(p - d->text.s), e = s + (uint32_t)strlen(needle);
    *a = *b = UINT32_MAX;
    for (uint32_t i = 0; i < d->n_toks; i++) {
        if (d->toks[i].start == s)
            *a = i;
        if (d->toks[i].end == e)
            *b = i + 1;
    }
    return *a != UINT32_MAX && *b != UINT32_MAX;
}

static void inject_mention(chr_document *d, const char *needle, int nth, chr_kind kind,
                           int gcase, int32_t part)
{
    uint32_t a, b;
    if (!find_tokens(d, needle, nth, &a, &b)) {
        printf("Bail out! no tokens for '%s'\n", needle);
        exit(2);
    }
    chr_ent_mention m;
    memset(&m, 0, sizeof m);
    m.start = d->toks[a].start;
    m.end = d->toks[b - 1].end;
    m.tok_first = a;
    m.tok_end = b;
    m.sentence = d->toks[a].sentence;
    m.kind = kind;
    m.gram_case = (uint8_t)gcase;
    m.role = -1;
    m.participant = part;
    if (kind == CHR_KIND_LOCATION)
        m.norm = "Место";
    ((chr_participant *)d->parts)[part].kind = kind;
    chr_add_mention(d, &m);
}

/* A time on `day` (days since epoch, or CHR_NO_DAY with rel set). */
static void inject_time(chr_document *d, const char *needle, int64_t day, int has_rel, int rel)
{
    uint32_t a, b;
    if (!find_tokens(d, needle, 0, &a, &b)) {
        printf("Bail out! no tokens for '%s'\n", needle);
        exit(2);
    }
    chr_time_mention t;
    memset(&t, 0, sizeof t);
    t.start = d->toks[a].start;
    t.end = d->toks[b - 1].end;
    t.tok_first = a;
    t.tok_end = b;
    t.sentence = d->toks[a].sentence;
    t.text = needle;
    t.value = "x";
    t.type = CHR_TIME_DATE;
    t.anchored = day != CHR_NO_DAY;
    t.day = day;
    t.minute = -1;
    t.has_rel = (uint8_t)has_rel;
    t.rel_days = rel;
    chr_add_time(d, &t);
    chr_time *ts = chr_alloc(d, d->n_tms * sizeof *ts);
    for (uint32_t i = 0; i < d->n_tms; i++) {
        ts[i].text = d->tms[i].text;
        ts[i].value = d->tms[i].value;
        chr_doc_span(d, d->tms[i].start, d->tms[i].end, &ts[i].span);
    }
    d->times = ts;
    d->n_times = d->n_tms;
}

static void rerun(chr_document *d)
{
    if (chr_events(d) != 0 || chr_order(d) != 0) {
        printf("Bail out! stages failed\n");
        exit(2);
    }
}

static int has_part(const chr_event *e, size_t part, chr_event_role role)
{
    for (size_t i = 0; e && i < e->n_participants; i++)
        if (e->participants[i].participant == part && e->participants[i].role == role)
            return 1;
    return 0;
}

/* ---------------------------------------------------------- triggers */

static void test_verb_forms(void)
{
    static const struct {
        const char *text, *trigger, *lemma;
        chr_event_type type;
        chr_tense tense;
    } cases[] = {
        {"Министр заявил об отставке правительства.", "заявил", "заявить", CHR_EVENT_STATEMENT, CHR_TENSE_PAST},
        {"Делегации обменялись мнениями.", "обменялись", "обменяться", CHR_EVENT_MEETING, CHR_TENSE_PAST},
        {"Губернатор встретился с фермерами.", "встретился", "встретиться", CHR_EVENT_MEETING, CHR_TENSE_PAST},
        {"Директор провёл совещание.", "провёл", "провести", CHR_EVENT_MEETING, CHR_TENSE_PAST},
        {"Стороны подписали меморандум.", "подписали", "подписать", CHR_EVENT_AGREEMENT, CHR_TENSE_PAST},
        {"Президент посетит Казань.", "посетит", "посетить", CHR_EVENT_VISIT, CHR_TENSE_FUTURE},
        {"Министр посещает Казань.", "посещает", "посещать", CHR_EVENT_VISIT, CHR_TENSE_PRESENT},
        {"Он назначен послом в Германии.", "назначен", "назначить", CHR_EVENT_APPOINTMENT, CHR_TENSE_PAST},
        {"Трое активистов задержаны полицией.", "задержаны", "задержать", CHR_EVENT_CONFLICT, CHR_TENSE_PAST},
        {"Договор будет подписан осенью.", "подписан", "подписать", CHR_EVENT_AGREEMENT, CHR_TENSE_FUTURE},
        {"Министр будет выступать на форуме.", "выступать", "выступать", CHR_EVENT_STATEMENT, CHR_TENSE_FUTURE},
        {"Делегация прибыла в Минск.", "прибыла", "прибыть", CHR_EVENT_VISIT, CHR_TENSE_PAST},
        {"Переговоры пройдут в Женеве.", "пройдут", "пройти", CHR_EVENT_MEETING, CHR_TENSE_FUTURE},
        {"Глава МИД ответил на вопросы журналистов.", "ответил", "ответить", CHR_EVENT_STATEMENT, CHR_TENSE_PAST},
        {"Экологи атакуют офис компании.", "атакуют", "атаковать", CHR_EVENT_CONFLICT, CHR_TENSE_PRESENT},
        {"Делегаты высказались против поправок.", "высказались", "высказаться", CHR_EVENT_STATEMENT, CHR_TENSE_PAST},
        {"Премьер освобождён от должности.", "освобождён", "освободить", CHR_EVENT_APPOINTMENT, CHR_TENSE_PAST},
        {"Мэр сообщает о новых мерах.", "сообщает", "сообщать", CHR_EVENT_STATEMENT, CHR_TENSE_PRESENT},
        {"Произошла авария на подстанции.", "Произошла", "произойти", CHR_EVENT_OTHER, CHR_TENSE_PAST},
        {"Депутаты приняли участие в голосовании.", "приняли участие", "принять участие", CHR_EVENT_OTHER, CHR_TENSE_PAST},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        chr_document *d = parse(cases[i].text, NULL);
        const chr_event *e = event_with(d, cases[i].trigger);
        CHECK(e != NULL, "'%s' is an event", cases[i].trigger);
        if (e) {
            CHECK_STR(e->trigger_lemma, cases[i].lemma, "lemma of '%s'", cases[i].trigger);
            CHECK(e->type == cases[i].type, "'%s' is a %s event (got %s)", cases[i].trigger,
                  chr_event_type_name(cases[i].type), chr_event_type_name(e->type));
            CHECK(e->tense == cases[i].tense, "'%s' is %s (got %s)", cases[i].trigger,
                  chr_tense_name(cases[i].tense), chr_tense_name(e->tense));
        }
        chr_document_free(d);
    }
}

static void test_not_events(void)
{
    static const char *const texts[] = {
        "Совет директоров собрал новый бюджет на год.",  /* nouns ending like verbs */
        "Прибыль компании и мысли экспертов.",
        "Красивый вид на реку.",
        "С полным текстом выступления можно ознакомиться на сайте.",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        chr_document *d = parse(texts[i], NULL);
        CHECK(n_events(d) == 0, "no event in \"%s\" (got %zu)", texts[i], n_events(d));
        chr_document_free(d);
    }
}

static void test_support_nouns(void)
{
    chr_document *d = parse("Вчера в столице состоялась внеочередная сессия парламента.", NULL);
    CHECK(n_events(d) == 1, "one event for verb + event noun (got %zu)", n_events(d));
    const chr_event *e = event_with(d, "состоялась");
    CHECK(e && e->type == CHR_EVENT_MEETING, "состоялась + сессия is a meeting");
    CHECK(e && strcmp(e->summary, "состоялась внеочередная сессия парламента") == 0,
          "summary from the trigger to the clause end: '%s'", e ? e->summary : "");
    chr_document_free(d);

    d = parse("Акция протеста у здания мэрии", NULL);
    size_t n;
    const chr_event *es = chr_document_events(d, &n);
    CHECK(n == 1 && es[0].type == CHR_EVENT_CONFLICT && strcmp(es[0].trigger_lemma, "акция протеста") == 0,
          "a verbless heading is its event noun");
    chr_document_free(d);

    d = parse("Акция протеста у здания мэрии\n\nАкция протеста прошла мирно.", NULL);
    es = chr_document_events(d, &n);
    CHECK(n == 1, "the headline's happening told again is one event (got %zu)", n);
    CHECK(n >= 1 && es[0].type == CHR_EVENT_CONFLICT && strcmp(es[0].trigger_text, "прошла") == 0,
          "the noun before the support verb gives the type");
    CHECK(n >= 1 && strcmp(es[0].summary, "Акция протеста прошла мирно") == 0,
          "the summary starts at the noun subject: '%s'", n >= 1 ? es[0].summary : "");
    chr_document_free(d);

    d = parse("Встреча министров в Минске\n\nМинистр обороны встретился с коллегами.\n\n"
              "Министр заявил о новых учениях.", NULL);
    CHECK(n_events(d) == 2, "a headline's happening told again is one event (got %zu)", n_events(d));
    e = event_with(d, "встретился");
    CHECK(e && strcmp(e->id, "e1") == 0 && e->type == CHR_EVENT_MEETING, "the story's meeting is e1");
    chr_document_free(d);

    d = parse("Саммит глав государств региона завершился в Астрахани\n\n"
              "Вчера в Астрахани состоялся саммит глав государств.", NULL);
    e = event_with(d, "состоялся");
    CHECK(n_events(d) == 1 && e && e->type == CHR_EVENT_MEETING,
          "a headline predicate and the lead tell one meeting (got %zu events)", n_events(d));
    chr_document_free(d);

    d = parse("Стороны провели переговоры.", NULL);
    e = event_with(d, "провели");
    CHECK(e && e->type == CHR_EVENT_MEETING, "провели переговоры is a meeting");
    chr_document_free(d);
}

static void test_plans(void)
{
    chr_document *d = parse("Стороны договорились находиться в постоянном контакте до завершения миссии.", NULL);
    const chr_event *e = event_with(d, "договорились");
    CHECK(e && e->type == CHR_EVENT_AGREEMENT, "договорились is an agreement");
    CHECK(e && e->tense == CHR_TENSE_FUTURE, "an agreement about what comes is a planned happening");
    CHECK(n_events(d) == 1, "the infinitive is part of it (got %zu events)", n_events(d));
    chr_document_free(d);

    d = parse("Президент собирается посетить Японию.", NULL);
    e = event_with(d, "посетить");
    CHECK(n_events(d) == 1 && e && e->type == CHR_EVENT_VISIT && e->tense == CHR_TENSE_FUTURE,
          "собирается посетить: one planned visit");
    chr_document_free(d);

    d = parse("Лидеры намерены обсудить кризис.", NULL);
    e = event_with(d, "обсудить");
    CHECK(e && e->tense == CHR_TENSE_FUTURE, "a modal makes an infinitive a planned happening");
    chr_document_free(d);
}

static void test_quotes(void)
{
    const char *text =
        "– Мы выступили единым фронтом и поддержали партнёров. Это важный опыт, "
        "– подчеркнул Иван Петров.\n\n"
        "«Переговоры прошли успешно», – сказал министр.";
    chr_document *d = parse(text, NULL);
    reset_stages(d, 1);
    inject_mention(d, "Иван Петров", 0, CHR_KIND_PERSON, CHR_CASE_NOM, 0);
    rerun(d);
    CHECK(n_events(d) == 2, "verbs inside quotes are not events (got %zu)", n_events(d));
    const chr_event *e = event_with(d, "подчеркнул");
    CHECK(e && e->type == CHR_EVENT_STATEMENT, "the attribution is a statement");
    CHECK(e && has_part(e, 0, CHR_ROLE_AGENT), "its agent is the person after the verb");
    CHECK(e && strncmp(e->summary, "подчеркнул Иван Петров: «Мы выступили", 46) == 0,
          "the summary quotes the start of the speech: '%s'", e ? e->summary : "");
    e = event_with(d, "сказал");
    CHECK(e && e->type == CHR_EVENT_STATEMENT, "«...», – сказал is a statement");
    chr_document_free(d);
}

static void test_summary_length(void)
{
    const char *text = "Губернатор области заявил о необходимости срочно пересмотреть программу "
                       "поддержки малого и среднего бизнеса в сельских районах региона с учётом "
                       "пожеланий предпринимателей и муниципальных властей.";
    chr_document *d = parse(text, NULL);
    const chr_event *e = event_with(d, "заявил");
    size_t chars = 0;
    for (const char *p = e ? e->summary : ""; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    CHECK(e && chars <= SUMMARY_LIMIT + 1, "a long clause is cut to about 120 characters (%zu)", chars);
    CHECK(e && strstr(e->summary, "…") != NULL, "the cut is marked with …");
    chr_document_free(d);
}

/* ---------------------------------------------------------- participants */

static void test_participants(void)
{
    const char *text = "Президент Иван Петров встретился в Казани с премьер-министром Олегом Сидоровым.";
    chr_document *d = parse(text, NULL);
    reset_stages(d, 3);
    inject_mention(d, "Иван Петров", 0, CHR_KIND_PERSON, CHR_CASE_NOM, 0);
    inject_mention(d, "Казани", 0, CHR_KIND_LOCATION, CHR_CASE_PREP, 1);
    inject_mention(d, "Олегом Сидоровым", 0, CHR_KIND_PERSON, CHR_CASE_INS, 2);
    rerun(d);
    const chr_event *e = event_with(d, "встретился");
    CHECK(e && has_part(e, 0, CHR_ROLE_AGENT), "the nominative subject is the agent");
    CHECK(e && has_part(e, 2, CHR_ROLE_PARTICIPANT), "\"с X\" is a participant");
    CHECK(e && e->place == 1 && e->place_text && strcmp(e->place_text, "Место") == 0,
          "the place is the location after в");
    CHECK(e && strncmp(e->summary, "Иван Петров встретился", 40) == 0,
          "the summary starts at the subject: '%s'", e ? e->summary : "");
    const chr_participant *ps = d->parts;
    CHECK(ps[0].n_events == 1 && ps[0].events[0] == 0, "the agent lists the event");
    CHECK(ps[2].n_events == 1, "the participant lists the event");
    chr_document_free(d);

    /* coordinated predicates share the subject */
    text = "Иван Петров проинформировал коллег о мерах, выразил признательность партнёрам.";
    d = parse(text, NULL);
    reset_stages(d, 1);
    inject_mention(d, "Иван Петров", 0, CHR_KIND_PERSON, CHR_CASE_UNKNOWN, 0);
    rerun(d);
    CHECK(has_part(event_with(d, "проинформировал"), 0, CHR_ROLE_AGENT), "agent of the first verb");
    CHECK(has_part(event_with(d, "выразил"), 0, CHR_ROLE_AGENT), "the second verb shares it");
    chr_document_free(d);

    /* a speech verb before its subject */
    d = parse("Об этом сообщил Олег Сидоров журналистам.", NULL);
    reset_stages(d, 1);
    inject_mention(d, "Олег Сидоров", 0, CHR_KIND_PERSON, CHR_CASE_UNKNOWN, 0);
    rerun(d);
    CHECK(has_part(event_with(d, "сообщил"), 0, CHR_ROLE_AGENT), "inverted subject is the agent");
    chr_document_free(d);

    /* genitive objects are not subjects */
    d = parse("Мэр поддержал решение Ивана Петрова.", NULL);
    reset_stages(d, 1);
    inject_mention(d, "Ивана Петрова", 0, CHR_KIND_PERSON, CHR_CASE_GEN, 0);
    rerun(d);
    e = event_with(d, "поддержал");
    CHECK(e && !has_part(e, 0, CHR_ROLE_AGENT) && has_part(e, 0, CHR_ROLE_MENTIONED),
          "a genitive person is mentioned, not the agent");
    chr_document_free(d);
}

static void test_attendance(void)
{
    const char *text = "Сегодня в Минске прошло заседание совета. "
                       "В мероприятии приняли участие Иван Петров, Олег Сидоров и Анна Смирнова.";
    chr_document *d = parse(text, NULL);
    reset_stages(d, 3);
    inject_mention(d, "Иван Петров", 0, CHR_KIND_PERSON, CHR_CASE_NOM, 0);
    inject_mention(d, "Олег Сидоров", 0, CHR_KIND_PERSON, CHR_CASE_NOM, 1);
    inject_mention(d, "Анна Смирнова", 0, CHR_KIND_PERSON, CHR_CASE_NOM, 2);
    rerun(d);
    CHECK(n_events(d) == 1, "a list of attendees is no event of its own (got %zu)", n_events(d));
    const chr_event *e = event_with(d, "прошло");
    CHECK(e && e->type == CHR_EVENT_MEETING, "the session is a meeting");
    CHECK(e && has_part(e, 0, CHR_ROLE_PARTICIPANT) && has_part(e, 1, CHR_ROLE_PARTICIPANT) &&
              has_part(e, 2, CHR_ROLE_PARTICIPANT),
          "the attendees are its participants");
    chr_document_free(d);
}

static void test_meeting_reference(void)
{
    const char *text = "Вчера в Душанбе состоялся саммит. В нём приняли участие Иван Петров и Олег Сидоров.\n\n"
                       "Иван Петров заявил о росте торговли.\n\n"
                       "В ходе встречи лидеры стран СНГ обсудили вопросы безопасности.";
    chr_document *d = parse(text, NULL);
    reset_stages(d, 3);
    inject_mention(d, "Иван Петров", 0, CHR_KIND_PERSON, CHR_CASE_NOM, 0);
    inject_mention(d, "Олег Сидоров", 0, CHR_KIND_PERSON, CHR_CASE_NOM, 1);
    inject_mention(d, "Иван Петров", 1, CHR_KIND_PERSON, CHR_CASE_NOM, 0);
    inject_mention(d, "СНГ", 0, CHR_KIND_ORGANIZATION, CHR_CASE_NOM, 2);
    rerun(d);
    const chr_event *e = event_with(d, "обсудили");
    CHECK(e && e->type == CHR_EVENT_MEETING, "обсудили is a meeting");
    CHECK(e && has_part(e, 0, CHR_ROLE_PARTICIPANT) && has_part(e, 1, CHR_ROLE_PARTICIPANT),
          "\"в ходе встречи\" brings the people of the meeting told before");
    CHECK(e && !has_part(e, 2, CHR_ROLE_AGENT), "a genitive acronym is not the subject");
    CHECK(e && strcmp(e->summary, "В ходе встречи лидеры стран СНГ обсудили вопросы безопасности") == 0,
          "a common-noun subject starts the summary: '%s'", e ? e->summary : "");
    chr_document_free(d);

    d = parse("Всего, по словам очевидцев, было задержано более 30 человек.", NULL);
    e = event_with(d, "задержано");
    CHECK(e && strcmp(e->summary, "было задержано более 30 человек") == 0,
          "an introductory phrase stays out of the summary: '%s'", e ? e->summary : "");
    chr_document_free(d);
}

/* ---------------------------------------------------------- times */

static void test_times(void)
{
    const char *text = "10 марта в Минске прошли переговоры. Стороны подписали соглашение.\n\n"
                       "Эксперты одобрили итоги.";
    chr_document *d = parse(text, "2021-03-12");
    reset_stages(d, 0);
    int64_t day = chr_days_from_civil(2021, 3, 10);
    inject_time(d, "10 марта", day, 0, 0);
    rerun(d);
    CHECK(n_events(d) == 3, "three events (got %zu)", n_events(d));
    const chr_event *e = event_with(d, "прошли");
    CHECK(e && e->time == 0, "the governing expression is the time");
    e = event_with(d, "подписали");
    CHECK(e && e->time == 0, "carried over within the paragraph");
    e = event_with(d, "одобрили");
    CHECK(e && e->time == 0, "a document about one day carries it to later paragraphs");
    chr_document_free(d);

    text = "10 марта прошли переговоры.\n\n11 марта прошёл митинг.\n\nЭксперты одобрили итоги.";
    d = parse(text, "2021-03-12");
    reset_stages(d, 0);
    inject_time(d, "10 марта", day, 0, 0);
    inject_time(d, "11 марта", day + 1, 0, 0);
    rerun(d);
    e = event_with(d, "одобрили");
    CHECK(e && e->time == -1, "no carrying across paragraphs when the document spans days");
    chr_document_free(d);

    d = parse("Саммит G20 в Риме 30 октября", "2021-10-01");
    reset_stages(d, 0);
    inject_time(d, "30 октября", chr_days_from_civil(2021, 10, 30), 0, 0);
    rerun(d);
    e = event_with(d, "Саммит");
    CHECK(e && e->tense == CHR_TENSE_FUTURE, "a heading's happening dated after the document is planned");
    chr_document_free(d);
}

/* ---------------------------------------------------------- bad input */

static void test_bad_input(void)
{
    static const char bad[] = "Министр за\xff\xfeявил\0 о \xd0 реформе. \xe2\x80 – подчеркнул\0";
    chr_options o;
    chr_options_init(&o);
    chr_status st;
    chr_document *d = chr_parse(bad, sizeof bad - 1, &o, &st);
    CHECK(d != NULL, "invalid UTF-8 and NUL bytes parse");
    chr_document_free(d);
    d = chr_parse("", 0, &o, &st);
    CHECK(d && n_events(d) == 0, "empty input: no events");
    chr_document_free(d);
    d = parse("– – – «« »» , – заявил", NULL);
    CHECK(d != NULL, "stray dashes and quotes");
    chr_document_free(d);
}

/* One 4 MB line of clauses: linear time, every predicate found. */
static void test_huge_line(void)
{
    const char *unit = "министр заявил о реформе, делегации обменялись мнениями и подписали "
                       "соглашение; ";
    size_t ul = strlen(unit), reps = 4 * 1024 * 1024 / ul;
    char *text = malloc(reps * ul + 1);
    for (size_t i = 0; i < reps; i++)
        memcpy(text + i * ul, unit, ul);
    text[reps * ul] = '\0';
    clock_t t0 = clock();
    chr_document *d = parse(text, NULL);
    double sec = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK(n_events(d) == 3 * reps, "%zu events in one line (want %zu)", n_events(d), 3 * reps);
    CHECK(sec < 20.0, "parsed in %.2f s", sec);
    printf("# events stage: %.3f s for %zu bytes\n",
           chr_document_stage_seconds(d, CHR_STAGE_EVENTS), reps * ul);
    chr_document_free(d);
    free(text);
}

int main(void)
{
    test_verb_forms();
    test_not_events();
    test_support_nouns();
    test_plans();
    test_quotes();
    test_summary_length();
    test_participants();
    test_attendance();
    test_meeting_reference();
    test_times();
    test_bad_input();
    test_huge_line();
    return CHECK_DONE();
}
