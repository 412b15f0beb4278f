/* test_events.c - triggers, types, tense, summaries, participants, places
   and times of events.

   Participants and times come from stages written elsewhere; so that these
   tests say what the events stage does with them, some cases replace the
   document's mentions and times with known ones (inject_*) and run the
   events and order stages again. */
#include "stage.h"

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
    stage_inject_time(d, a, b, needle, day, -1, has_rel, rel);
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
    stage_rerun_events(d);
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
    stage_rerun_events(d);
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
    stage_rerun_events(d);
    CHECK(has_part(event_with(d, "проинформировал"), 0, CHR_ROLE_AGENT), "agent of the first verb");
    CHECK(has_part(event_with(d, "выразил"), 0, CHR_ROLE_AGENT), "the second verb shares it");
    chr_document_free(d);

    /* a speech verb before its subject */
    d = parse("Об этом сообщил Олег Сидоров журналистам.", NULL);
    reset_stages(d, 1);
    inject_mention(d, "Олег Сидоров", 0, CHR_KIND_PERSON, CHR_CASE_UNKNOWN, 0);
    stage_rerun_events(d);
    CHECK(has_part(event_with(d, "сообщил"), 0, CHR_ROLE_AGENT), "inverted subject is the agent");
    chr_document_free(d);

    /* genitive objects are not subjects */
    d = parse("Мэр поддержал решение Ивана Петрова.", NULL);
    reset_stages(d, 1);
    inject_mention(d, "Ивана Петрова", 0, CHR_KIND_PERSON, CHR_CASE_GEN, 0);
    stage_rerun_events(d);
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
    stage_rerun_events(d);
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
    stage_rerun_events(d);
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
    stage_rerun_events(d);
    CHECK(n_events(d) == 3, "three events (got %zu)", n_events(d));
    const chr_event *e = event_with(d, "прошли");
    CHECK(e && e->time == 0, "the governing expression is the time");
    e = event_with(d, "подписали");
    CHECK(e && e->time == 0, "carried over within the paragraph");
    e = event_with(d, "одобрили");
    CHECK(e && e->time == -1, "a day that is not the document date stays in its paragraph");
    chr_document_free(d);

    /* a same-day report: its one date is the document date */
    d = parse(text, "2021-03-10");
    reset_stages(d, 0);
    inject_time(d, "10 марта", day, 0, 0);
    stage_rerun_events(d);
    e = event_with(d, "одобрили");
    CHECK(e && e->time == 0, "a report about its own date carries it to later paragraphs");
    chr_document_free(d);

    text = "10 марта прошли переговоры.\n\n11 марта прошёл митинг.\n\nЭксперты одобрили итоги.";
    d = parse(text, "2021-03-12");
    reset_stages(d, 0);
    inject_time(d, "10 марта", day, 0, 0);
    inject_time(d, "11 марта", day + 1, 0, 0);
    stage_rerun_events(d);
    e = event_with(d, "одобрили");
    CHECK(e && e->time == -1, "no carrying across paragraphs when the document spans days");
    chr_document_free(d);

    d = parse("Саммит G20 в Риме 30 октября", "2021-10-01");
    reset_stages(d, 0);
    inject_time(d, "30 октября", chr_days_from_civil(2021, 10, 30), 0, 0);
    stage_rerun_events(d);
    e = event_with(d, "Саммит");
    CHECK(e && e->tense == CHR_TENSE_FUTURE, "a heading's happening dated after the document is planned");
    chr_document_free(d);
}


/* ---------------------------------------------------------- second pass */

/* A time inside a quotation dates what is said, not the saying. */
static void test_quoted_times(void)
{
    const char *text = "«Мы намерены открыть новый цех уже в 2027 году», – заявил Иван Петров "
                       "журналистам.\n\n"
                       "– Весной 2028 года завод выйдет на полную мощность, – добавил директор.";
    chr_document *d = parse(text, "2025-06-02");
    reset_stages(d, 0);
    inject_time(d, "2027 году", chr_days_from_civil(2027, 1, 1), 0, 0);
    inject_time(d, "Весной 2028 года", chr_days_from_civil(2028, 3, 1), 0, 0);
    stage_rerun_events(d);
    const chr_event *e = event_with(d, "заявил");
    CHECK(e && e->time == -1, "«... в 2027 году», – заявил: the statement is not dated 2027");
    e = event_with(d, "добавил");
    CHECK(e && e->time == -1, "– Весной 2028 года ..., – добавил: not dated by the speech");
    chr_document_free(d);

    /* the reported content has its own time; the speech act does not take it */
    d = parse("Министр сообщил, что переговоры пройдут 5 июля.", "2025-06-02");
    reset_stages(d, 0);
    inject_time(d, "5 июля", chr_days_from_civil(2025, 7, 5), 0, 0);
    stage_rerun_events(d);
    e = event_with(d, "сообщил");
    CHECK(e && e->time == -1, "сообщил, что ... 5 июля: the statement is not on 5 July");
    e = event_with(d, "пройдут");
    CHECK(e && e->time == 0, "the talks are on 5 July");
    chr_document_free(d);

    /* a quoted name or a bracket between a time and its predicate is no barrier */
    d = parse("В августе 2004 года «продуктопровод» был испытан и начал работу. "
              "Инспекторы накануне (4 июня) провели рейд по реке.", "2004-09-01");
    reset_stages(d, 0);
    inject_time(d, "августе 2004 года", chr_days_from_civil(2004, 8, 1), 0, 0);
    inject_time(d, "4 июня", chr_days_from_civil(2004, 6, 4), 0, 0);
    stage_rerun_events(d);
    e = event_with(d, "начал");
    CHECK(e && e->time == 0, "«...» between the time and the verb: still its time");
    e = event_with(d, "провели");
    CHECK(e && e->time == 1, "накануне (4 июня) провели: the bracketed date is the time");
    chr_document_free(d);

    /* a time in the speech act's own clause still dates it */
    d = parse("«Работа продолжится», – заявил в понедельник Иван Петров.", "2025-06-04");
    reset_stages(d, 0);
    inject_time(d, "в понедельник", chr_days_from_civil(2025, 6, 2), 0, 0);
    stage_rerun_events(d);
    e = event_with(d, "заявил");
    CHECK(e && e->time == 0, "– заявил в понедельник: dated by its own clause");
    chr_document_free(d);
}

/* No document-wide day unless it is the document date and nothing
   contradicts it; future happenings keep their time to themselves. */
static void test_undated_fallback(void)
{
    const char *text = "Официальный представитель министерства провела брифинг для журналистов.\n\n"
                       "Она сообщила, что в четверг министр встретится с коллегой из Индии.\n\n"
                       "Переговоры пройдут в особняке на Спиридоновке.";
    chr_document *d = parse(text, "2024-04-02");
    reset_stages(d, 0);
    inject_time(d, "в четверг", chr_days_from_civil(2024, 4, 4), 0, 0);
    stage_rerun_events(d);
    const chr_event *e = event_with(d, "провела");
    CHECK(e && e->time == -1, "the briefing is not put on the Thursday (got %ld)", e ? e->time : -2);
    e = event_with(d, "сообщила");
    CHECK(e && e->time == -1, "the statement is not on the Thursday either");
    e = event_with(d, "встретится");
    CHECK(e && e->time == 0 && e->tense == CHR_TENSE_FUTURE, "the meeting is on the Thursday, future");
    e = event_with(d, "провела");
    const chr_event *m = event_with(d, "встретится");
    CHECK(e && m && e->order < m->order, "the briefing comes before the planned meeting");
    chr_document_free(d);

    /* future first, then a past report in the same paragraph */
    d = parse("В четверг министр встретится с послом. Об этом сообщила пресс-служба ведомства.",
              "2024-04-02");
    reset_stages(d, 0);
    inject_time(d, "В четверг", chr_days_from_civil(2024, 4, 4), 0, 0);
    stage_rerun_events(d);
    e = event_with(d, "сообщила");
    CHECK(e && e->time == -1, "a past report does not inherit a future event's time");
    chr_document_free(d);

    /* past first, then a future event: no carrying either way */
    d = parse("Вчера стороны подписали соглашение. Документ вступит в силу.", "2024-04-02");
    reset_stages(d, 0);
    inject_time(d, "Вчера", chr_days_from_civil(2024, 4, 1), 0, 0);
    stage_rerun_events(d);
    e = event_with(d, "вступит");
    CHECK(e && e->tense == CHR_TENSE_FUTURE && e->time == -1,
          "a future event does not inherit a past event's time");
    chr_document_free(d);

    /* a same-day report: "Сегодня" is the document date */
    text = "Сегодня в столице прошло заседание правительства.\n\n"
           "Премьер-министр заявил о новых мерах.\n\n"
           "Министры договорились оставаться на связи.";
    d = parse(text, "2022-01-10");
    reset_stages(d, 0);
    inject_time(d, "Сегодня", chr_days_from_civil(2022, 1, 10), 0, 0);
    stage_rerun_events(d);
    e = event_with(d, "заявил");
    CHECK(e && e->time == 0, "a same-day report dates its undated events");
    e = event_with(d, "договорились");
    CHECK(e && e->time == 0 && e->tense == CHR_TENSE_FUTURE && e->order == 3,
          "the agreement on what comes is future, on that day, last");
    chr_document_free(d);

    /* without a document date, "Сегодня" still names the day of the report */
    d = parse(text, NULL);
    reset_stages(d, 0);
    inject_time(d, "Сегодня", CHR_NO_DAY, 1, 0);
    stage_rerun_events(d);
    e = event_with(d, "заявил");
    CHECK(e && e->time == 0, "an undated same-day report: its events are on \"today\"");
    chr_document_free(d);

    d = parse(text, NULL);
    reset_stages(d, 0);
    inject_time(d, "Сегодня", CHR_NO_DAY, 1, 0);
    inject_time(d, "на связи", CHR_NO_DAY, 1, -1);
    stage_rerun_events(d);
    e = event_with(d, "заявил");
    CHECK(e && e->time == -1, "... not when the text also speaks of yesterday");
    chr_document_free(d);

    /* ... but not when another date contradicts the document date */
    d = parse(text, "2022-01-10");
    reset_stages(d, 0);
    inject_time(d, "Сегодня", chr_days_from_civil(2022, 1, 10), 0, 0);
    inject_time(d, "новых мерах", chr_days_from_civil(2022, 1, 3), 0, 0);
    stage_rerun_events(d);
    e = event_with(d, "договорились");
    CHECK(e && e->time == -1, "another date in the text: no document-wide day");
    chr_document_free(d);
}

/* A planned happening inside an agreement is an event of its own. */
static void test_planned_complement(void)
{
    const char *text = "В 16 часов лидеры подписали декларацию. "
                       "Лидеры договорились провести следующую встречу в Баку в октябре 2026 года.";
    chr_document *d = parse(text, "2025-03-14");
    reset_stages(d, 0);
    inject_time(d, "16 часов", chr_days_from_civil(2025, 3, 14), 0, 0);
    inject_time(d, "октябре 2026 года", chr_days_from_civil(2026, 10, 1), 0, 0);
    stage_rerun_events(d);
    const chr_event *a = event_with(d, "договорились");
    const chr_event *m = event_with(d, "провести");
    CHECK(a && a->type == CHR_EVENT_AGREEMENT && a->tense == CHR_TENSE_PAST,
          "the agreement itself was reached (past)");
    CHECK(a && a->time == 0, "the agreement keeps the paragraph's time (got %ld)", a ? a->time : -2);
    CHECK(m && m->type == CHR_EVENT_MEETING && m->tense == CHR_TENSE_FUTURE && m->time == 1,
          "the planned meeting: future, October 2026");
    CHECK(m && strcmp(m->trigger_lemma, "провести") == 0, "its trigger is the infinitive");
    CHECK(a && m && a->order < m->order, "the planned meeting comes last");
    chr_document_free(d);

    d = parse("Министр пообещал посетить Казань.", NULL);
    a = event_with(d, "пообещал");
    m = event_with(d, "посетить");
    CHECK(a && a->type == CHR_EVENT_STATEMENT && a->tense == CHR_TENSE_PAST, "the promise was made");
    CHECK(m && m->type == CHR_EVENT_VISIT && m->tense == CHR_TENSE_FUTURE, "the visit is planned");
    chr_document_free(d);
}

/* Headlines name happenings; their event nouns are no events by themselves. */
static void test_headings(void)
{
    const char *text = "Инвестиционный форум: итоги первого дня\n\n"
                       "Губернатор области заявил о росте вложений в экономику региона.";
    chr_document *d = parse(text, NULL);
    CHECK(n_events(d) == 1, "a headline noun is no event of its own (got %zu)", n_events(d));
    CHECK(event_with(d, "форум") == NULL, "no event triggered by the headline's форум");
    chr_document_free(d);

    d = parse("Акция протеста у здания мэрии", NULL);
    size_t n;
    const chr_event *es = chr_document_events(d, &n);
    CHECK(n == 1 && strcmp(es[0].summary, "Акция протеста у здания мэрии") == 0,
          "a verbless sentence's summary is its noun phrase: '%s'", n ? es[0].summary : "");
    chr_document_free(d);

    d = parse("Средний рейтинг турнира — 2716", NULL);
    CHECK(n_events(d) == 0, "a noun that depends on another is no event (got %zu)", n_events(d));
    chr_document_free(d);

    d = parse("Экономический форум: итоги дня", NULL);
    es = chr_document_events(d, &n);
    CHECK(n == 1 && strchr(es[0].summary, ' ') != NULL,
          "a summary is never a single noun: '%s'", n ? es[0].summary : "");
    chr_document_free(d);
}

/* Event types of negotiation, discussion and speech verbs. */
static void test_types(void)
{
    static const struct {
        const char *text, *trigger;
        chr_event_type type;
    } cases[] = {
        {"Стороны обсудили строительство нового моста.", "обсудили", CHR_EVENT_MEETING},
        {"Делегации провели переговоры в Минске.", "провели", CHR_EVENT_MEETING},
        {"Министры провели консультации.", "провели", CHR_EVENT_MEETING},
        {"Президенты провели телефонный разговор.", "провели", CHR_EVENT_MEETING},
        {"Делегации вели переговоры всю ночь.", "вели переговоры", CHR_EVENT_MEETING},
        {"Премьер побеседовал с фермерами.", "побеседовал", CHR_EVENT_MEETING},
        {"Лидеры созвонились вечером.", "созвонились", CHR_EVENT_MEETING},
        {"Министры договорились о поставках.", "договорились", CHR_EVENT_AGREEMENT},
        {"Представитель МИД провела брифинг для журналистов.", "провела", CHR_EVENT_STATEMENT},
        {"Губернатор провёл пресс-конференцию.", "провёл", CHR_EVENT_STATEMENT},
        {"Министр выступил на пленарном заседании.", "выступил", CHR_EVENT_STATEMENT},
        {"Посол ответил на вопросы журналистов.", "ответил", CHR_EVENT_STATEMENT},
        {"Мэр рассказал о планах.", "рассказал", CHR_EVENT_STATEMENT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        chr_document *d = parse(cases[i].text, NULL);
        const chr_event *e = event_with(d, cases[i].trigger);
        CHECK(e && e->type == cases[i].type, "'%s' in \"%s\" is %s (got %s)", cases[i].trigger,
              cases[i].text, chr_event_type_name(cases[i].type),
              e ? chr_event_type_name(e->type) : "no event");
        chr_document_free(d);
    }
}

/* A bare role followed by a name the name stage did not read describes
   that name: it must not bring in a person linked from elsewhere. */
static void test_stray_roles(void)
{
    const char *text = "Министр финансов Иван Петров провёл совещание.\n\n"
                       "Документ подписали министр нефти Ирана Али Карими и глава компании Олег Сидоров.";
    chr_document *d = parse(text, NULL);
    reset_stages(d, 2);
    inject_mention(d, "Иван Петров", 0, CHR_KIND_PERSON, CHR_CASE_NOM, 0);
    inject_mention(d, "министр", 0, CHR_KIND_PERSON, CHR_CASE_NOM, 0);
    d->ments[d->n_ments - 1].type = CHR_MENTION_NOMINAL;
    inject_mention(d, "Олег Сидоров", 0, CHR_KIND_PERSON, CHR_CASE_NOM, 1);
    stage_rerun_events(d);
    const chr_event *e = event_with(d, "подписали");
    CHECK(e && !has_part(e, 0, CHR_ROLE_AGENT) && !has_part(e, 0, CHR_ROLE_MENTIONED) &&
              !has_part(e, 0, CHR_ROLE_PARTICIPANT),
          "the minister of the previous paragraph is no participant of the signing");
    CHECK(e && e->n_participants >= 1, "the named signatory is");
    chr_document_free(d);

    /* a role followed by its holder's recognised name or a place stays */
    d = parse("Министр финансов Иван Петров провёл совещание.\n\nМинистр заявил о росте налогов.", NULL);
    reset_stages(d, 1);
    inject_mention(d, "Иван Петров", 0, CHR_KIND_PERSON, CHR_CASE_NOM, 0);
    inject_mention(d, "Министр", 1, CHR_KIND_PERSON, CHR_CASE_NOM, 0);
    d->ments[d->n_ments - 1].type = CHR_MENTION_NOMINAL;
    stage_rerun_events(d);
    CHECK(has_part(event_with(d, "заявил"), 0, CHR_ROLE_AGENT), "a bare role's link is kept");
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
    test_quoted_times();
    test_undated_fallback();
    test_planned_complement();
    test_headings();
    test_types();
    test_stray_roles();
    test_bad_input();
    test_huge_line();
    return CHECK_DONE();
}
