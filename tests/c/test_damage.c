/* test_damage.c - damaged input never crashes or hangs the reading of a
   document: it gives a best-effort text and says what went wrong. */
#include "stage.h"

#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double last_seconds;

static chr_document *ingest_n(const char *bytes, size_t n, chr_format f)
{
    stage_input in = {bytes, n, f, CHR_LANG_AUTO, NULL, NULL};
    double t0 = now();
    chr_document *d = stage_ingest(&in);
    last_seconds = now() - t0;
    return d;
}

static chr_document *ingest(const char *bytes, chr_format f) { return ingest_n(bytes, strlen(bytes), f); }

static int has(const chr_document *d, const char *s) { return strstr(d->text.s, s) != NULL; }

static int has_warning(const chr_document *d, const char *part)
{
    for (size_t i = 0; i < chr_document_warning_count(d); i++)
        if (strstr(chr_document_warning(d, i), part))
            return 1;
    return 0;
}

/* Every analysed byte maps inside the input, in order. */
static int map_sane(const chr_document *d, size_t in_len)
{
    uint32_t prev = 0;
    for (uint32_t i = 0; i < d->text.len; i++) {
        uint32_t s = chr_text_src_start(&d->text, i), e = chr_text_src_end(&d->text, i + 1);
        if (s > e || e > in_len || s < prev)
            return 0;
        prev = s;
    }
    return 1;
}

static char *repeat(const char *head, const char *unit, size_t times, const char *mid,
                    const char *unit2, const char *tail, size_t *len)
{
    size_t u = strlen(unit), u2 = strlen(unit2);
    size_t n = strlen(head) + times * (u + u2) + strlen(mid) + strlen(tail);
    char *b = malloc(n + 1), *p = b;
    if (!b)
        exit(2);
    p += sprintf(p, "%s", head);
    for (size_t i = 0; i < times; i++, p += u)
        memcpy(p, unit, u);
    p += sprintf(p, "%s", mid);
    for (size_t i = 0; i < times; i++, p += u2)
        memcpy(p, unit2, u2);
    p += sprintf(p, "%s", tail);
    *len = (size_t)(p - b);
    return b;
}

static const chr_format ALL[] = {CHR_FORMAT_TEXT, CHR_FORMAT_HTML, CHR_FORMAT_XML, CHR_FORMAT_MARKDOWN,
                                 CHR_FORMAT_AUTO};
static const char *const ALL_NAMES[] = {"text", "HTML", "XML", "Markdown", "auto"};

int main(void)
{
    chr_document *d;
    size_t n;

    /* empty and near-empty input in every format */
    for (size_t i = 0; i < 5; i++) {
        d = ingest("", ALL[i]);
        CHECK(d->text.len == 0 && d->text.s && d->lower, "empty input as %s gives an empty text", ALL_NAMES[i]);
        chr_document_free(d);
        d = ingest("<", ALL[i]);
        CHECK(map_sane(d, 1), "a lone '<' as %s reads without harm", ALL_NAMES[i]);
        chr_document_free(d);
    }

    /* truncated markup */
    const char *cut = "<html><body><article><p>Путин провёл встречу с Токаевым. <b>Стороны обсу";
    d = ingest(cut, CHR_FORMAT_HTML);
    CHECK(has(d, "Путин провёл встречу с Токаевым. Стороны обсу"), "truncated HTML keeps its text");
    CHECK(map_sane(d, strlen(cut)), "truncated HTML maps inside the input");
    chr_document_free(d);
    const char *cut2 = "<p>Начало</p><!-- незакрытый комментарий <p>текст";
    d = ingest(cut2, CHR_FORMAT_HTML);
    CHECK(has(d, "Начало") && map_sane(d, strlen(cut2)), "an unclosed comment ends the text, nothing breaks");
    chr_document_free(d);
    const char *cut3 = "<p>Начало</p><p class=\"незакрытый>Текст и ещё текст";
    d = ingest(cut3, CHR_FORMAT_HTML);
    CHECK(has(d, "Начало") && map_sane(d, strlen(cut3)), "an unclosed attribute quote reads without harm");
    chr_document_free(d);
    const char *cut4 = "<?xml version=\"1.0\"?><doc><title>Заголовок</title><p>Текст оборван";
    d = ingest(cut4, CHR_FORMAT_XML);
    CHECK(has(d, "Текст оборван") && has_warning(d, "XML"), "truncated XML keeps its text, with a warning");
    chr_document_free(d);

    /* invalid UTF-8 and NUL bytes inside markup */
    const char html_bad[] = "<p>Путин\xFF\xC3 встретился\0с Токаевым</p>";
    d = ingest_n(html_bad, sizeof html_bad - 1, CHR_FORMAT_HTML);
    CHECK(has(d, "встретился с Токаевым") && has_warning(d, "invalid UTF-8") && has_warning(d, "NUL"),
          "invalid UTF-8 and NUL bytes in HTML: text kept, both reported");
    CHECK(map_sane(d, sizeof html_bad - 1), "offsets stay inside the input");
    chr_document_free(d);

    /* 200,000-deep nesting: libxml2 stops at 256 levels; the rest is still read */
    char *deep = repeat("<html><body>", "<div>", 200000, "Текст в глубине", "</div>", "</body></html>", &n);
    d = ingest_n(deep, n, CHR_FORMAT_HTML);
    CHECK(last_seconds < 2.0, "200,000-deep HTML returns promptly (%.3f s)", last_seconds);
    CHECK(has(d, "Текст в глубине") && has_warning(d, "stopped"), "the deep text is read and the cut reported");
    chr_document_free(d);
    free(deep);
    deep = repeat("<?xml version=\"1.0\"?><r>", "<a>", 200000, "Текст", "</a>", "</r>", &n);
    d = ingest_n(deep, n, CHR_FORMAT_XML);
    CHECK(last_seconds < 2.0 && has(d, "Текст") && has_warning(d, "stopped"),
          "200,000-deep XML returns promptly (%.3f s) with its text and a warning", last_seconds);
    chr_document_free(d);
    free(deep);
    deep = repeat("", "<b><i>", 100000, "Слово", "", "", &n);
    d = ingest_n(deep, n, CHR_FORMAT_HTML);
    CHECK(last_seconds < 2.0 && has(d, "Слово"), "100,000 unclosed inline tags return promptly (%.3f s)", last_seconds);
    chr_document_free(d);
    free(deep);
    deep = repeat("", "[", 200000, "текст", "*", "", &n);
    d = ingest_n(deep, n, CHR_FORMAT_MARKDOWN);
    CHECK(last_seconds < 2.0 && has(d, "текст"), "200,000 unclosed brackets in Markdown return promptly (%.3f s)",
          last_seconds);
    chr_document_free(d);
    free(deep);

    /* billion laughs: entities are never expanded */
    const char *lol =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
        "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
        "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
        "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
        "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
        "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
        "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
        "]>\n<lolz><p>Начало &lol9; конец</p></lolz>\n";
    d = ingest(lol, CHR_FORMAT_AUTO);
    CHECK(last_seconds < 0.5, "a billion-laughs document returns in well under a second (%.4f s)", last_seconds);
    CHECK(d->text.len < 100 && has(d, "Начало") && has(d, "конец") && !has(d, "lollol"),
          "no entity is expanded; the text around the reference is kept");
    chr_document_free(d);

    /* an 18 MB single line */
    const char *unit = "Президент провёл встречу &amp; переговоры. ";
    size_t times = 18000000 / strlen(unit);
    char *line = repeat("", unit, times, "", "", "", &n);
    d = ingest_n(line, n, CHR_FORMAT_TEXT);
    CHECK(d->text.len == n && last_seconds < 2.0, "an 18 MB line as text reads whole (%.3f s)", last_seconds);
    chr_document_free(d);
    char *html = repeat("<p>", unit, times, "</p>", "", "", &n);
    d = ingest_n(html, n, CHR_FORMAT_HTML);
    size_t want = times * (strlen(unit) - 4) - 1;
    CHECK(d->text.len == want, "an 18 MB paragraph in HTML reads whole, past libxml2's text limit (%u of %zu bytes)",
          d->text.len, want);
    CHECK(last_seconds < 4.0 && map_sane(d, n), "it returns promptly (%.3f s), mapped inside the input", last_seconds);
    chr_document_free(d);
    free(html);
    free(line);

    /* binary data in every format */
    size_t bin_n = 1 << 16;
    unsigned char *bin = malloc(bin_n);
    uint32_t x = 12345;
    for (size_t i = 0; i < bin_n; i++) {
        x = x * 1103515245u + 12345u;
        bin[i] = (unsigned char)(x >> 16);
    }
    for (size_t i = 0; i < 5; i++) {
        d = ingest_n((const char *)bin, bin_n, ALL[i]);
        CHECK(d->text.s && map_sane(d, bin_n) && last_seconds < 1.0,
              "random bytes as %s read without harm (%.3f s)", ALL_NAMES[i], last_seconds);
        chr_document_free(d);
    }
    memcpy(bin, "\x7f" "ELF\x02\x01\x01", 7);
    memset(bin + 7, 0, 100);
    d = ingest_n((const char *)bin, bin_n, CHR_FORMAT_AUTO);
    CHECK(has_warning(d, "binary") || has_warning(d, "UTF-16"), "a binary file is reported as such");
    chr_document_free(d);
    free(bin);

    /* the whole pipeline on damaged input returns a document */
    chr_status st;
    const char zero[] = "<p>\0\0\xFF</p>";
    chr_document *doc = chr_parse(zero, sizeof zero - 1, NULL, &st);
    CHECK(doc != NULL && st == CHR_OK, "chr_parse returns a document for damaged input");
    chr_document_free(doc);

    return CHECK_DONE();
}
