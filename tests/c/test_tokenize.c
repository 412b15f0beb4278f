/* test_tokenize.c - tokens of plain text (tokenize.c after segment.c).
 * Runs only segmentation and tokenisation on a hand-built document and
 * checks token texts, kinds and flags as later stages read them. */
#include "stage.h"

#include <time.h>

static chr_document *tokenize_n(const char *text, size_t n)
{
    chr_document *d = stage_text(text, n);
    if (chr_segment(d) < 0 || chr_tokenize(d) < 0) {
        printf("Bail out! segmentation failed\n");
        exit(2);
    }
    return d;
}

static chr_document *tokenize(const char *text) { return tokenize_n(text, strlen(text)); }

/* Index of the first token whose text is `want` at or after token `from`,
   or -1. */
static int find_tok(const chr_document *d, const char *want, uint32_t from)
{
    size_t n = strlen(want);
    for (uint32_t k = from; k < d->n_toks; k++)
        if (d->toks[k].end - d->toks[k].start == n && memcmp(d->text.s + d->toks[k].start, want, n) == 0)
            return (int)k;
    return -1;
}

/* Whether the token texts are exactly `want`, separated by '|'. */
static int toks_are(const chr_document *d, const char *want)
{
    char got[4096];
    size_t o = 0;
    for (uint32_t k = 0; k < d->n_toks && o < sizeof got - 1; k++) {
        uint32_t n = d->toks[k].end - d->toks[k].start;
        if (k) got[o++] = '|';
        if (o + n >= sizeof got) break;
        memcpy(got + o, d->text.s + d->toks[k].start, n);
        o += n;
    }
    got[o] = 0;
    int ok = strcmp(got, want) == 0;
    if (!ok)
        printf("#   got  %s\n#   want %s\n", got, want);
    return ok;
}

#define HAS(d, k, flag) ((k) >= 0 && ((d)->toks[k].flags & (flag)) == (flag))
#define KIND(d, k) ((k) >= 0 ? (d)->toks[k].kind : 0)

static void test_words(void)
{
    chr_document *d = tokenize("Касым-Жомарт Токаев и Премьер-министр Армении прибыли в Нью-Йорк "
                               "на встречу государств-членов.");
    CHECK(toks_are(d, "Касым-Жомарт|Токаев|и|Премьер-министр|Армении|прибыли|в|Нью-Йорк|на|"
                      "встречу|государств-членов|."),
          "hyphenated names and words are one token");
    int k = find_tok(d, "Касым-Жомарт", 0);
    CHECK(KIND(d, k) == CHR_TOK_WORD && HAS(d, k, CHR_TF_UPPER | CHR_TF_CYR | CHR_TF_HYPHEN) &&
              !HAS(d, k, CHR_TF_LAT) && !HAS(d, k, CHR_TF_ALLUPPER),
          "Касым-Жомарт: word, upper, Cyrillic, hyphen");
    k = find_tok(d, "и", 0);
    CHECK(k >= 0 && d->toks[k].flags == (CHR_TF_CYR | CHR_TF_SPACE_BEFORE), "'и' is a plain lower-case word");
    k = find_tok(d, ".", 0);
    CHECK(KIND(d, k) == CHR_TOK_PUNCT && !HAS(d, k, CHR_TF_SPACE_BEFORE), "the full stop is attached punctuation");
    chr_document_free(d);

    d = tokenize("Роль д'Артаньяна сыграл O'Brien, а самолёт Ту-154 и саммит G20 обсуждали в ОДКБ и США.");
    CHECK(toks_are(d, "Роль|д'Артаньяна|сыграл|O'Brien|,|а|самолёт|Ту-154|и|саммит|G20|обсуждали|в|ОДКБ|и|США|."),
          "apostrophes and digits stay inside words");
    k = find_tok(d, "O'Brien", 0);
    CHECK(HAS(d, k, CHR_TF_LAT | CHR_TF_UPPER) && !HAS(d, k, CHR_TF_CYR), "O'Brien is Latin");
    k = find_tok(d, "ОДКБ", 0);
    CHECK(HAS(d, k, CHR_TF_ALLUPPER | CHR_TF_UPPER | CHR_TF_CYR), "an acronym is all upper case");
    chr_document_free(d);

    d = tokenize("Встречу вёл В. В. Путин, а Я иду домой.");
    k = find_tok(d, "В", 0);
    int k2 = find_tok(d, "В", (uint32_t)k + 1);
    CHECK(HAS(d, k, CHR_TF_INITIAL | CHR_TF_UPPER) && HAS(d, k2, CHR_TF_INITIAL), "initials are marked");
    k = find_tok(d, "Путин", 0);
    CHECK(k >= 0 && !HAS(d, k, CHR_TF_INITIAL), "a surname is not an initial");
    k = find_tok(d, "Я", 0);
    CHECK(k >= 0 && !HAS(d, k, CHR_TF_INITIAL) && !HAS(d, k, CHR_TF_ALLUPPER),
          "a one-letter word without a dot is neither initial nor all upper");
    chr_document_free(d);

    d = tokenize("Слово за́мок с ударением.");
    CHECK(toks_are(d, "Слово|за́мок|с|ударением|."), "a combining accent stays inside the word");
    chr_document_free(d);
}

/* Russian words are read several letters at a time: a capital, ё or a
   rare letter anywhere in a word, at any offset, must still give the same
   boundaries and flags as a letter-by-letter reading. */
static void test_words_at_every_offset(void)
{
    static const char body[] =
        "Внешнеполитическими ПРАВИТЕЛЬСТВО правительствА МИДа ОДКБ-шный ёлки Ёжик "
        "Ђорђе ѢѣѢ из-за Ростов-на-Дону вы,мы «Сбер»\tи\u00a0нет сайт Lenta.ru";
    static const struct { const char *tok; uint16_t flags; } want[] = {
        {"Внешнеполитическими", CHR_TF_UPPER | CHR_TF_CYR},
        {"ПРАВИТЕЛЬСТВО", CHR_TF_UPPER | CHR_TF_ALLUPPER | CHR_TF_CYR},
        {"правительствА", CHR_TF_CYR},
        {"МИДа", CHR_TF_UPPER | CHR_TF_CYR},
        {"ОДКБ-шный", CHR_TF_UPPER | CHR_TF_CYR | CHR_TF_HYPHEN},
        {"ёлки", CHR_TF_CYR},
        {"Ёжик", CHR_TF_UPPER | CHR_TF_CYR},
        {"Ђорђе", CHR_TF_UPPER | CHR_TF_CYR},
        {"ѢѣѢ", CHR_TF_CYR},
        {"из-за", CHR_TF_CYR | CHR_TF_HYPHEN},
        {"Ростов-на-Дону", CHR_TF_UPPER | CHR_TF_CYR | CHR_TF_HYPHEN},
        {"вы", CHR_TF_CYR},
        {",", 0},
        {"мы", CHR_TF_CYR},
        {"«", CHR_TF_QUOTE_OPEN},
        {"Сбер", CHR_TF_UPPER | CHR_TF_CYR},
        {"»", CHR_TF_QUOTE_CLOSE},
        {"и", CHR_TF_CYR},
        {"нет", CHR_TF_CYR},
        {"сайт", CHR_TF_CYR},
        {"Lenta.ru", CHR_TF_UPPER | CHR_TF_LAT},
    };
    const uint16_t mask = CHR_TF_UPPER | CHR_TF_ALLUPPER | CHR_TF_CYR | CHR_TF_LAT | CHR_TF_HYPHEN |
                          CHR_TF_QUOTE_OPEN | CHR_TF_QUOTE_CLOSE;
    size_t nw = sizeof want / sizeof want[0];
    int all_ok = 1, spacing_ok = 1;
    for (int pad = 0; pad < 10; pad++) {
        char text[512];
        /* a Latin word of `pad` letters shifts everything after it */
        int n = snprintf(text, sizeof text, "%.*s%s%s", pad, "xxxxxxxxx", pad ? " " : "", body);
        chr_document *d = tokenize_n(text, (size_t)n);
        uint32_t first = pad ? 1 : 0;
        if (d->n_toks != nw + first) {
            printf("#   padding %d: %u tokens, want %zu\n", pad, d->n_toks, nw + first);
            all_ok = 0;
        }
        for (size_t k = 0; k < nw && first + k < d->n_toks; k++) {
            const chr_token *t = &d->toks[first + k];
            size_t l = strlen(want[k].tok);
            if (t->end - t->start != l || memcmp(d->text.s + t->start, want[k].tok, l) != 0 ||
                (t->flags & mask) != want[k].flags) {
                printf("#   padding %d: token %zu is '%.*s' flags %#x, want '%s' %#x\n", pad, k,
                       (int)(t->end - t->start), d->text.s + t->start, (unsigned)(t->flags & mask),
                       want[k].tok, (unsigned)want[k].flags);
                all_ok = 0;
            }
        }
        /* space before: none before ',' 'мы' 'Сбер' '»'; one after a tab or a
           no-break space, and at the start of the text */
        int kc = find_tok(d, ",", 0), km = find_tok(d, "мы", 0), kq = find_tok(d, "»", 0),
            ks = find_tok(d, "Сбер", 0), ki = find_tok(d, "и", 0), kn = find_tok(d, "нет", 0),
            kv = find_tok(d, "Внешнеполитическими", 0);
        if (HAS(d, kc, CHR_TF_SPACE_BEFORE) || HAS(d, km, CHR_TF_SPACE_BEFORE) ||
            HAS(d, kq, CHR_TF_SPACE_BEFORE) || HAS(d, ks, CHR_TF_SPACE_BEFORE) ||
            !HAS(d, ki, CHR_TF_SPACE_BEFORE) || !HAS(d, kn, CHR_TF_SPACE_BEFORE) ||
            !HAS(d, kv, CHR_TF_SPACE_BEFORE))
            spacing_ok = 0;
        chr_document_free(d);
    }
    CHECK(all_ok, "words, capitals, ё and rare letters: the same tokens and flags at every offset");
    CHECK(spacing_ok, "white space before a token is seen after tabs and no-break spaces, never after a word");
}

static void test_numbers(void)
{
    chr_document *d = tokenize("В 19.00 температура была 3,5 градуса, в 14:00 — уже 10.01.2022 года. "
                               "Это было в 2022. Счёт 1, 2, 3.");
    CHECK(toks_are(d, "В|19.00|температура|была|3,5|градуса|,|в|14:00|—|уже|10.01.2022|года|.|"
                      "Это|было|в|2022|.|Счёт|1|,|2|,|3|."),
          "numbers keep inner . , : and leave a final dot");
    int k = find_tok(d, "10.01.2022", 0);
    CHECK(KIND(d, k) == CHR_TOK_NUMBER, "a date is one number token");
    k = find_tok(d, "2022", 0);
    CHECK(KIND(d, k) == CHR_TOK_NUMBER && KIND(d, k + 1) == CHR_TOK_PUNCT &&
              d->toks[k].sentence == d->toks[k + 1].sentence,
          "'2022.' is the number and its full stop in one sentence");
    chr_document_free(d);

    d = tokenize("Рост на 50 % и 10 $ за 1990-е годы, в 10-15 раз на 40-й день.");
    CHECK(toks_are(d, "Рост|на|50|%|и|10|$|за|1990-е|годы|,|в|10|-|15|раз|на|40-й|день|."),
          "symbols are tokens; a number keeps its hyphenated ending, a range does not");
    k = find_tok(d, "%", 0);
    CHECK(KIND(d, k) == CHR_TOK_OTHER, "%% is a symbol");
    k = find_tok(d, "1990-е", 0);
    CHECK(KIND(d, k) == CHR_TOK_NUMBER && HAS(d, k, CHR_TF_HYPHEN | CHR_TF_CYR), "1990-е is a number with a hyphen");
    k = find_tok(d, "-", 0);
    CHECK(KIND(d, k) == CHR_TOK_PUNCT && !HAS(d, k, CHR_TF_DASH), "an unspaced hyphen in a range is not a dash");
    chr_document_free(d);

    d = tokenize("Об этом сообщает Lenta.ru, а документ подписал А.Б. Иванов на ул.Ленина.");
    CHECK(toks_are(d, "Об|этом|сообщает|Lenta.ru|,|а|документ|подписал|А|.|Б|.|Иванов|на|ул|.|Ленина|."),
          "a site name is one token, compact initials and abbreviations are not");
    chr_document_free(d);
}

static void test_punct(void)
{
    chr_document *d = tokenize("«Мы готовы», – сказал он (см. выше) и ушёл… Москва - столица.");
    CHECK(toks_are(d, "«|Мы|готовы|»|,|–|сказал|он|(|см|.|выше|)|и|ушёл|…|Москва|-|столица|."),
          "each punctuation character is a token");
    int k = find_tok(d, "«", 0);
    CHECK(HAS(d, k, CHR_TF_QUOTE_OPEN) && KIND(d, k) == CHR_TOK_PUNCT, "« opens a quote");
    k = find_tok(d, "»", 0);
    CHECK(HAS(d, k, CHR_TF_QUOTE_CLOSE) && !HAS(d, k, CHR_TF_SPACE_BEFORE), "» closes a quote");
    k = find_tok(d, "–", 0);
    CHECK(HAS(d, k, CHR_TF_DASH | CHR_TF_SPACE_BEFORE), "– is a dash");
    k = find_tok(d, "-", 0);
    CHECK(HAS(d, k, CHR_TF_DASH), "a spaced hyphen is a dash");
    chr_document_free(d);

    d = tokenize("Компания \"Газпром\" и „Лукойл“ и “Роснефть” заявили.");
    k = find_tok(d, "\"", 0);
    int k2 = find_tok(d, "\"", (uint32_t)k + 1);
    CHECK(HAS(d, k, CHR_TF_QUOTE_OPEN) && HAS(d, k2, CHR_TF_QUOTE_CLOSE), "straight quotes: open after space, close after a word");
    k = find_tok(d, "„", 0);
    k2 = find_tok(d, "“", 0);
    CHECK(HAS(d, k, CHR_TF_QUOTE_OPEN) && HAS(d, k2, CHR_TF_QUOTE_CLOSE), "„…“ quotes");
    k = find_tok(d, "“", (uint32_t)k2 + 1);
    k2 = find_tok(d, "”", 0);
    CHECK(HAS(d, k, CHR_TF_QUOTE_OPEN) && HAS(d, k2, CHR_TF_QUOTE_CLOSE), "“…” quotes");
    chr_document_free(d);
}

static void test_structure(void)
{
    chr_document *d = tokenize("Заголовок новости\n\n– Фактически, это первый случай. Для нас "
                               "это важно,\nпродолжил он.");
    CHECK(d->n_sents == 3, "three sentences (%u)", d->n_sents);
    int k = find_tok(d, "Заголовок", 0);
    CHECK(HAS(d, k, CHR_TF_SENT_START | CHR_TF_LINE_START | CHR_TF_SPACE_BEFORE), "the first token starts the text");
    k = find_tok(d, "–", 0);
    CHECK(HAS(d, k, CHR_TF_LINE_START | CHR_TF_DASH) && !HAS(d, k, CHR_TF_SENT_START),
          "a leading dash starts the line but is not word-like");
    k = find_tok(d, "Фактически", 0);
    CHECK(HAS(d, k, CHR_TF_SENT_START) && !HAS(d, k, CHR_TF_LINE_START), "the first word after the dash starts the sentence");
    k = find_tok(d, "Для", 0);
    CHECK(HAS(d, k, CHR_TF_SENT_START) && !HAS(d, k, CHR_TF_LINE_START), "a sentence starting mid-line");
    k = find_tok(d, "продолжил", 0);
    CHECK(HAS(d, k, CHR_TF_LINE_START) && !HAS(d, k, CHR_TF_SENT_START), "a soft-wrapped line start");
    k = find_tok(d, "это", 0);
    CHECK(k >= 0 && !HAS(d, k, CHR_TF_SENT_START | CHR_TF_LINE_START), "a word inside a sentence");

    int ok = 1;
    uint32_t next = 0;
    for (uint32_t s = 0; s < d->n_sents; s++) {
        const chr_sentence *se = &d->sents[s];
        ok &= se->first_token == next && se->n_tokens > 0;
        for (uint32_t t = se->first_token; t < se->first_token + se->n_tokens; t++) {
            const chr_token *tk = &d->toks[t];
            ok &= tk->sentence == s && tk->start >= se->start && tk->end <= se->end && tk->start < tk->end;
            ok &= tk->lex == 0 && tk->lemma == NULL && tk->gram_case == 0;
            ok &= t == 0 || d->toks[t - 1].end <= tk->start;
        }
        next += se->n_tokens;
    }
    CHECK(ok && next == d->n_toks, "tokens are in order, inside their sentences, analysis fields left zero");
    chr_document_free(d);
}

static void test_robust(void)
{
    static const char bad[] = "abc \xff\xfe\xfd def\x00гх \xd0 \xe2\x82\xac \xf0\x9f\x98\x80";
    chr_document *d = tokenize_n(bad, sizeof bad - 1);
    int k = find_tok(d, "\xff\xfe\xfd", 0);
    CHECK(KIND(d, k) == CHR_TOK_OTHER, "a run of invalid bytes is one OTHER token");
    k = find_tok(d, "\xd0", 0);
    CHECK(KIND(d, k) == CHR_TOK_OTHER, "a truncated sequence is an OTHER token");
    k = find_tok(d, "\xe2\x82\xac", 0);
    CHECK(KIND(d, k) == CHR_TOK_OTHER, "the euro sign is a symbol");
    k = find_tok(d, "гх", 0);
    CHECK(KIND(d, k) == CHR_TOK_WORD, "a word after a NUL byte");
    uint32_t covered = 0, want = 0;
    for (uint32_t t = 0; t < d->n_toks; t++)
        covered += d->toks[t].end - d->toks[t].start;
    for (size_t i = 0; i < sizeof bad - 1; i++)
        want += bad[i] != ' ';
    CHECK(covered == want, "every non-space byte is in a token (%u of %u)", covered, want);
    chr_document_free(d);

    d = tokenize("");
    CHECK(d->n_toks == 0 && d->n_sents == 0, "empty text has no tokens");
    chr_document_free(d);

    /* 4 MB without spaces or punctuation: one word, in linear time */
    size_t n = 4u << 20;
    char *big = malloc(n + 1);
    if (!big) exit(2);
    for (size_t i = 0; i < n; i += 2)
        memcpy(big + i, "ж", 2);
    big[n] = 0;
    d = tokenize_n(big, n);
    CHECK(d->n_toks == 1 && d->toks[0].end == n, "a 4 MB word is one token");
    chr_document_free(d);

    /* 4 MB of hyphens and apostrophes between letters, and of bare commas */
    for (size_t i = 0; i < n; i++)
        big[i] = "a-b'"[i % 4];
    d = tokenize_n(big, n);
    CHECK(d->n_toks >= 1 && d->toks[0].kind == CHR_TOK_WORD, "a long hyphenated chain tokenises");
    chr_document_free(d);
    memset(big, ',', n);
    d = tokenize_n(big, n);
    uint32_t longest = 0;
    for (uint32_t s = 0; s < d->n_sents; s++)
        if (d->sents[s].n_tokens > longest) longest = d->sents[s].n_tokens;
    CHECK(d->n_toks == n && longest <= 2100, "4 MB of commas: bounded sentences (longest %u)", longest);
    chr_document_free(d);

    /* junk the segmenter cannot see as tokens: stray continuation bytes
       between letters, then emoji; two paragraphs so the re-split must keep
       paragraph indices right */
    for (size_t i = 0; i < n; i += 2)
        memcpy(big + i, "\x80z", 2);
    memcpy(big + n / 2, "\n\n", 2);
    for (size_t i = n / 2 + 2; i + 4 <= n; i += 4)
        memcpy(big + i, "\xf0\x9f\x98\x80", 4);
    d = tokenize_n(big, n);
    longest = 0;
    int ok = d->n_paras == 2 && d->paras[0].first_sentence == 0 &&
             d->paras[1].first_sentence == d->paras[0].n_sentences &&
             d->paras[0].n_sentences + d->paras[1].n_sentences == d->n_sents;
    for (uint32_t s = 0; s < d->n_sents; s++) {
        if (d->sents[s].n_tokens > longest) longest = d->sents[s].n_tokens;
        ok &= d->sents[s].paragraph == (s < d->paras[1].first_sentence ? 0u : 1u);
        ok &= d->toks[d->sents[s].first_token].sentence == s;
        ok &= d->sents[s].start == d->toks[d->sents[s].first_token].start;
    }
    CHECK(ok && d->n_toks > n / 3 && longest <= 2048,
          "4 MB of junk tokens: sentences cut at 2048 tokens, paragraphs kept (longest %u, %u sentences)",
          longest, d->n_sents);
    chr_document_free(d);
    free(big);
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
    struct timespec a, m, b;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
    int rc = chr_segment(d);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &m);
    rc |= chr_tokenize(d);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
    double s1 = (double)(m.tv_sec - a.tv_sec) + (double)(m.tv_nsec - a.tv_nsec) * 1e-9;
    double s2 = (double)(b.tv_sec - m.tv_sec) + (double)(b.tv_nsec - m.tv_nsec) * 1e-9;
    printf("# segmentation %.1f MB/s, tokenisation %.1f MB/s, together %.1f MB/s (not asserted)\n",
           (double)n / 1e6 / (s1 > 0 ? s1 : 1e-9), (double)n / 1e6 / (s2 > 0 ? s2 : 1e-9),
           (double)n / 1e6 / (s1 + s2 > 0 ? s1 + s2 : 1e-9));
    chr_document *one = tokenize(para);
    CHECK(rc == 0 && one->n_toks > 50 && d->n_toks == one->n_toks * reps, "synthetic news: %u tokens",
          d->n_toks);
    chr_document_free(one);
    chr_document_free(d);
}

int main(void)
{
    test_words();
    test_words_at_every_offset();
    test_numbers();
    test_punct();
    test_structure();
    test_robust();
    test_speed();
    return CHECK_DONE();
}
