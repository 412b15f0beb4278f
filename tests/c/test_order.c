/* test_order.c - the timeline order of events.

   The times are injected (known days, offsets, minutes) so that the order
   stage is tested on its own; the events are found by the real pipeline. */
#include "stage.h"

static chr_document *parse(const char *text, const char *date)
{
    return check_parse(text, CHR_FORMAT_TEXT, date);
}

static void reset_times(chr_document *d)
{
    d->n_ments = 0;
    d->n_parts = 0;
    d->parts = NULL;
    d->n_tms = 0;
    d->n_times = 0;
    d->times = NULL;
}

static void inject_time(chr_document *d, const char *needle, int64_t day, int minute,
                        int has_rel, int rel)
{
    const char *p = strstr(d->text.s, needle);
    uint32_t s = p ? (uint32_t)(p - d->text.s) : UINT32_MAX, e = s + (uint32_t)strlen(needle);
    uint32_t a = UINT32_MAX, b = UINT32_MAX;
    for (uint32_t i = 0; p && i < d->n_toks; i++) {
        if (d->toks[i].start == s)
            a = i;
        if (d->toks[i].end == e)
            b = i + 1;
    }
    if (a == UINT32_MAX || b == UINT32_MAX) {
        printf("Bail out! no tokens for '%s'\n", needle);
        exit(2);
    }
    stage_inject_time(d, a, b, needle, day, minute, has_rel, rel);
}

/* The order of the event whose trigger is `trigger`, or 0. */
static int order_of(const chr_document *d, const char *trigger)
{
    size_t n;
    const chr_event *es = chr_document_events(d, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(es[i].trigger_text, trigger) == 0)
            return es[i].order;
    return 0;
}

/* order is a permutation of 1..N */
static int is_permutation(const chr_document *d)
{
    size_t n;
    const chr_event *es = chr_document_events(d, &n);
    char *seen = calloc(n + 1, 1);
    int ok = 1;
    for (size_t i = 0; i < n; i++) {
        if (es[i].order < 1 || (size_t)es[i].order > n || seen[es[i].order])
            ok = 0;
        else
            seen[es[i].order] = 1;
    }
    free(seen);
    return ok;
}

static void test_by_day(void)
{
    const char *text = "12 мая министр подписал соглашение.\n\n11 мая мэр посетил завод.\n\n"
                       "Эксперты одобрили решение.\n\n10 мая губернатор заявил о реформе.";
    chr_document *d = parse(text, "2021-05-13");
    reset_times(d);
    int64_t may = chr_days_from_civil(2021, 5, 0);
    inject_time(d, "12 мая", may + 12, -1, 0, 0);
    inject_time(d, "11 мая", may + 11, -1, 0, 0);
    inject_time(d, "10 мая", may + 10, -1, 0, 0);
    stage_rerun_events(d);
    CHECK(order_of(d, "заявил") == 1, "the earliest day comes first");
    CHECK(order_of(d, "посетил") == 2, "then 11 May");
    CHECK(order_of(d, "одобрили") == 3, "an undated event stays after the one before it");
    CHECK(order_of(d, "подписал") == 4, "12 May last");
    CHECK(is_permutation(d), "order runs 1..N");
    chr_document_free(d);
}

static void test_time_of_day(void)
{
    const char *text = "В 15:00 министр заявил о реформе. В 9:30 делегация прибыла в Минск.";
    chr_document *d = parse(text, "2021-05-13");
    reset_times(d);
    int64_t day = chr_days_from_civil(2021, 5, 13);
    inject_time(d, "15:00", day, 15 * 60, 0, 0);
    inject_time(d, "9:30", day, 9 * 60 + 30, 0, 0);
    stage_rerun_events(d);
    CHECK(order_of(d, "прибыла") == 1, "the morning arrival comes first");
    CHECK(order_of(d, "заявил") == 2, "the afternoon statement second");
    chr_document_free(d);
}

static void test_future_after_day(void)
{
    const char *text = "Сегодня лидеры обменялись мнениями. Стороны договорились встретиться снова. "
                       "Министр заявил о поддержке.";
    chr_document *d = parse(text, "2022-01-10");
    reset_times(d);
    inject_time(d, "Сегодня", chr_days_from_civil(2022, 1, 10), -1, 0, 0);
    stage_rerun_events(d);
    CHECK(order_of(d, "обменялись") == 1, "the reported exchange first");
    CHECK(order_of(d, "договорились") == 2, "the agreement was reached that day, in story order");
    CHECK(order_of(d, "заявил") == 3, "the reported statement third");
    CHECK(order_of(d, "встретиться") == 4, "the planned meeting after the day's reports");
    chr_document_free(d);

    text = "Сегодня лидеры обменялись мнениями. Стороны договорились оставаться на связи. "
           "Министр заявил о поддержке.";
    d = parse(text, "2022-01-10");
    reset_times(d);
    inject_time(d, "Сегодня", chr_days_from_civil(2022, 1, 10), -1, 0, 0);
    stage_rerun_events(d);
    CHECK(order_of(d, "заявил") == 2, "the reported statement second");
    CHECK(order_of(d, "договорились") == 3, "an agreement about what comes after the day's reports");
    chr_document_free(d);
}

static void test_relative(void)
{
    const char *text = "Вчера мэр посетил завод.\n\nСегодня губернатор заявил о росте.\n\n"
                       "Позавчера министр подписал соглашение.\n\nЗавтра делегация прибудет в Минск.";
    chr_document *d = parse(text, NULL);
    reset_times(d);
    inject_time(d, "Вчера", CHR_NO_DAY, -1, 1, -1);
    inject_time(d, "Сегодня", CHR_NO_DAY, -1, 1, 0);
    inject_time(d, "Позавчера", CHR_NO_DAY, -1, 1, -2);
    inject_time(d, "Завтра", CHR_NO_DAY, -1, 1, 1);
    stage_rerun_events(d);
    CHECK(order_of(d, "подписал") == 1, "позавчера first without a document date");
    CHECK(order_of(d, "посетил") == 2, "вчера second");
    CHECK(order_of(d, "заявил") == 3, "сегодня third");
    CHECK(order_of(d, "прибудет") == 4, "завтра last");
    chr_document_free(d);
}

static void test_undated(void)
{
    /* the real pipeline, whatever the time stage finds: a permutation */
    const char *text = "Министр заявил о реформе. Делегации обменялись мнениями. "
                       "Стороны договорились продолжить работу. Эксперты одобрили итоги.";
    chr_document *d = parse(text, NULL);
    size_t n;
    chr_document_events(d, &n);
    CHECK(n == 4, "four events (got %zu)", n);
    CHECK(is_permutation(d), "order runs 1..N");
    reset_times(d);
    stage_rerun_events(d);
    CHECK(order_of(d, "заявил") == 1 && order_of(d, "обменялись") == 2 &&
              order_of(d, "одобрили") == 3 && order_of(d, "договорились") == 4,
          "undated: document order, the planned happening last");
    chr_document_free(d);
}

int main(void)
{
    test_by_day();
    test_time_of_day();
    test_future_after_day();
    test_relative();
    test_undated();
    return CHECK_DONE();
}
