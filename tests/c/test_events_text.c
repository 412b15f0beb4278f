/* test_events_text.c - what an event's summary shows of its sentence:
   white space read as single spaces, a long clause cut between words. */
#include "check.h"
#include "internal.h"

static const chr_event *event_with(const chr_document *d, const char *trigger)
{
    size_t n;
    const chr_event *es = chr_document_events(d, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(es[i].trigger_text, trigger) == 0)
            return &es[i];
    return NULL;
}

/* The summary of `trigger` in text, checked against flat (the same text
   with single spaces): a piece of it, cut between words and marked with …
   when cut is set. */
static void check_summary(const char *text, const char *flat, const char *trigger, int cut)
{
    chr_document *d = check_parse(text, CHR_FORMAT_TEXT, NULL);
    const chr_event *e = d ? event_with(d, trigger) : NULL;
    const char *sum = e ? e->summary : "";
    char body[512];
    size_t bl = strlen(sum);
    int was_cut = bl >= 3 && strcmp(sum + bl - 3, "…") == 0;
    bl = was_cut ? bl - 3 : bl;
    if (bl >= sizeof body)
        bl = sizeof body - 1;
    memcpy(body, sum, bl);
    body[bl] = '\0';
    const char *at = bl ? strstr(flat, body) : NULL;
    CHECK(e && at != NULL, "white space collapses in the summary of '%s': '%s'", trigger, sum);
    CHECK(was_cut == cut, "the summary of '%s' is %s: '%s'", trigger, cut ? "cut" : "whole", sum);
    if (cut) {
        CHECK(at && (at[bl] == ' ' || at[bl] == ','), "the cut falls between words: '%s'", sum);
        CHECK(bl > 0 && body[bl - 1] != ' ' && body[bl - 1] != ',',
              "no space or comma before …: '%s'", sum);
    }
    chr_document_free(d);
}

static void test_long_clause(void)
{
    check_summary("Губернатор\tобласти  заявил о   необходимости \t срочно пересмотреть программу "
                  "поддержки малого  и среднего бизнеса\t\tв сельских районах региона с учётом "
                  "пожеланий предпринимателей и муниципальных властей.",
                  "Губернатор области заявил о необходимости срочно пересмотреть программу "
                  "поддержки малого и среднего бизнеса в сельских районах региона с учётом "
                  "пожеланий предпринимателей и муниципальных властей.",
                  "заявил", 1);
}

static void test_short_clause(void)
{
    check_summary("Министр  обороны\tпровёл   совещание в штабе округа.",
                  "Министр обороны провёл совещание в штабе округа.", "провёл", 0);
}

/* Latin words and signs between the Cyrillic ones count as characters too. */
static void test_mixed_scripts(void)
{
    check_summary("Компания Gazprom Neft  заявила о планах увеличить добычу на 15%  в течение "
                  "ближайших трёх лет за счёт новых месторождений на шельфе Арктики и в "
                  "Восточной Сибири, а также внедрения технологий.",
                  "Компания Gazprom Neft заявила о планах увеличить добычу на 15% в течение "
                  "ближайших трёх лет за счёт новых месторождений на шельфе Арктики и в "
                  "Восточной Сибири, а также внедрения технологий.",
                  "заявила", 1);
}

int main(void)
{
    test_long_clause();
    test_short_clause();
    test_mixed_scripts();
    return CHECK_DONE();
}
