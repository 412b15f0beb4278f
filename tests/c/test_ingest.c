/* test_ingest.c - format and language detection, plain text and Markdown:
   what the stages after ingestion read, and where it came from. */
#include "stage.h"

static chr_document *ingest_opt(const char *bytes, chr_format f, chr_language l,
                                const char *path, const char *date)
{
    stage_input in = {bytes, strlen(bytes), f, l, path, date};
    return stage_ingest(&in);
}

static chr_document *ingest(const char *bytes, chr_format f)
{
    return ingest_opt(bytes, f, CHR_LANG_AUTO, NULL, NULL);
}

/* The analysed text's `needle` comes from the first `want` of the input. */
static int maps_to(const chr_document *d, const char *input, const char *needle, const char *want)
{
    const char *p = strstr(d->text.s, needle), *w = strstr(input, want);
    if (!p || !w) {
        printf("#   '%s' not in the text or '%s' not in the input\n", needle, want);
        return 0;
    }
    uint32_t a = (uint32_t)(p - d->text.s), b = a + (uint32_t)strlen(needle);
    uint32_t s = chr_text_src_start(&d->text, a), e = chr_text_src_end(&d->text, b);
    int ok = s == (uint32_t)(w - input) && e == s + strlen(want);
    if (!ok)
        printf("#   '%s' maps to [%u,%u), want [%u,%u)\n", needle, s, e, (unsigned)(w - input),
               (unsigned)(w - input + strlen(want)));
    return ok;
}

static int has_text(const chr_document *d, const char *s) { return strstr(d->text.s, s) != NULL; }

static chr_format format_of(const char *bytes, const char *path)
{
    chr_document *d = ingest_opt(bytes, CHR_FORMAT_AUTO, CHR_LANG_AUTO, path, NULL);
    chr_format f = d->info.format;
    chr_document_free(d);
    return f;
}

/* doc->lower against chr_utf8_fold of the same text: the fold reads eight
   bytes at a time, so capitals, ё and rare letters are tried at every
   offset into those words. */
static void test_fold_everywhere(void)
{
    static const char *const words[] = {
        "ЁЛКИ", "ёлки", "МИДа", "Ѐ", "ѐ", "Ђорђе", "ЏЕМ", "ОДКБ", "NATO", "Émile",
        "внешнеполитическими", "ПРАВИТЕЛЬСТВО", "правительствА", "«Единая Россия»", "—",
        "Ростов-на-Дону", "12:30", "\xFF", "\xD0", "Ѣ", "Ω", "Zürich", "G20",
    };
    size_t nw = sizeof words / sizeof words[0];
    char text[4096];
    int all_same = 1;
    for (size_t pad = 0; pad < 9; pad++) {
        size_t n = 0;
        for (size_t k = 0; k < pad; k++)
            text[n++] = k % 2 ? 'x' : ' ';
        for (size_t r = 0; r < 3; r++) {
            for (size_t w = 0; w < nw; w++) {
                size_t l = strlen(words[(w + r) % nw]);
                memcpy(text + n, words[(w + r) % nw], l);
                n += l;
                text[n++] = r == 1 ? ',' : ' ';
            }
        }
        text[n] = 0;
        chr_document *d = ingest(text, CHR_FORMAT_TEXT);
        char folded[4096];
        chr_utf8_fold(d->text.s, d->text.len, folded);
        if (d->text.len != n || memcmp(d->lower, folded, n) != 0) {
            all_same = 0;
            printf("#   fold differs with %zu bytes of padding\n", pad);
        }
        chr_document_free(d);
    }
    CHECK(all_same, "the analysed text is folded exactly as lexicon keys, at every offset");
}

/* The language is decided by the first megabyte: a Russian article with a
   long English appendix is Russian, and the other way round. */
static void test_language_window(void)
{
    const char *ru = "Президент провёл встречу с министрами в Москве. ";
    const char *en = "The delegation discussed trade and security in Brussels today. ";
    size_t rl = strlen(ru), el = strlen(en), n = 0, cap = 3u << 20;
    char *t = malloc(cap + 1);
    if (!t)
        exit(2);
    while (n + rl < (1u << 20))
        memcpy(t + n, ru, rl), n += rl;
    while (n + el < cap)
        memcpy(t + n, en, el), n += el;
    t[n] = 0;
    chr_document *d = ingest(t, CHR_FORMAT_TEXT);
    CHECK(d->info.language == CHR_LANG_RU,
          "Russian for a megabyte, then two of English: Russian");
    chr_document_free(d);
    n = 0;
    while (n + el < (1u << 20))
        memcpy(t + n, en, el), n += el;
    while (n + rl < cap)
        memcpy(t + n, ru, rl), n += rl;
    t[n] = 0;
    d = ingest(t, CHR_FORMAT_TEXT);
    CHECK(d->info.language == CHR_LANG_EN,
          "English for a megabyte, then two of Russian: English");
    chr_document_free(d);
    free(t);
}

int main(void)
{
    test_fold_everywhere();
    test_language_window();

    /* ------------------------------------------------ format detection */
    const char *page = "<!DOCTYPE html><html><body><p>Встреча прошла в Минске.</p></body></html>";
    CHECK(format_of(page, NULL) == CHR_FORMAT_HTML, "<!DOCTYPE html> is HTML");
    CHECK(format_of("  <html lang=\"ru\"><p>Текст</p></html>", NULL) == CHR_FORMAT_HTML,
          "<html> after white space is HTML");
    CHECK(format_of("<?xml version=\"1.0\"?><doc><p>Текст</p></doc>", NULL) == CHR_FORMAT_XML,
          "<?xml is XML");
    CHECK(format_of("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>x</body></html>",
                    NULL) == CHR_FORMAT_HTML, "XHTML is read as HTML");
    CHECK(format_of("<TEI><text><body><p>Текст</p></body></text></TEI>", NULL) == CHR_FORMAT_XML,
          "an unknown root element is XML");
    CHECK(format_of("---\ntitle: Саммит\n---\nТекст", NULL) == CHR_FORMAT_MARKDOWN,
          "YAML front matter is Markdown");
    CHECK(format_of("# Саммит в Астане\n\nЛидеры **подписали** декларацию, см. [сайт](http://x.ru).\n",
                    NULL) == CHR_FORMAT_MARKDOWN, "an ATX heading with inline markup is Markdown");
    CHECK(format_of("Новости дня. #новости #ОДКБ\nПрезидент провёл встречу.", NULL) == CHR_FORMAT_TEXT,
          "hashtags do not make Markdown");
    CHECK(format_of("Путин заявил, что 5 < 7 и 3 > 2.", NULL) == CHR_FORMAT_TEXT,
          "angle brackets in prose do not make HTML");
    CHECK(format_of("Текст <p>с абзацами</p> <p>и <b>тегами</b></p> <br> конец", NULL) == CHR_FORMAT_HTML,
          "prose peppered with HTML tags is an HTML fragment");
    CHECK(format_of("Просто текст", "news/item.HTML") == CHR_FORMAT_HTML,
          "the file extension decides before the content");
    CHECK(format_of("<p>Текст</p>", "a.txt") == CHR_FORMAT_TEXT, ".txt wins over HTML-looking content");
    CHECK(format_of("x", "dir.md/file") == CHR_FORMAT_TEXT, "a dot in a directory name is no extension");
    chr_document *d = ingest_opt("<p>Текст</p>", CHR_FORMAT_TEXT, CHR_LANG_AUTO, "a.html", NULL);
    CHECK(d->info.format == CHR_FORMAT_TEXT && strcmp(d->text.s, "<p>Текст</p>") == 0,
          "the format option wins over the extension");
    chr_document_free(d);

    /* ------------------------------------------------------ language */
    d = ingest("Президент России провёл встречу с Emmanuel Macron в Москве.", CHR_FORMAT_TEXT);
    CHECK(d->info.language == CHR_LANG_RU, "Cyrillic-dominated text is Russian");
    chr_document_free(d);
    d = ingest("The President met Владимир Путин in Paris on Monday.", CHR_FORMAT_TEXT);
    CHECK(d->info.language == CHR_LANG_EN, "Latin-dominated text is English");
    chr_document_free(d);
    d = ingest_opt("The President met officials.", CHR_FORMAT_TEXT, CHR_LANG_RU, NULL, NULL);
    CHECK(d->info.language == CHR_LANG_RU, "the language option wins");
    chr_document_free(d);

    /* ---------------------------------------------------- plain text */
    const char *plain = "ЁЛКИ И Ёжики. Émile Zola, Ωμέγα, \xFF ТАСС";
    d = ingest(plain, CHR_FORMAT_AUTO);
    CHECK(d->text.s == d->utf8.s, "plain text is analysed in place, without a second copy");
    char folded[128];
    chr_utf8_fold(d->text.s, d->text.len, folded);
    CHECK(memcmp(d->lower, folded, d->text.len) == 0 && d->lower[d->text.len] == '\0',
          "doc->lower is the text case-folded, ё as е, exactly as lexicon keys are");
    CHECK(strncmp(d->lower, "елки и ежики. émile zola", strlen("елки и ежики. émile zola")) == 0,
          "the fold lower-cases Cyrillic and Latin and folds ё");
    chr_document_free(d);

    /* ------------------------------------------------------ Markdown */
    const char *md =
        "---\n"
        "title: \"Саммит ОДКБ в Москве\"\n"
        "date: 2022-01-10\n"
        "author: Редакция\n"
        "---\n"
        "# Лидеры ОДКБ встретились\n"
        "\n"
        "**Владимир Путин** провёл [встречу](https://kremlin.ru/x \"Кремль\") с `Касым-Жомартом` Токаевым.\n"
        "Это _важный_ шаг, заявил он.\n"
        "\n"
        "![Фото встречи](photo.jpg)\n"
        "\n"
        "```\n"
        "код, который не читается\n"
        "```\n"
        "\n"
        "- Первый пункт повестки\n"
        "- Второй пункт\n"
        "\n"
        "> Цитата <b>министра</b> иностранных дел\n"
        "\n"
        "Итоги встречи\n"
        "-------------\n"
        "Стороны подписали 3 * 2 документа, см. snake_case\\_name.\n";
    d = ingest(md, CHR_FORMAT_AUTO);
    CHECK(d->info.format == CHR_FORMAT_MARKDOWN, "the document is detected as Markdown");
    CHECK_STR(d->info.title, "Саммит ОДКБ в Москве", "the front matter title is the title");
    CHECK_STR(d->info.date, "2022-01-10", "the front matter date is the date");
    CHECK_STR(d->info.date_source, "meta", "a front matter date comes from 'meta'");
    CHECK(d->doc_day == chr_days_from_civil(2022, 1, 10), "the document day follows the metadata date");
    CHECK(strstr(d->text.s, "author") == NULL && strstr(d->text.s, "Редакция") == NULL,
          "front matter is not part of the text");
    CHECK(strncmp(d->text.s, "Лидеры ОДКБ встретились\n\n", strlen("Лидеры ОДКБ встретились\n\n")) == 0,
          "an ATX heading is a block of its own, without its '#'");
    CHECK(strstr(d->text.s, "Владимир Путин провёл встречу с Касым-Жомартом Токаевым.\nЭто важный шаг, заявил он.") != NULL,
          "emphasis, links and code spans read as plain words");
    CHECK(strstr(d->text.s, "kremlin") == NULL && strstr(d->text.s, "Фото") == NULL &&
              strstr(d->text.s, "photo") == NULL, "link targets and images are dropped");
    CHECK(strstr(d->text.s, "код") == NULL, "fenced code is dropped");
    CHECK(strstr(d->text.s, "\n\nПервый пункт повестки\n\nВторой пункт\n\n") != NULL,
          "list items are blocks, without their bullets");
    CHECK(strstr(d->text.s, "\n\nЦитата министра иностранных дел\n\n") != NULL,
          "quote markers and inline HTML tags are dropped");
    CHECK(strstr(d->text.s, "\n\nИтоги встречи\n\nСтороны") != NULL && strstr(d->text.s, "-----") == NULL,
          "a setext heading is a block without its underline");
    CHECK(strstr(d->text.s, "3 * 2 документа, см. snake_case_name.") != NULL,
          "a lone '*', an intraword '_' and escapes keep their meaning");
    CHECK(maps_to(d, md, "Владимир Путин", "Владимир Путин"), "bold words map to their source bytes");
    CHECK(maps_to(d, md, "встречу с", "встречу](https://kremlin.ru/x \"Кремль\") с"),
          "a link's text maps to its source, spanning the hidden target");
    CHECK(maps_to(d, md, "Касым-Жомартом", "Касым-Жомартом"), "code span content maps to its source");
    CHECK(maps_to(d, md, "snake_case_name", "snake_case\\_name"), "an escaped character maps to its escape");
    chr_document_free(d);

    /* the title falls back to the first heading; the date option wins */
    const char *md2 = "Заголовок новости\n=================\n\n---\ndate: 2021-05-05\n---\nТекст *новости*.\n";
    d = ingest_opt(md2, CHR_FORMAT_MARKDOWN, CHR_LANG_AUTO, NULL, "2022-01-10");
    CHECK_STR(d->info.title, "Заголовок новости", "without front matter the first heading is the title");
    CHECK_STR(d->info.date_source, "option", "the date option is never overwritten");
    CHECK(strstr(d->text.s, "Текст новости.") != NULL, "later text is read");
    chr_document_free(d);

    const char *md4 = "Состав делегаций:\n\n| Страна | Глава |\n|:---|---:|\n| Казахстан | Токаев |\n\n"
                      "<!-- заметка редактора\nне для печати -->\nКонец.\n";
    d = ingest(md4, CHR_FORMAT_MARKDOWN);
    CHECK(has_text(d, "\n\nСтрана Глава\nКазахстан Токаев\n\n"), "table cells read as words, rows as lines");
    CHECK(!has_text(d, "---") && !has_text(d, "заметка") && !has_text(d, "печати") && has_text(d, "Конец."),
          "delimiter rows and multi-line HTML comments are dropped");
    CHECK(maps_to(d, md4, "Казахстан Токаев", "Казахстан | Токаев"), "a table row maps across its pipe");
    chr_document_free(d);

    const char *md3 = "---\ntitle: Без конца\nТекст без закрытия\n";
    d = ingest(md3, CHR_FORMAT_MARKDOWN);
    CHECK(d->info.title == NULL && strstr(d->text.s, "Текст без закрытия") != NULL,
          "an unclosed front matter is text");
    chr_document_free(d);

    return CHECK_DONE();
}
