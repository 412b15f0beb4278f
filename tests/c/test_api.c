/* test_api.c - the public API's promises: ownership, NULL safety, errors. */
#include "check.h"

int main(void)
{
    chr_document_free(NULL);
    CHECK(1, "chr_document_free(NULL) is a no-op");

    chr_status st = CHR_OK;
    CHECK(chr_parse(NULL, 5, NULL, &st) == NULL && st == CHR_ERR_INVALID,
          "NULL bytes with a length is rejected as invalid");

    chr_document *d = chr_parse(NULL, 0, NULL, &st);
    CHECK(d != NULL && st == CHR_OK, "an empty input parses");
    CHECK(d && chr_document_info(d)->bytes == 0, "empty input reports 0 bytes");
    size_t n = 99;
    chr_document_participants(d, &n);
    CHECK(n == 0, "empty input has no participants");
    chr_document_free(d);

    chr_options o;
    chr_options_init(&o);
    o.date = "2022-02-30";
    CHECK(chr_parse("x", 1, &o, &st) == NULL && st == CHR_ERR_INVALID,
          "an impossible document date is rejected");
    o.date = "2022-01-10";
    d = chr_parse("Сегодня.", strlen("Сегодня."), &o, &st);
    CHECK(d && chr_document_info(d)->date && strcmp(chr_document_info(d)->date, "2022-01-10") == 0,
          "the date option becomes the document date");
    CHECK_STR(d ? chr_document_info(d)->date_source : NULL, "option", "date_source is 'option'");
    chr_document_free(d);

    d = check_parse("Саммит завершился в Астрахани\n\nВчера в Астрахани завершился саммит. "
                    "Лидеры подписали заявление.\n", CHR_FORMAT_TEXT, NULL);
    CHECK_STR(chr_document_info(d)->title, "Саммит завершился в Астрахани",
              "a plain-text headline becomes the document title");
    chr_document_free(d);
    d = check_parse("Вчера в Астрахани завершился саммит. Лидеры подписали заявление.\n",
                    CHR_FORMAT_TEXT, NULL);
    CHECK(chr_document_info(d)->title == NULL, "a text without a headline has no title");
    chr_document_free(d);

    /* read in place: the document must not need the bytes after the call */
    const char *story = "Вчера президент Иван Петров встретился с министром Анной Смирновой.";
    char *owned = malloc(strlen(story) + 1);
    memcpy(owned, story, strlen(story) + 1);
    chr_options_init(&o);
    o.nul_terminated = 1;
    d = chr_parse(owned, strlen(owned), &o, &st);
    memset(owned, 'x', strlen(story));
    free(owned);
    size_t np = 0;
    const chr_participant *ps = d ? chr_document_participants(d, &np) : NULL;
    CHECK(np >= 2 && ps[0].name && ps[0].n_mentions > 0,
          "a document parsed in place keeps its results after the caller frees the bytes");
    chr_document_free(d);

    CHECK_STR(chr_kind_name(CHR_KIND_ORGANIZATION), "organization", "kind names follow the model");
    CHECK_STR(chr_event_type_name(CHR_EVENT_APPOINTMENT), "appointment", "event type names follow the model");
    CHECK_STR(chr_version(), CHRONICLE_VERSION, "chr_version matches the header");
    return CHECK_DONE();
}
