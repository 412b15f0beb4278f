/*
 * internal.h - the pipeline's shared state.  Private to native/src.
 *
 * A parse runs these stages in order, each in its own file:
 *   decode.c      bytes -> UTF-8 (BOM, UTF-16, Windows-1251, KOI8-R)
 *   ingest.c      format detection; plain text and Markdown -> analysed text
 *   markup.c      HTML and XML via libxml2 -> analysed text (only file with libxml2)
 *   segment.c     analysed text -> paragraphs and sentences
 *   tokenize.c    sentences -> tokens
 *   analyze.c     tokens -> lexicon bits and lemmas (Russian word analysis)
 *   names.c       persons, roles, organisations, places -> entity mentions
 *   times.c       temporal expressions -> times
 *   link.c        entity mentions -> participants (coreference)
 *   events.c      predicates -> events
 *   order.c       events -> timeline order
 * parse.c drives them and owns the document; lexicon.c looks words up in the
 * lexicons compiled from native/lexicons at build time.
 *
 * Offsets: the "analysed text" (doc->text) is what the stages read.  Offsets
 * into it are uint32_t; chr_doc_span() maps them back to the input.
 */
#ifndef CHR_INTERNAL_H
#define CHR_INTERNAL_H

#include "chronicle.h"
#include "lexicon.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdint.h>
#include <stddef.h>

#define CHR_HIDDEN __attribute__((visibility("hidden")))
#define CHR_NO_DAY INT64_MIN

/* ------------------------------------------------------------------ arena */

typedef struct chr_arena_block chr_arena_block;
typedef struct chr_arena {
    chr_arena_block *head;
    size_t used_in_head;
} chr_arena;

/* --------------------------------------------------------- analysed text */

typedef struct chr_text {
    char *s;            /* UTF-8, NUL-terminated, `len` bytes.  NUL bytes of the
                           input are spaces here; invalid UTF-8 is kept as is. */
    uint32_t len;
    /* Map back to the input.  When map_start is NULL the map is the identity
       plus `shift` (plain UTF-8, possibly after a BOM).  Otherwise, for every
       byte i of s, map_start[i] / map_end[i] are the input span of the source
       unit (character, entity, encoded character) that produced it.  Bytes
       that the ingestion inserted (paragraph breaks) map to an empty span at
       the markup that caused them. */
    uint32_t *map_start;
    uint32_t *map_end;
    uint32_t shift;
} chr_text;

/* ----------------------------------------------------- structure, tokens */

typedef struct chr_paragraph {
    uint32_t start, end;            /* analysed text */
    uint32_t first_sentence, n_sentences;
    uint8_t heading;                /* a title/heading line */
} chr_paragraph;

typedef struct chr_sentence {
    uint32_t start, end;            /* analysed text, trimmed of spaces */
    uint32_t paragraph;
    uint32_t first_token, n_tokens;
} chr_sentence;

enum chr_token_kind {
    CHR_TOK_WORD = 1,      /* letters (and inner hyphens / apostrophes) */
    CHR_TOK_NUMBER,        /* digits, with inner . , : as in 19.00, 3,5, 14:00 */
    CHR_TOK_PUNCT,         /* one punctuation character (quotes, dashes, .) */
    CHR_TOK_OTHER          /* symbols, invalid bytes */
};

enum chr_token_flag {
    CHR_TF_UPPER      = 1 << 0,   /* first letter is upper case */
    CHR_TF_ALLUPPER   = 1 << 1,   /* two or more letters, all upper case */
    CHR_TF_CYR        = 1 << 2,   /* has Cyrillic letters */
    CHR_TF_LAT        = 1 << 3,   /* has Latin letters */
    CHR_TF_HYPHEN     = 1 << 4,   /* has an inner hyphen (Касым-Жомарт) */
    CHR_TF_INITIAL    = 1 << 5,   /* one upper-case letter directly followed by '.' */
    CHR_TF_SENT_START = 1 << 6,   /* first word-like token of its sentence */
    CHR_TF_SPACE_BEFORE = 1 << 7, /* white space precedes the token */
    CHR_TF_LINE_START = 1 << 8,   /* first token on its line */
    CHR_TF_QUOTE_OPEN = 1 << 9,   /* punctuation that opens a quote: « “ „ or opening " */
    CHR_TF_QUOTE_CLOSE = 1 << 10, /* » ” or closing " */
    CHR_TF_DASH       = 1 << 11   /* – — or a spaced hyphen */
};

/* Lexical bits set by analyze.c. */
enum chr_word_bit {
    CHR_W_GIVEN      = 1u << 0,   /* a first name (any case form) */
    CHR_W_PATRONYMIC = 1u << 1,   /* -ович/-евна... */
    CHR_W_SURNAME    = 1u << 2,   /* surname-shaped or listed surname */
    CHR_W_TITLE      = 1u << 3,   /* role head noun (президент, министр) */
    CHR_W_COUNTRY    = 1u << 4,
    CHR_W_CITY       = 1u << 5,
    CHR_W_REGION     = 1u << 6,
    CHR_W_MONTH      = 1u << 7,
    CHR_W_WEEKDAY    = 1u << 8,
    CHR_W_STOP       = 1u << 9,   /* function word, never part of a name */
    CHR_W_VERB       = 1u << 10,  /* a verb form (event lexicon or morphology) */
    CHR_W_EVENT_NOUN = 1u << 11,
    CHR_W_ORG_DESC   = 1u << 12,  /* министерство, партия, компания ... */
    CHR_W_PRONOUN    = 1u << 13,
    CHR_W_ORG        = 1u << 14,  /* a listed organisation name or acronym */
    CHR_W_NOT_NAME   = 1u << 15,  /* capitalised common word: Сегодня, Глава ... */
    CHR_W_ADJ_GEO    = 1u << 16   /* российский, казахстанский ... */
};

typedef struct chr_token {
    uint32_t start, end;            /* analysed text */
    uint32_t sentence;
    uint16_t flags;                 /* chr_token_flag */
    uint8_t kind;                   /* chr_token_kind */
    uint8_t gram_case;              /* chr_case guess (analyze.c), 0 unknown */
    uint32_t lex;                   /* chr_word_bit (analyze.c) */
    uint32_t lemma_len;             /* before `lemma`: no padding, 32 bytes a
                                       token (tokens dominate peak memory) */
    const char *lemma;              /* lower-case lemma or NULL (analyze.c);
                                       points into a lexicon or the arena */
} chr_token;

enum chr_case {
    CHR_CASE_UNKNOWN = 0,
    CHR_CASE_NOM, CHR_CASE_GEN, CHR_CASE_DAT, CHR_CASE_ACC, CHR_CASE_INS, CHR_CASE_PREP
};

/* ------------------------------------------------------ entity mentions */

typedef struct chr_ent_mention {
    uint32_t start, end;            /* analysed text */
    uint32_t tok_first, tok_end;    /* tokens [tok_first, tok_end) */
    uint32_t sentence;
    chr_kind kind;
    chr_mention_type type;
    uint8_t gram_case;              /* chr_case of the mention, 0 unknown */
    uint8_t plural;
    uint8_t gender;                 /* 0 unknown, 'm', 'f' */
    const char *given, *patronymic, *family;  /* persons, nominative, or NULL */
    const char *norm;               /* orgs/places: canonical nominative name;
                                       nominal persons: normalised role text */
    int32_t role;                   /* index into doc->roles or -1 */
    int32_t participant;            /* index into doc->parts after link.c, else -1 */
} chr_ent_mention;

typedef struct chr_role_mention {
    uint32_t start, end;            /* analysed text */
    uint32_t tok_first, tok_end;
    const char *text;               /* nominative display text */
    const char *title;              /* head noun, lower case, nominative */
    const char *of;                 /* affiliation or NULL */
    int32_t holder;                 /* index into doc->ments of the person it
                                       describes, -1 when none (role-only) */
} chr_role_mention;

/* ---------------------------------------------------------------- times */

typedef struct chr_time_mention {
    uint32_t start, end;            /* analysed text */
    uint32_t tok_first, tok_end;
    uint32_t sentence;
    const char *text;               /* arena */
    const char *value;              /* arena, TIMEX3-style */
    chr_time_type type;
    int anchored;
    int64_t day;                    /* days since 1970-01-01 of its start, or CHR_NO_DAY */
    int32_t minute;                 /* minute of the day, -1 when none */
    int32_t rel_days;               /* unanchored relative: offset from "today" */
    uint8_t has_rel;
    uint8_t tense_hint;             /* chr_tense + 1, 0 when none (завтра -> future) */
} chr_time_mention;

/* ------------------------------------------------------------- document */

struct chr_document {
    chr_arena arena;
    chr_status status;              /* CHR_ERR_NOMEM once an allocation failed */
    chr_options opt;                /* strings copied into the arena */
    chr_info info;

    const char **warnings;
    uint32_t n_warnings, cap_warnings, dropped_warnings;

    /* the input: valid during chr_parse only, NULL afterwards */
    const unsigned char *in;
    uint32_t in_len;
    uint32_t *line_starts;          /* byte offset of each input line */
    uint32_t n_lines;

    /* decode.c: the input as UTF-8 and its map (for ingestion to read);
       utf8_borrowed: utf8.s is the caller's input itself, never freed */
    chr_text utf8;
    uint8_t utf8_borrowed;
    /* ingest.c / markup.c: the analysed text */
    chr_text text;
    char *lower;                    /* text.s lower-cased, ё->е; same length */

    chr_paragraph *paras;  uint32_t n_paras;
    chr_sentence *sents;   uint32_t n_sents;
    chr_token *toks;       uint32_t n_toks;

    chr_ent_mention *ments;    uint32_t n_ments, cap_ments;
    chr_role_mention *roles;   uint32_t n_roles, cap_roles;
    chr_time_mention *tms;     uint32_t n_tms, cap_tms;
    int64_t doc_day;                /* document date, days since epoch, or CHR_NO_DAY */

    /* the public result */
    chr_participant *parts; size_t n_parts;
    chr_time *times;        size_t n_times;
    chr_event *events;      size_t n_events;

    double stage_seconds[CHR_STAGE_COUNT];

    struct chr_geo_index *geo;      /* geo.c: lexicon index, built on first use (arena) */
};

/* ----------------------------------------------------------- utilities */

/* Arena memory, freed with the document.  Return NULL and set
   doc->status = CHR_ERR_NOMEM on failure. */
CHR_HIDDEN void chr_arena_free(chr_arena *a);
CHR_HIDDEN void *chr_alloc(chr_document *doc, size_t size);      /* zeroed */
CHR_HIDDEN char *chr_strndup(chr_document *doc, const char *s, size_t n);
CHR_HIDDEN char *chr_strdup(chr_document *doc, const char *s);
CHR_HIDDEN char *chr_sprintf(chr_document *doc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Growable malloc'd arrays: ensures *cap >= need, doubling.  Returns 0, or -1
   (and sets doc->status) when out of memory; *arr is then unchanged. */
CHR_HIDDEN int chr_grow(chr_document *doc, void **arr, uint32_t *cap,
                        uint32_t need, size_t elem);

/* Adds a warning (capped; extra ones are counted). */
CHR_HIDDEN void chr_warn(chr_document *doc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Maps an analysed-text span [a, b) to the input, with line and column. */
CHR_HIDDEN void chr_doc_span(const chr_document *doc, uint32_t a, uint32_t b, chr_span *out);
CHR_HIDDEN uint32_t chr_text_src_start(const chr_text *t, uint32_t i);
CHR_HIDDEN uint32_t chr_text_src_end(const chr_text *t, uint32_t end);

/* Appends a whole mention / role / time; returns its index or -1 on OOM. */
CHR_HIDDEN int32_t chr_add_mention(chr_document *doc, const chr_ent_mention *m);
CHR_HIDDEN int32_t chr_add_role(chr_document *doc, const chr_role_mention *r);
CHR_HIDDEN int32_t chr_add_time(chr_document *doc, const chr_time_mention *t);

/* Days since 1970-01-01 for a proleptic Gregorian date, and back. */
CHR_HIDDEN int64_t chr_days_from_civil(int y, int m, int d);
CHR_HIDDEN void chr_civil_from_days(int64_t z, int *y, int *m, int *d);

/* ---------------------------------------------------------------- stages
   Each returns 0, or -1 when out of memory (doc->status says so).  A stage
   never fails on content: it records warnings and does what it can. */

CHR_HIDDEN int chr_decode(chr_document *doc);     /* doc->in -> doc->utf8 */
CHR_HIDDEN int chr_ingest(chr_document *doc);     /* doc->utf8 -> doc->text, doc->lower, info */
CHR_HIDDEN int chr_markup_html(chr_document *doc);  /* called by chr_ingest */
CHR_HIDDEN int chr_markup_xml(chr_document *doc);   /* called by chr_ingest */
CHR_HIDDEN int chr_segment(chr_document *doc);    /* -> paras, sents */
CHR_HIDDEN int chr_tokenize(chr_document *doc);   /* -> toks */
CHR_HIDDEN int chr_analyze(chr_document *doc);    /* toks[].lex, lemma, gram_case */
CHR_HIDDEN int chr_names(chr_document *doc);      /* -> ments, roles */
/* geo.c: organisations and places -> ments (kind organization/location, norm
   set); chr_names calls it first so that persons never take their tokens. */
CHR_HIDDEN int chr_orgs_places(chr_document *doc);
/* geo.c: the canonical nominative name of the place or organisation spelled
   by tokens [a, b) in any case ("Армении" -> "Армения", "Республике
   Казахстан" -> "Казахстан", "ОДКБ" -> "ОДКБ"), or NULL.  *kind receives
   CHR_KIND_LOCATION or CHR_KIND_ORGANIZATION.  The string is static or in
   the arena.  Used for a role's affiliation ("Президент Казахстана"). */
CHR_HIDDEN const char *chr_geo_canonical(chr_document *doc, uint32_t a, uint32_t b, chr_kind *kind);
CHR_HIDDEN int chr_times(chr_document *doc);      /* -> tms, doc_day (dateline) */
CHR_HIDDEN int chr_link(chr_document *doc);       /* ments, roles -> parts */
CHR_HIDDEN int chr_events(chr_document *doc);     /* -> events (document order) */
CHR_HIDDEN int chr_order(chr_document *doc);      /* events[].order */

#endif
