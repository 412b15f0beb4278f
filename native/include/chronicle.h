/*
 * chronicle.h - the one public header of the chronicle extraction engine.
 *
 * chronicle reads a news document (plain text, HTML, XML or Markdown; Russian
 * or English) and finds its participants (persons, organisations, places),
 * its temporal expressions and its events.  The shape of the result is the
 * contract in docs/model.md ("chronicle/1").
 *
 * Ownership, in one place:
 *   - chr_parse() copies what it needs from `bytes` and `options`; the caller
 *     may free both as soon as it returns.
 *   - The returned chr_document is owned by the caller and released with
 *     chr_document_free() (which accepts NULL).
 *   - Every pointer reached through a document (strings, arrays, structs) is
 *     owned by that document and valid until chr_document_free().
 *   - All offsets are byte offsets into the input as given, 0-based,
 *     end-exclusive; `line` is 1-based, `col` is a 0-based byte column.
 *
 * Thread safety: there is no global mutable state.  Different documents may
 * be parsed and read concurrently from different threads.
 */
#ifndef CHRONICLE_H
#define CHRONICLE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) || defined(__clang__)
#define CHR_API __attribute__((visibility("default")))
#else
#define CHR_API
#endif

#define CHRONICLE_VERSION "0.1.0"
#define CHRONICLE_SCHEMA "chronicle/1"

typedef enum chr_format {
    CHR_FORMAT_AUTO = 0,
    CHR_FORMAT_TEXT,
    CHR_FORMAT_HTML,
    CHR_FORMAT_XML,
    CHR_FORMAT_MARKDOWN
} chr_format;

typedef enum chr_language {
    CHR_LANG_AUTO = 0,
    CHR_LANG_RU,
    CHR_LANG_EN
} chr_language;

typedef struct chr_options {
    chr_format format;      /* CHR_FORMAT_AUTO: detect from path and content */
    chr_language language;  /* CHR_LANG_AUTO: detect from content */
    const char *date;       /* document date "YYYY-MM-DD", or NULL */
    const char *path;       /* file name, used for format detection and
                               reported back; NULL for an unnamed buffer */
    int nul_terminated;     /* non-zero when bytes[len] is a readable NUL
                               (as in every Lua string): valid UTF-8 input
                               is then read in place rather than copied.
                               The bytes must stay unchanged during the
                               call; the document keeps no pointer to them. */
} chr_options;

typedef enum chr_status {
    CHR_OK = 0,
    CHR_ERR_NOMEM,          /* an allocation failed */
    CHR_ERR_TOO_LARGE,      /* input beyond CHR_MAX_INPUT */
    CHR_ERR_INVALID         /* bad arguments (NULL bytes with len > 0, bad date) */
} chr_status;

/* Inputs are limited so that 32-bit offsets inside the engine never wrap. */
#define CHR_MAX_INPUT ((size_t)0x7fffffff)

typedef enum chr_kind {
    CHR_KIND_PERSON = 0,
    CHR_KIND_ORGANIZATION,
    CHR_KIND_LOCATION,
    CHR_KIND_GROUP
} chr_kind;

typedef enum chr_mention_type {
    CHR_MENTION_NAME = 0,   /* contains the participant's name */
    CHR_MENTION_NOMINAL,    /* a role or description only ("Глава государства") */
    CHR_MENTION_PRONOUN
} chr_mention_type;

typedef enum chr_time_type {
    CHR_TIME_DATE = 0,
    CHR_TIME_TIME,
    CHR_TIME_DURATION,
    CHR_TIME_SET
} chr_time_type;

typedef enum chr_event_type {
    CHR_EVENT_MEETING = 0,
    CHR_EVENT_STATEMENT,
    CHR_EVENT_AGREEMENT,
    CHR_EVENT_VISIT,
    CHR_EVENT_APPOINTMENT,
    CHR_EVENT_CONFLICT,
    CHR_EVENT_OTHER
} chr_event_type;

typedef enum chr_tense {
    CHR_TENSE_PAST = 0,
    CHR_TENSE_PRESENT,
    CHR_TENSE_FUTURE
} chr_tense;

typedef enum chr_event_role {
    CHR_ROLE_AGENT = 0,
    CHR_ROLE_PARTICIPANT,
    CHR_ROLE_RECIPIENT,
    CHR_ROLE_MENTIONED
} chr_event_role;

/* A position in the input: byte span plus the line/column of its start. */
typedef struct chr_span {
    size_t start, end;
    uint32_t line, col;
} chr_span;

typedef struct chr_info {
    chr_format format;          /* the format actually used */
    chr_language language;      /* the language actually used */
    const char *title;          /* NULL when none */
    const char *date;           /* "YYYY-MM-DD", NULL when none */
    const char *date_source;    /* "option", "meta", "text" or NULL */
    size_t bytes;               /* input length */
} chr_info;

typedef struct chr_role {
    const char *text;           /* normalised for display, nominative */
    const char *title;          /* head noun, lower case, nominative */
    const char *of;             /* affiliation or NULL */
    chr_span span;              /* one occurrence in the input */
} chr_role;

typedef struct chr_mention {
    chr_span span;
    chr_mention_type type;
} chr_mention;

typedef struct chr_participant {
    const char *id;             /* "p1", "p2", ... */
    chr_kind kind;
    const char *name;           /* canonical display form, nominative; NULL
                                   for a person known only by a role */
    const char *given, *patronymic, *family;   /* persons; NULL when absent */
    const chr_role *roles;
    size_t n_roles;
    const chr_mention *mentions;
    size_t n_mentions;
    const size_t *events;       /* indexes into chr_document_events() */
    size_t n_events;
} chr_participant;

typedef struct chr_time {
    const char *id;             /* "t1", ... */
    const char *text;           /* the expression as it reads (visible text) */
    chr_span span;
    const char *value;          /* TIMEX3-style value: 2022-01-10, XXXX-06-28,
                                   2022-01-10T14:00, P2W, PRESENT_REF, ... */
    chr_time_type type;
    int anchored;               /* 0 when relative and no document date */
} chr_time;

typedef struct chr_event_participant {
    size_t participant;         /* index into chr_document_participants() */
    chr_event_role role;
} chr_event_participant;

typedef struct chr_event {
    const char *id;             /* "e1", ... (document order) */
    int order;                  /* 1..N position on the timeline */
    chr_event_type type;
    const char *trigger_text;   /* visible text of the trigger */
    const char *trigger_lemma;  /* infinitive, lower case */
    chr_span trigger;
    const char *summary;        /* short readable clause */
    chr_span sentence;
    long time;                  /* index into chr_document_times(), or -1 */
    chr_tense tense;
    const chr_event_participant *participants;
    size_t n_participants;
    long place;                 /* participant index of the place, or -1 */
    const char *place_text;     /* NULL when no place */
} chr_event;

typedef struct chr_document chr_document;

/* Sets every option to its default (auto-detect, no date, no path). */
CHR_API void chr_options_init(chr_options *options);

/*
 * Parses `len` bytes.  Never fails on damaged content: malformed markup,
 * invalid UTF-8, NUL bytes and the like give a best-effort document with
 * warnings.  Returns NULL only for the conditions of chr_status, which is
 * stored in *status when `status` is not NULL.  `options` may be NULL.
 */
CHR_API chr_document *chr_parse(const char *bytes, size_t len,
                                const chr_options *options, chr_status *status);

/* Releases a document and everything reached through it.  NULL is a no-op. */
CHR_API void chr_document_free(chr_document *doc);

CHR_API const chr_info *chr_document_info(const chr_document *doc);
CHR_API size_t chr_document_warning_count(const chr_document *doc);
CHR_API const char *chr_document_warning(const chr_document *doc, size_t i);

CHR_API const chr_participant *chr_document_participants(const chr_document *doc, size_t *n);
CHR_API const chr_time *chr_document_times(const chr_document *doc, size_t *n);
CHR_API const chr_event *chr_document_events(const chr_document *doc, size_t *n);

/* Names for the enums, as the model spells them ("person", "meeting", ...). */
CHR_API const char *chr_format_name(chr_format f);
CHR_API const char *chr_language_name(chr_language l);
CHR_API const char *chr_kind_name(chr_kind k);
CHR_API const char *chr_mention_type_name(chr_mention_type t);
CHR_API const char *chr_time_type_name(chr_time_type t);
CHR_API const char *chr_event_type_name(chr_event_type t);
CHR_API const char *chr_tense_name(chr_tense t);
CHR_API const char *chr_event_role_name(chr_event_role r);
CHR_API const char *chr_status_message(chr_status s);

/* Per-stage time of the last parse, in seconds, for benchmarks. */
typedef enum chr_stage {
    CHR_STAGE_DECODE = 0,
    CHR_STAGE_SEGMENT,
    CHR_STAGE_TOKENIZE,
    CHR_STAGE_ANALYZE,
    CHR_STAGE_NAMES,
    CHR_STAGE_TIMES,
    CHR_STAGE_LINK,
    CHR_STAGE_EVENTS,
    CHR_STAGE_ORDER,
    CHR_STAGE_COUNT
} chr_stage;
CHR_API const char *chr_stage_name(chr_stage s);
CHR_API double chr_document_stage_seconds(const chr_document *doc, chr_stage s);

CHR_API const char *chr_version(void);
CHR_API const char *chr_libxml2_version(void);

#ifdef __cplusplus
}
#endif
#endif
