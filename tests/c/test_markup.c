/* test_markup.c - HTML and XML: the visible text of the story, its title and
   date, and offsets that land on the source bytes that show each word. */
#include "stage.h"

static chr_document *ingest_n(const char *bytes, size_t n, chr_format f, const char *date)
{
    stage_input in = {bytes, n, f, CHR_LANG_AUTO, NULL, date};
    return stage_ingest(&in);
}

static chr_document *ingest(const char *bytes, chr_format f)
{
    return ingest_n(bytes, strlen(bytes), f, NULL);
}

/* The analysed text's first `needle` comes from the first `want` of the
   input, exactly. */
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
        printf("#   '%s' maps to [%u,%u) '%.*s', want [%u,%u)\n", needle, s, e,
               (int)(e > s && e - s < 200 ? e - s : 0), input + s, (unsigned)(w - input),
               (unsigned)(w - input + strlen(want)));
    return ok;
}

static int has(const chr_document *d, const char *s) { return strstr(d->text.s, s) != NULL; }

static int has_warning(const chr_document *d, const char *part)
{
    for (size_t i = 0; i < chr_document_warning_count(d); i++)
        if (strstr(chr_document_warning(d, i), part))
            return 1;
    return 0;
}

static const char *const PAGE =
    "<!DOCTYPE html>\n"
    "<html lang=\"ru\"><head>\n"
    "<meta charset=\"utf-8\">\n"
    "<title>Саммит ОДКБ &mdash; Новости</title>\n"
    "<meta property=\"og:title\" content=\"Лидеры ОДКБ провели саммит\">\n"
    "<meta property=\"article:published_time\" content=\"2022-01-10T12:00:00+03:00\">\n"
    "<script>var s = \"<p>скрипт</p>\"; if (a < b && c) { go(); }</script>\n"
    "<style>p { color: red }</style>\n"
    "</head>\n"
    "<body>\n"
    "<nav><a href=\"/\">Главная</a> | <a href=\"/news\">Рубрики</a></nav>\n"
    "<div class=\"site-menu\">Меню сайта</div>\n"
    "<h1>Лидеры ОДКБ провели саммит</h1>\n"
    "<article>\n"
    "<p>Президент России Владимир&nbsp;Путин провёл встречу с <b>Касым-Жомартом\n"
    "Токаевым</b> &laquo;в&nbsp;формате&raquo; онлайн&#46; Он заявил: &#x410;&#1041;В &amp; Ко.</p>\n"
    "<!-- комментарий <p>не текст</p> -->\n"
    "<div class=\"share-buttons\">Поделиться</div>\n"
    "<aside>Читайте также: другое</aside>\n"
    "<p>Второй абзац<br>со строкой.</p>\n"
    "<noscript>Включите JavaScript</noscript>\n"
    "</article>\n"
    "<footer>&copy; 2022 Редакция</footer>\n"
    "</body></html>\n";

int main(void)
{
    chr_document *d = ingest(PAGE, CHR_FORMAT_AUTO);
    CHECK(d->info.format == CHR_FORMAT_HTML, "the page is HTML");
    CHECK_STR(d->info.title, "Лидеры ОДКБ провели саммит", "og:title is the title");
    CHECK_STR(d->info.date, "2022-01-10", "article:published_time is the date, normalised");
    CHECK_STR(d->info.date_source, "meta", "the date comes from 'meta'");
    CHECK(strncmp(d->text.s, "Лидеры ОДКБ провели саммит\n\nПрезидент России", strlen("Лидеры ОДКБ провели саммит\n\nПрезидент России")) == 0,
          "the page's h1 heads the story as a block of its own");
    CHECK(has(d, "Касым-Жомартом Токаевым «в\xC2\xA0" "формате» онлайн. Он заявил: АБВ & Ко."),
          "entities are decoded and white space collapses");
    CHECK(has(d, "Ко.\n\nВторой абзац\nсо строкой."), "paragraphs are blocks, <br> a line break");
    CHECK(!has(d, "скрипт") && !has(d, "color") && !has(d, "JavaScript"),
          "scripts, styles and noscript are not text");
    CHECK(!has(d, "Главная") && !has(d, "Меню") && !has(d, "Поделиться") && !has(d, "Читайте") &&
              !has(d, "Редакция"), "navigation, menus, share buttons, asides and footers are skipped");
    CHECK(!has(d, "комментарий") && !has(d, "не текст"), "comments are not text");
    CHECK(maps_to(d, PAGE, "Токаевым", "Токаевым"), "a word inside an inline tag maps to its bytes");
    CHECK(maps_to(d, PAGE, "Касым-Жомартом Токаевым", "Касым-Жомартом\nТокаевым"),
          "collapsed white space maps to the source line break");
    CHECK(maps_to(d, PAGE, "Владимир\xC2\xA0Путин", "Владимир&nbsp;Путин"), "&nbsp; maps to the whole entity");
    CHECK(maps_to(d, PAGE, "«в", "&laquo;в"), "a named entity maps to its '&...;' span");
    CHECK(maps_to(d, PAGE, "онлайн.", "онлайн&#46;"), "a decimal reference maps to its span");
    CHECK(maps_to(d, PAGE, "АБВ", "&#x410;&#1041;В"), "hex and decimal references map to their spans");
    CHECK(maps_to(d, PAGE, "Второй абзац", "Второй абзац"), "text after a comment and skipped blocks maps exactly");
    CHECK(chr_document_warning_count(d) == 0, "a clean page gives no warning");
    chr_document_free(d);

    /* the title and date fall back in order; the date option wins */
    const char *p2 = "<html><head><title> Заголовок\n  страницы </title>"
                     "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\": \"2021-12-31T23:00:00Z\"}</script>"
                     "</head><body><h1>Другой</h1><p>Текст.</p></body></html>";
    d = ingest(p2, CHR_FORMAT_HTML);
    CHECK_STR(d->info.title, "Заголовок страницы", "<title> is the title without og:title, white space collapsed");
    CHECK_STR(d->info.date, "2021-12-31", "JSON-LD datePublished gives the date");
    chr_document_free(d);
    d = ingest_n(p2, strlen(p2), CHR_FORMAT_HTML, "2022-01-10");
    CHECK_STR(d->info.date, "2022-01-10", "the date option wins over the page's date");
    CHECK_STR(d->info.date_source, "option", "date_source stays 'option'");
    chr_document_free(d);
    const char *p3 = "<body><h1>Главная новость</h1><p>Опубликовано <time datetime=\"2020-02-29\">29 февраля</time>.</p>"
                     "<meta name=\"date\" content=\"32.01.2020\"></body>";
    d = ingest(p3, CHR_FORMAT_HTML);
    CHECK_STR(d->info.title, "Главная новость", "the first h1 is the title when nothing else is");
    CHECK_STR(d->info.date, "2020-02-29", "<time datetime> gives the date; an impossible date is ignored");
    CHECK(has(d, "Опубликовано 29 февраля."), "inline elements do not break the sentence");
    chr_document_free(d);

    const char *p3b = "<article><p>Текст.</p><span itemprop=\"datePublished\" content=\"2023-05-06\">6 мая</span></article>";
    d = ingest(p3b, CHR_FORMAT_HTML);
    CHECK_STR(d->info.date, "2023-05-06", "microdata datePublished on any element gives the date");
    chr_document_free(d);

    const char *p3c = "<main><p>Теги: <a href=\"/t/1\">ОДКБ</a><a href=\"/t/2\">Казахстан</a>, <a href=\"/t/3\">Мин</a>ск</p></main>";
    d = ingest(p3c, CHR_FORMAT_HTML);
    CHECK(has(d, "Теги: ОДКБ Казахстан, Минск"), "links side by side are separate words; a word split by a tag is not");
    CHECK(maps_to(d, p3c, "Казахстан", "Казахстан"), "a word after an inserted separator maps exactly");
    chr_document_free(d);

    /* no main content known: everything visible is read */
    const char *p4 = "<html><body><div class=\"menu\">Меню</div><div>Путин прибыл в Минск.</div><nav>Раздел</nav></body></html>";
    d = ingest(p4, CHR_FORMAT_HTML);
    CHECK(has(d, "Меню") && has(d, "Путин прибыл в Минск.") && has(d, "Раздел"),
          "without an article, main or dominant block nothing visible is dropped");
    chr_document_free(d);

    /* a dominant block of paragraphs is the story */
    const char *p5 =
        "<html><body><div id=\"top\"><a href=\"/\">Главная страница сайта</a></div>"
        "<div class=\"content\"><p>Президент Казахстана Касым-Жомарт Токаев провёл переговоры с делегацией.</p>"
        "<p>Стороны обсудили сотрудничество в торговле, энергетике и транспорте на ближайшие годы.</p>"
        "<p>По итогам встречи подписан меморандум о взаимопонимании между правительствами.</p>"
        "<div class=\"related\">Похожие новости</div></div>"
        "<div class=\"footer\">Все права защищены</div></body></html>";
    d = ingest(p5, CHR_FORMAT_HTML);
    CHECK(has(d, "Токаев провёл переговоры") && has(d, "подписан меморандум"), "the dominant block is read");
    CHECK(!has(d, "Главная страница") && !has(d, "Похожие") && !has(d, "права защищены"),
          "what surrounds a dominant block is skipped");
    chr_document_free(d);

    /* hidden elements */
    const char *p6 = "<main><p>Видно.</p><p hidden>Скрыто раз.</p><p style=\"display: none\">Скрыто два.</p></main>";
    d = ingest(p6, CHR_FORMAT_HTML);
    CHECK(has(d, "Видно.") && !has(d, "Скрыто"), "hidden and display:none elements are not text");
    chr_document_free(d);

    /* Windows-1251 page with CRLF: offsets compose through the decoding */
    const char cp[] = "<html><head><meta charset=\"windows-1251\"></head>\r\n<body><p>\xcf\xf3\xf2\xe8\xed &amp;\r\n"
                      "\xd2\xee\xea\xe0\xe5\xe2</p></body></html>";
    d = ingest_n(cp, sizeof cp - 1, CHR_FORMAT_AUTO, NULL);
    CHECK(has(d, "Путин & Токаев"), "a Windows-1251 page decodes once, despite its meta charset");
    CHECK(maps_to(d, cp, "Токаев", "\xd2\xee\xea\xe0\xe5\xe2"), "a word maps to its Windows-1251 bytes");
    CHECK(maps_to(d, cp, "& Токаев", "&amp;\r\n\xd2\xee\xea\xe0\xe5\xe2"), "an entity and CRLF map through the decoding");
    chr_document_free(d);

    /* -------------------------------------------------------------- XML */
    const char *x1 = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                     "<news><title>Встреча в Кремле</title><date>2022-01-10</date>\n"
                     "<body><p>Путин &amp; Токаев &#1086;бсудили <![CDATA[<планы>]]> на год.</p>"
                     "<p>Второй <em>абзац</em>.</p></body></news>";
    d = ingest(x1, CHR_FORMAT_AUTO);
    CHECK(d->info.format == CHR_FORMAT_XML, "the document is XML");
    CHECK_STR(d->info.title, "Встреча в Кремле", "<title> is the XML title");
    CHECK_STR(d->info.date, "2022-01-10", "<date> is the XML date");
    CHECK(has(d, "Путин & Токаев обсудили <планы> на год.\n\nВторой абзац."),
          "XML text: entities, CDATA, blocks and inline elements");
    CHECK(maps_to(d, x1, "обсудили", "&#1086;бсудили"), "an XML character reference maps to its span");
    CHECK(maps_to(d, x1, "<планы>", "<планы>"), "CDATA content maps to its bytes");
    CHECK(maps_to(d, x1, "абзац", "абзац"), "a word inside an inline element maps exactly");
    chr_document_free(d);

    const char *tei = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt>"
                      "<title>Хроника саммита</title></titleStmt><publicationStmt><date when=\"2022-01-11\">11 января</date>"
                      "</publicationStmt></fileDesc></teiHeader><text><body><p><persName>Касым-Жомарт Токаев</persName> "
                      "выступил <date when=\"2022-01-10\">10 января</date>.</p></body></text></TEI>";
    d = ingest(tei, CHR_FORMAT_XML);
    CHECK_STR(d->info.title, "Хроника саммита", "TEI titleStmt/title is the title");
    CHECK_STR(d->info.date, "2022-01-11", "TEI publication <date when> is the date, not a date in the body");
    CHECK(has(d, "Касым-Жомарт Токаев выступил 10 января.") && !has(d, "Хроника"),
          "TEI body text keeps persName; the header is not text");
    chr_document_free(d);

    const char *fb2 = "<?xml version=\"1.0\"?><FictionBook xmlns=\"http://www.gribuser.ru/xml/fictionbook/2.0\">"
                      "<description><title-info><book-title>Записки дипломата</book-title>"
                      "<date value=\"2019-03-01\">2019</date></title-info></description>"
                      "<body><section><title><p>Глава 1</p></title><p>Министр прибыл в Вену.</p></section></body>"
                      "<binary id=\"i.jpg\" content-type=\"image/jpeg\">QUJDREVGR0g=</binary></FictionBook>";
    d = ingest(fb2, CHR_FORMAT_AUTO);
    CHECK_STR(d->info.title, "Записки дипломата", "FB2 book-title is the title");
    CHECK_STR(d->info.date, "2019-03-01", "FB2 <date value> is the date");
    CHECK(has(d, "Глава 1\n\nМинистр прибыл в Вену.") && !has(d, "QUJD") && !has(d, "Записки"),
          "FB2 body text is read, binaries and the description are not");
    chr_document_free(d);

    /* no external entity, no DTD, no network */
    const char *xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY ext SYSTEM \"file:///etc/passwd\">"
                      "<!ENTITY net SYSTEM \"http://127.0.0.1:9/x\">]><d><p>Начало &ext;&net; конец</p></d>";
    d = ingest(xxe, CHR_FORMAT_XML);
    CHECK(has(d, "Начало") && has(d, "конец") && !has(d, "root:"), "external entities are never loaded");
    CHECK(maps_to(d, xxe, "конец", "конец"), "text after skipped entity references maps exactly");
    chr_document_free(d);

    const char *bad = "<doc><p>Незакрытый абзац<p>и ещё</doc>";
    d = ingest(bad, CHR_FORMAT_XML);
    CHECK(has(d, "Незакрытый абзац") && has_warning(d, "XML"), "malformed XML is recovered, with a warning");
    chr_document_free(d);

    return CHECK_DONE();
}
