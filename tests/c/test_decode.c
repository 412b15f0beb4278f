/* test_decode.c - bytes in any of the supported encodings become the same
   UTF-8 text, and every analysed byte still points at its original bytes. */
#include "stage.h"

/* Runs decoding and ingestion the way chr_parse does, as plain text. */
static chr_document *ingest(const char *bytes, size_t n)
{
    stage_input in = {bytes, n, CHR_FORMAT_TEXT, CHR_LANG_AUTO, NULL, NULL};
    return stage_ingest(&in);
}

/* [start, end) in the input of `needle`'s first occurrence in the text. */
static int span_of(const chr_document *d, const char *needle, uint32_t *s, uint32_t *e)
{
    const char *p = strstr(d->text.s, needle);
    if (!p)
        return 0;
    uint32_t a = (uint32_t)(p - d->text.s), b = a + (uint32_t)strlen(needle);
    *s = chr_text_src_start(&d->text, a);
    *e = chr_text_src_end(&d->text, b);
    return 1;
}

static int has_warning(const chr_document *d, const char *part)
{
    for (size_t i = 0; i < chr_document_warning_count(d); i++)
        if (strstr(chr_document_warning(d, i), part))
            return 1;
    return 0;
}

/* Test-side encoders, written from the code charts rather than from the
   decoder's tables, for the letters the fixtures use. */
static size_t to_single_byte(const char *utf8, unsigned char *out, int koi)
{
    /* KOI8-R keeps lower case а..я at 0xC0..0xDF in this order, upper case
       at 0xE0..0xFF; Windows-1251 keeps А..я at 0xC0..0xFF in order */
    static const char koi_order[] = "юабцдефгхийклмнопярстужвьызшэщчъ";
    size_t n = 0;
    const unsigned char *s = (const unsigned char *)utf8;
    while (*s) {
        size_t adv;
        uint32_t cp = chr_utf8_next(s, strlen((const char *)s), &adv);
        s += adv;
        if (cp < 0x80) {
            out[n++] = (unsigned char)cp;
        } else if (!koi) {
            out[n++] = cp == 0x451 ? 0xB8 : cp == 0x401 ? 0xA8 : (unsigned char)(cp - 0x410 + 0xC0);
        } else if (cp == 0x451 || cp == 0x401) {
            out[n++] = cp == 0x451 ? 0xA3 : 0xB3;
        } else {
            uint32_t lower = cp >= 0x410 && cp <= 0x42F ? cp + 32 : cp;
            const unsigned char *k = (const unsigned char *)koi_order;
            unsigned idx = 0;
            for (size_t adv2; *k; k += adv2, idx++)
                if (chr_utf8_next(k, strlen((const char *)k), &adv2) == lower)
                    break;
            out[n++] = (unsigned char)((lower == cp ? 0xC0 : 0xE0) + idx);
        }
    }
    return n;
}

static size_t to_utf16(const char *utf8, unsigned char *out, int be, int bom)
{
    size_t n = 0;
    if (bom) {
        out[n++] = be ? 0xFE : 0xFF;
        out[n++] = be ? 0xFF : 0xFE;
    }
    const unsigned char *s = (const unsigned char *)utf8;
    while (*s) {
        size_t adv;
        uint32_t cp = chr_utf8_next(s, strlen((const char *)s), &adv);
        s += adv;
        uint32_t units[2], k = 0;
        if (cp >= 0x10000) {
            units[k++] = 0xD800 + ((cp - 0x10000) >> 10);
            units[k++] = 0xDC00 + ((cp - 0x10000) & 0x3FF);
        } else {
            units[k++] = cp;
        }
        for (uint32_t i = 0; i < k; i++) {
            out[n++] = (unsigned char)(be ? units[i] >> 8 : units[i] & 0xFF);
            out[n++] = (unsigned char)(be ? units[i] & 0xFF : units[i] >> 8);
        }
    }
    return n;
}

static const char *const RU = "Президент Казахстана Касым-Жомарт Токаев встретился с министром. "
                              "Ещё одна встреча пройдёт в Нур-Султане завтра, сообщили в пресс-службе.";

int main(void)
{
    uint32_t s, e;
    chr_document *d;

    /* UTF-8 without a BOM costs no map */
    d = ingest(RU, strlen(RU));
    CHECK_STR(d->text.s, RU, "UTF-8 text is analysed as it is");
    CHECK(d->utf8.map_start == NULL && d->text.map_start == NULL && d->text.shift == 0,
          "plain UTF-8 keeps the identity map (no per-byte map for large files)");
    CHECK(span_of(d, "Токаев", &s, &e) && s == (uint32_t)(strstr(RU, "Токаев") - RU) &&
          e == s + strlen("Токаев"), "a word maps to its own bytes");
    CHECK(chr_document_warning_count(d) == 0, "clean UTF-8 gives no warning");
    chr_document_free(d);

    /* UTF-8 with a BOM: offsets count the BOM */
    char bom[512];
    snprintf(bom, sizeof bom, "\xEF\xBB\xBF%s", RU);
    d = ingest(bom, strlen(bom));
    CHECK_STR(d->text.s, RU, "the UTF-8 BOM is not part of the text");
    CHECK(d->text.shift == 3 && span_of(d, "Президент", &s, &e) && s == 3 && e == 3 + strlen("Президент"),
          "offsets after a BOM point into the input as given");
    chr_document_free(d);

    /* UTF-16 in both byte orders, with a BOM */
    unsigned char buf[1024];
    for (int be = 0; be <= 1; be++) {
        size_t n = to_utf16(RU, buf, be, 1);
        d = ingest((const char *)buf, n);
        CHECK_STR(d->text.s, RU, "UTF-16%s with a BOM decodes", be ? "BE" : "LE");
        /* "Токаев" is preceded by 34 characters, each one code unit */
        CHECK(span_of(d, "Токаев", &s, &e) && s == 2 + 2 * 34 && e == s + 12,
              "a word in UTF-16%s maps to its two-byte units", be ? "BE" : "LE");
        chr_document_free(d);
    }

    /* BOM-less UTF-16: the NUL bytes give it away */
    const char *en = "The summit opened in Astana on Monday, officials said.";
    size_t n16 = to_utf16(en, buf, 0, 0);
    d = ingest((const char *)buf, n16);
    CHECK_STR(d->text.s, en, "BOM-less UTF-16LE English text is recognised");
    chr_document_free(d);
    n16 = to_utf16(RU, buf, 1, 0);
    d = ingest((const char *)buf, n16);
    CHECK_STR(d->text.s, RU, "BOM-less UTF-16BE Russian text is recognised");
    chr_document_free(d);

    /* a surrogate pair and a lone surrogate */
    unsigned char pair[] = {0xFF, 0xFE, 'A', 0, 0x3D, 0xD8, 0x00, 0xDE, 'B', 0, 0x00, 0xD8, 'C', 0};
    d = ingest((const char *)pair, sizeof pair);
    CHECK_STR(d->text.s, "A\xF0\x9F\x98\x80" "B\xEF\xBF\xBD" "C",
              "surrogate pairs join, a lone surrogate becomes U+FFFD");
    CHECK(has_warning(d, "UTF-16"), "a lone surrogate is reported");
    chr_document_free(d);

    /* Windows-1251 and KOI8-R, told apart by their letters */
    for (int koi = 0; koi <= 1; koi++) {
        size_t n = to_single_byte(RU, buf, koi);
        d = ingest((const char *)buf, n);
        CHECK_STR(d->text.s, RU, "%s is detected and decoded", koi ? "KOI8-R" : "Windows-1251");
        CHECK(span_of(d, "встретился", &s, &e) && s == 41 && e == s + 10,
              "a word in %s maps to its single-byte range", koi ? "KOI8-R" : "Windows-1251");
        CHECK(span_of(d, "Ещё", &s, &e) && e - s == 3, "ё in %s maps to one byte", koi ? "KOI8-R" : "Windows-1251");
        chr_document_free(d);
    }
    /* short and mostly capitalised: the vowels still decide */
    const char *shout = "МОСКВА. Встреча глав государств";
    size_t ns = to_single_byte(shout, buf, 1);
    d = ingest((const char *)buf, ns);
    CHECK_STR(d->text.s, shout, "a short KOI8-R headline decodes");
    chr_document_free(d);

    /* invalid bytes inside UTF-8 are kept, reported once */
    const char bad[] = "Путин \xFF\xFE встретился с \xD0 Токаевым";
    d = ingest(bad, sizeof bad - 1);
    CHECK(d->text.len == sizeof bad - 1 && memcmp(d->text.s, bad, sizeof bad - 1) == 0,
          "invalid UTF-8 bytes are kept as they are");
    CHECK(has_warning(d, "invalid UTF-8 at byte 11 (and 2 more)"),
          "one warning gives the first invalid byte and the count of the others");
    CHECK(span_of(d, "Токаевым", &s, &e) && s == (uint32_t)(strstr(bad, "Токаевым") - bad),
          "offsets after invalid bytes stay exact");
    chr_document_free(d);

    /* a truncated character at the end */
    const char cut[] = "Встреча прошла в Минске\xD0";
    d = ingest(cut, sizeof cut - 1);
    CHECK(d->text.len == sizeof cut - 1 && strncmp(d->text.s, "Встреча прошла в Минске", 40) == 0,
          "a character cut at the end of the input does not spoil the text");
    chr_document_free(d);

    /* NUL bytes */
    const char nul[] = "Путин\0встретился\0\0с Токаевым";
    d = ingest(nul, sizeof nul - 1);
    CHECK_STR(d->text.s, "Путин встретился  с Токаевым", "NUL bytes read as spaces");
    CHECK(has_warning(d, "NUL"), "NUL bytes are reported");
    chr_document_free(d);

    /* empty input */
    d = ingest("", 0);
    CHECK(d->text.len == 0 && d->text.s && d->text.s[0] == '\0' && d->lower,
          "empty input gives an empty text");
    chr_document_free(d);

    return CHECK_DONE();
}
