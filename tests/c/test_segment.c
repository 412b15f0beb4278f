/* test_segment.c - paragraphs and sentences of plain text (segment.c).
 * Runs only the segmentation stage on a hand-built document so that what a
 * reader sees as a sentence or a paragraph is checked without the rest of
 * the pipeline. */
#include "stage.h"

#include <time.h>

static chr_document *segment_n(const char *text, size_t n)
{
    chr_document *d = stage_text(text, n);
    if (chr_segment(d) < 0) {
        printf("Bail out! chr_segment failed\n");
        exit(2);
    }
    return d;
}

static chr_document *segment(const char *text) { return segment_n(text, strlen(text)); }

static int span_is(const chr_document *d, uint32_t a, uint32_t b, const char *want)
{
    size_t n = strlen(want);
    int ok = b - a == n && memcmp(d->text.s + a, want, n) == 0;
    if (!ok)
        printf("#   got '%.*s'\n#  want '%s'\n", (int)(b - a), d->text.s + a, want);
    return ok;
}

static int sent_is(const chr_document *d, uint32_t k, const char *want)
{
    if (k >= d->n_sents) {
        printf("#   no sentence %u (have %u)\n", k, d->n_sents);
        return 0;
    }
    return span_is(d, d->sents[k].start, d->sents[k].end, want);
}

/* Checks the whole list of sentences. */
static int sents_are(const chr_document *d, const char *const *want, uint32_t n)
{
    int ok = d->n_sents == n;
    if (!ok)
        printf("#   %u sentences, want %u\n", d->n_sents, n);
    for (uint32_t k = 0; k < n && k < d->n_sents; k++)
        ok &= sent_is(d, k, want[k]);
    return ok;
}

#define SENTS(text, what, ...)                                                 \
    do {                                                                       \
        static const char *const want_[] = {__VA_ARGS__};                      \
        chr_document *d_ = segment(text);                                      \
        CHECK(sents_are(d_, want_, sizeof want_ / sizeof want_[0]), what);     \
        chr_document_free(d_);                                                 \
    } while (0)

/* Paragraph and sentence indices agree with each other and cover the text in
   order. */
static int consistent(const chr_document *d)
{
    uint32_t next = 0;
    for (uint32_t p = 0; p < d->n_paras; p++) {
        const chr_paragraph *pa = &d->paras[p];
        if (pa->first_sentence != next || pa->n_sentences == 0)
            return 0;
        for (uint32_t k = pa->first_sentence; k < pa->first_sentence + pa->n_sentences; k++) {
            const chr_sentence *s = &d->sents[k];
            if (s->paragraph != p || s->start < pa->start || s->end > pa->end || s->start >= s->end)
                return 0;
            if (k > 0 && d->sents[k - 1].end > s->start)
                return 0;
            unsigned char first = (unsigned char)d->text.s[s->start];
            unsigned char last = (unsigned char)d->text.s[s->end - 1];
            if (first == ' ' || first == '\n' || last == ' ' || last == '\n')
                return 0;
        }
        next += pa->n_sentences;
    }
    return next == d->n_sents;
}

static void test_basic(void)
{
    SENTS("Сегодня прошла встреча. Президент выступил с речью! Что дальше? Никто не знает… "
          "Ответ будет завтра?! Посмотрим...  Всё.",
          "splits on . ! ? … ?! and ...",
          "Сегодня прошла встреча.", "Президент выступил с речью!", "Что дальше?",
          "Никто не знает…", "Ответ будет завтра?!", "Посмотрим...", "Всё.");
    SENTS("Переговоры завершились. 15 стран подписали документ.",
          "a sentence may start with a digit",
          "Переговоры завершились.", "15 стран подписали документ.");
    SENTS("Он замолчал... и продолжил говорить.", "an ellipsis before a lower-case word continues",
          "Он замолчал... и продолжил говорить.");
    SENTS("Итоги подведены.Завтра новый день.", "no split without a space after the dot",
          "Итоги подведены.Завтра новый день.");
    SENTS("   Встреча прошла успешно.   ", "sentences are trimmed of white space",
          "Встреча прошла успешно.");
    SENTS("Заседание отложено. «Решение ещё не принято», заявили в пресс-службе.",
          "a sentence may start with an opening quote",
          "Заседание отложено.", "«Решение ещё не принято», заявили в пресс-службе.");
}

static void test_initials(void)
{
    SENTS("Встречу провёл В. В. Путин. Затем выступил Лавров С. В. на пресс-конференции.",
          "initials before and after a surname do not end a sentence",
          "Встречу провёл В. В. Путин.", "Затем выступил Лавров С. В. на пресс-конференции.");
    SENTS("Книгу написал J. R. R. Tolkien. Её читают до сих пор.",
          "Latin initials do not end a sentence",
          "Книгу написал J. R. R. Tolkien.", "Её читают до сих пор.");
    SENTS("Документ подписал А.Б. Иванов. Он вступит в силу завтра.",
          "initials written together do not end a sentence",
          "Документ подписал А.Б. Иванов.", "Он вступит в силу завтра.");
    SENTS("На вопрос ответил Ю. Ушаков, помощник президента. Он уточнил детали.",
          "a single initial before a surname",
          "На вопрос ответил Ю. Ушаков, помощник президента.", "Он уточнил детали.");
}

static void test_abbreviations(void)
{
    SENTS("Офис находится на ул. Ленина, д. 5 в г. Москве. Встреча прошла в 2021 г. Затем "
          "стороны разошлись.",
          "address abbreviations stay inside; a year abbreviation after a number ends",
          "Офис находится на ул. Ленина, д. 5 в г. Москве.", "Встреча прошла в 2021 г.",
          "Затем стороны разошлись.");
    SENTS("Выступили проф. Иванов и акад. Петров, а также ген. Сидоров. Присутствовали депутаты, "
          "министры и т. д. Заседание закрыто.",
          "titles before names stay inside; 'т. д.' may end a sentence",
          "Выступили проф. Иванов и акад. Петров, а также ген. Сидоров.",
          "Присутствовали депутаты, министры и т. д.", "Заседание закрыто.");
    SENTS("Столица, т.е. Москва, ждёт гостей. Бюджет вырос на 5 млн. руб. за год.",
          "т.е. and млн. руб. before lower case stay inside",
          "Столица, т.е. Москва, ждёт гостей.", "Бюджет вырос на 5 млн. руб. за год.");
    SENTS("Груз весил 5 т. Его доставили в столицу, т. е. Москву. Так называемое т. н. Общество "
          "собралось.",
          "a unit after a number ends a sentence; spaced pairs т. е. and т. н. do not",
          "Груз весил 5 т.", "Его доставили в столицу, т. е. Москву.",
          "Так называемое т. н. Общество собралось.");
    SENTS("Прошли выборы, референдумы и т.п. Итоги подведут позже.", "т.п. ends a list",
          "Прошли выборы, референдумы и т.п.", "Итоги подведут позже.");
    SENTS("Mr. Smith met Dr. Jones at Acme Inc. The talks lasted an hour. St. Petersburg was next.",
          "English titles stay inside; Inc. may end a sentence",
          "Mr. Smith met Dr. Jones at Acme Inc.", "The talks lasted an hour.",
          "St. Petersburg was next.");
    SENTS("В 1990-х гг. Россия изменилась. Реформы шли до 2000-х гг. Потом начался рост. "
          "В XX в. страна пережила войны.",
          "гг. after an opening date stays inside, after a later number it ends",
          "В 1990-х гг. Россия изменилась.", "Реформы шли до 2000-х гг.", "Потом начался рост.",
          "В XX в. страна пережила войны.");
    SENTS("В 2022 г. Россия провела саммит. Бюджет составил 5 млн. Остальное позже.",
          "a year opening the sentence is not its end",
          "В 2022 г. Россия провела саммит.", "Бюджет составил 5 млн.", "Остальное позже.");
    SENTS("The U.S. President met Mr. Brown. They talked.", "U.S. before a capital stays inside",
          "The U.S. President met Mr. Brown.", "They talked.");
    SENTS("Музей им. Пушкина открыт. Вход свободный.", "им. before a name stays inside",
          "Музей им. Пушкина открыт.", "Вход свободный.");
    SENTS("Ситуацию обсудили в МИД. Позиция России не изменилась.",
          "an acronym before a dot ends the sentence",
          "Ситуацию обсудили в МИД.", "Позиция России не изменилась.");
}

static void test_numbers(void)
{
    SENTS("Заседание началось в 19.00 по времени Москвы. Рост составил 3.5 процента. "
          "Документ подписан 10.01.2022 в Минске.",
          "dots inside times, decimals and dates do not split",
          "Заседание началось в 19.00 по времени Москвы.", "Рост составил 3.5 процента.",
          "Документ подписан 10.01.2022 в Минске.");
    SENTS("Это случилось в 2022. Потом всё изменилось.", "a number before a full stop ends a sentence",
          "Это случилось в 2022.", "Потом всё изменилось.");
    SENTS("1. Первый пункт повестки принят.", "a list number does not stand alone",
          "1. Первый пункт повестки принят.");
}

static void test_quotes(void)
{
    SENTS("«Мы готовы помочь. Наши силы уже на месте», – сказал министр. Затем он уехал.",
          "a quote that continues keeps its sentences together",
          "«Мы готовы помочь. Наши силы уже на месте», – сказал министр.", "Затем он уехал.");
    SENTS("Он сказал: «Всё под контролем.» Потом ушёл.", "a quote closed after the full stop ends it",
          "Он сказал: «Всё под контролем.»", "Потом ушёл.");
    SENTS("«Что делать дальше?» – спросил журналист. Ответа не было.",
          "a question in quotes with an attribution is one sentence",
          "«Что делать дальше?» – спросил журналист.", "Ответа не было.");
    SENTS("Решение (оно было принято единогласно. Голосовали все) вступит в силу. Потом посмотрим.",
          "parentheses that continue keep the sentence",
          "Решение (оно было принято единогласно. Голосовали все) вступит в силу.",
          "Потом посмотрим.");
    SENTS("Он назвал это «провалом. Затем ушёл.", "an unclosed quote does not swallow the paragraph",
          "Он назвал это «провалом.", "Затем ушёл.");
    SENTS("Глава \"Газпрома\" выступил. \"Мы справимся. Обязательно\", добавил он.",
          "straight quotes decided by context",
          "Глава \"Газпрома\" выступил.", "\"Мы справимся. Обязательно\", добавил он.");
}

static void test_direct_speech(void)
{
    SENTS("– Фактически, это первый случай в истории организации. Для нас важна поддержка "
          "партнёров по союзу, – подчеркнул Касым-Жомарт Токаев.",
          "the attribution belongs to the last sentence of the quote",
          "– Фактически, это первый случай в истории организации.",
          "Для нас важна поддержка партнёров по союзу, – подчеркнул Касым-Жомарт Токаев.");
    SENTS("– Мы победим! – воскликнул генерал. Все зааплодировали.",
          "'! –' followed by a lower-case verb continues",
          "– Мы победим! – воскликнул генерал.", "Все зааплодировали.");
    SENTS("– Куда вы идёте? — спросил журналист.", "'? —' with an em dash continues",
          "– Куда вы идёте? — спросил журналист.");
    SENTS("– Мы победим! – Это точно.", "a dash followed by a capital starts a new sentence",
          "– Мы победим!", "– Это точно.");
    SENTS("Работа продолжится. - сказал он.", "a spaced hyphen works like a dash",
          "Работа продолжится. - сказал он.");
}

static void test_paragraphs(void)
{
    chr_document *d = segment("Первая строка абзаца\nпродолжение абзаца. Ещё фраза.\n\nВторой абзац.\n"
                              "– Реплика в диалоге.\n\n\n  Третий абзац.  \n");
    CHECK(d->n_paras == 4, "blank lines and a dash line separate paragraphs (%u)", d->n_paras);
    CHECK(d->n_sents == 5 && sent_is(d, 0, "Первая строка абзаца\nпродолжение абзаца."),
          "a single newline inside a paragraph is a soft wrap");
    CHECK(d->n_paras == 4 && span_is(d, d->paras[2].start, d->paras[2].end, "– Реплика в диалоге."),
          "a direct-speech line is its own paragraph");
    CHECK(d->n_paras == 4 && span_is(d, d->paras[3].start, d->paras[3].end, "Третий абзац."),
          "paragraphs are trimmed");
    CHECK(d->n_paras == 4 && d->paras[0].n_sentences == 2 && d->paras[0].first_sentence == 0 &&
              d->paras[3].first_sentence == 4 && d->sents[4].paragraph == 3,
          "paragraphs know their sentences and sentences their paragraph");
    CHECK(consistent(d), "indices are consistent");
    for (uint32_t k = 0; k < d->n_paras; k++)
        CHECK(!d->paras[k].heading, "paragraph %u is not a heading", k);
    chr_document_free(d);

    d = segment("Строка один.\nСтрока два\r\nСтрока три.\n");
    CHECK(d->n_paras == 3 && d->n_sents == 3, "without blank lines every line is a paragraph");
    CHECK(d->n_paras == 3 && span_is(d, d->paras[1].start, d->paras[1].end, "Строка два"),
          "CR LF line ends are trimmed");
    CHECK(consistent(d), "indices are consistent");
    chr_document_free(d);

    d = segment("Пункты повестки:\n\n• безопасность;\n• экономика;\n* культура.\n");
    CHECK(d->n_paras == 4, "list bullets start paragraphs (%u)", d->n_paras);
    CHECK(d->n_paras == 4 && !d->paras[1].heading && !d->paras[2].heading, "list items are not headings");
    chr_document_free(d);

    d = segment("• • Иванов — Петров 1:0\n\nИтог матча.");
    CHECK(d->n_sents == 2 && sent_is(d, 0, "• • Иванов — Петров 1:0"), "a double bullet is one item");
    chr_document_free(d);

    /* a headline set off by a blank line, then one long paragraph a line */
    d = segment("Саммит завершился\n\n"
                "Вчера в столице завершился двухдневный саммит лидеров стран региона, "
                "который собрал делегации из пяти государств.\n"
                "Открывая заседание, председатель отметил рост торговли между странами "
                "и предложил создать общий фонд развития.\n");
    CHECK(d->n_paras == 3, "long lines ending a sentence are paragraphs even after a blank line (%u)",
          d->n_paras);
    chr_document_free(d);
    d = segment("Короткая строка текста,\nперенесенная вручную. Дальше\nидет текст.\n\nВторой абзац.\n");
    CHECK(d->n_paras == 2, "hard-wrapped short lines stay one paragraph (%u)", d->n_paras);
    chr_document_free(d);

    d = segment("Судьи: • Иван Петров (Россия) • Марк Шилд (Австралия)");
    CHECK(d->n_paras == 1 && d->n_sents == 3 && sent_is(d, 1, "• Иван Петров (Россия)"),
          "a bullet inside a line starts an item");
    chr_document_free(d);
}

static void test_headings(void)
{
    chr_document *d = segment("Саммит ОДКБ прошёл в Москве\n\nСегодня в столице состоялся саммит. "
                              "Лидеры обсудили ситуацию.\n");
    CHECK(d->n_paras == 2 && d->paras[0].heading && !d->paras[1].heading,
          "a short unpunctuated line before a paragraph is a heading");
    CHECK(d->n_paras == 2 && d->paras[0].n_sentences == 1 && d->paras[1].n_sentences == 2,
          "the heading is one sentence");
    chr_document_free(d);

    d = segment("Саммит ОДКБ прошёл в Москве\nСегодня в столице состоялся саммит.\n");
    CHECK(d->n_paras == 2 && d->paras[0].heading, "a title line without blank lines is a heading");
    chr_document_free(d);

    d = segment("Итоги саммита\nСегодня в столице состоялся саммит лидеров стран региона.\n\n"
                "Второй абзац текста.\n");
    CHECK(d->n_paras == 3 && d->paras[0].heading && !d->paras[1].heading,
          "a title glued to its block is split off as a heading (%u)", d->n_paras);
    chr_document_free(d);

    d = segment("Сегодня в столице состоялся большой саммит\nлидеров стран региона и партнёров.\n\n"
                "Второй абзац текста.\n");
    CHECK(d->n_paras == 2 && !d->paras[0].heading && d->paras[0].n_sentences == 1,
          "a hard-wrapped first line is not a heading");
    chr_document_free(d);

    d = segment("Первый абзац текста.\n\nС уважением, пресс-служба\n\nИсточник: агентство\n");
    CHECK(d->n_paras == 3 && !d->paras[2].heading, "a last line is not a heading");
    chr_document_free(d);

    d = segment("В ходе переговоров стороны обсудили:\n\nторговлю и инвестиции.\n");
    CHECK(d->n_paras == 2 && !d->paras[0].heading, "a line ending with a colon is not a heading");
    chr_document_free(d);
}

static void test_robust(void)
{
    chr_document *d = segment("");
    CHECK(d->n_paras == 0 && d->n_sents == 0, "empty text has no paragraphs");
    chr_document_free(d);
    d = segment(" \n\n\t \n");
    CHECK(d->n_paras == 0 && d->n_sents == 0, "white space only has no paragraphs");
    chr_document_free(d);

    static const char bad[] = "Плохие \xff\xfe байты. Ещё\xd0 текст\x00 с нулём. \xe2\x80 Конец";
    d = segment_n(bad, sizeof bad - 1);
    CHECK(d->n_sents == 2 && sent_is(d, 0, "Плохие \xff\xfe байты.") && consistent(d),
          "invalid UTF-8 and NUL bytes are kept inside sentences (%u)", d->n_sents);
    chr_document_free(d);

    /* an 18 MB line without punctuation */
    size_t n = 18u << 20;
    char *big = malloc(n + 1);
    if (!big) exit(2);
    for (size_t i = 0; i < n; i++)
        big[i] = (i % 7 == 6) ? ' ' : 'x';
    big[n] = 0;
    clock_t t0 = clock();
    d = segment_n(big, n);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    uint32_t longest = 0;
    for (uint32_t k = 0; k < d->n_sents; k++) {
        uint32_t words = 1;
        for (uint32_t i = d->sents[k].start; i < d->sents[k].end; i++)
            words += d->text.s[i] == ' ';
        if (words > longest) longest = words;
    }
    CHECK(d->n_paras == 1 && d->n_sents > 1000 && longest <= 2100 && consistent(d),
          "an 18 MB unpunctuated line is cut into bounded sentences (%u, longest %u words)",
          d->n_sents, longest);
    printf("# 18 MB line: %.3f s\n", secs);
    chr_document_free(d);

    /* pathological runs: quotes, openers without closers, dots, initials */
    static const char *const unit[] = {"\"", "«", "(", ". ", "А. ", "!»", "т. д. "};
    for (size_t u = 0; u < sizeof unit / sizeof unit[0]; u++) {
        size_t ul = strlen(unit[u]), m = (2u << 20) / ul;
        for (size_t i = 0; i < m; i++)
            memcpy(big + i * ul, unit[u], ul);
        t0 = clock();
        d = segment_n(big, m * ul);
        secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
        CHECK(consistent(d) && secs < 5, "2 MB of '%s' segments in linear time (%.3f s)", unit[u], secs);
        chr_document_free(d);
    }
    free(big);
}

/* Words per sentence of d, into out (at most max); returns the count. */
static uint32_t words_per_sentence(const chr_document *d, uint32_t *out, uint32_t max)
{
    uint32_t k = 0;
    for (; k < d->n_sents && k < max; k++) {
        uint32_t words = 0;
        int in_word = 0;
        for (uint32_t i = d->sents[k].start; i < d->sents[k].end; i++) {
            int sp = d->text.s[i] == ' ' || d->text.s[i] == '\t';
            words += !sp && !in_word;
            in_word = !sp;
        }
        out[k] = words;
    }
    return k;
}

/* An unpunctuated Russian paragraph is cut where the same paragraph in
   Latin letters is: Cyrillic letters are counted in words of eight bytes,
   Latin ones one by one, and both must count the same words. */
static void test_long_russian_paragraph(void)
{
    static const char *const words[] = {
        "в", "заседании", "Совета", "приняли", "участие", "внешнеполитических", "ведомств",
        "и", "делегации", "государств-членов", "ОДКБ", "ёлки", "МИДа", "по", "вопросам",
    };
    static const char *const seps[] = {" ", "  ", "\t ", " "};
    size_t nw = sizeof words / sizeof words[0], cap = 1u << 20, n = 0, m = 0;
    char *cyr = malloc(cap), *lat = malloc(cap);
    if (!cyr || !lat)
        exit(2);
    for (size_t k = 0; k < 7000; k++) {
        const char *w = words[(k * 7) % nw], *sep = seps[k % 4];
        size_t wl = strlen(w), sl = strlen(sep);
        memcpy(cyr + n, w, wl);
        n += wl;
        for (size_t b = 0; b < wl; b++)
            if (((unsigned char)w[b] & 0xC0) != 0x80)
                lat[m++] = w[b] == '-' ? '-' : 'x';
        memcpy(cyr + n, sep, sl);
        memcpy(lat + m, sep, sl);
        n += sl;
        m += sl;
    }
    chr_document *dc = segment_n(cyr, n), *dl = segment_n(lat, m);
    uint32_t wc[64], wl[64];
    uint32_t nc = words_per_sentence(dc, wc, 64), nl = words_per_sentence(dl, wl, 64);
    int same = nc == nl && memcmp(wc, wl, nc * sizeof *wc) == 0;
    uint32_t total = 0, longest = 0;
    for (uint32_t k = 0; k < nc; k++) {
        total += wc[k];
        longest = wc[k] > longest ? wc[k] : longest;
    }
    CHECK(same && nc >= 3 && total == 7000 && longest <= 2001 && consistent(dc),
          "7000 unpunctuated Russian words: %u sentences of at most %u words, cut as in Latin", nc,
          longest);
    chr_document_free(dc);
    chr_document_free(dl);
    free(cyr);
    free(lat);
}

static void test_speed(void)
{
    static const char para[] =
        "Сегодня в режиме видеоконференции состоялось заседание Совета глав государств, "
        "созванное по инициативе Президента Республики. В мероприятии приняли участие "
        "Премьер-министр Н. Н. Петров, министр иностранных дел и др. официальные лица. "
        "– Мы высоко ценим помощь партнёров, – подчеркнул глава государства. "
        "Встреча началась в 19.00 и продолжалась 2,5 часа.\n\n";
    size_t reps;
    chr_document *d = stage_repeated(para, 8u << 20, &reps);
    size_t n = d->text.len;
    struct timespec a, b;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
    int rc = chr_segment(d);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
    double secs = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) * 1e-9;
    CHECK(rc == 0 && d->n_paras == reps && d->n_sents == reps * 4,
          "synthetic news: %zu paragraphs, %u sentences", reps, d->n_sents);
    printf("# segmentation: %.1f MB/s of CPU time (not asserted)\n", (double)n / 1e6 / (secs > 0 ? secs : 1e-9));
    chr_document_free(d);
}

int main(void)
{
    test_basic();
    test_initials();
    test_abbreviations();
    test_numbers();
    test_quotes();
    test_direct_speech();
    test_paragraphs();
    test_headings();
    test_robust();
    test_long_russian_paragraph();
    test_speed();
    return CHECK_DONE();
}
