/* events.h - shared by the events stage (events.c), its verb morphology
   (events_verb.c) and the timeline order (order.c).  Private to native/src. */
#ifndef CHR_EVENTS_H
#define CHR_EVENTS_H

#include "internal.h"

#include <string.h>

/* What a verb form says about time. */
enum chr_vform {
    CHR_VF_NONE = 0,
    CHR_VF_PAST,        /* заявил, состоялась */
    CHR_VF_PRES,        /* заявляет (present) / заявит (perfective: future) */
    CHR_VF_PART,        /* short passive participle: назначен, задержаны */
    CHR_VF_PRES_PART,   /* -ят: present of an imperfective, participle of a perfective */
    CHR_VF_INF          /* infinitive */
};

#define CHR_VERB_LEMMA_MAX 96

/* A word recognised as a form of a lexicon verb. */
typedef struct chr_verb {
    char lemma[CHR_VERB_LEMMA_MAX];  /* the lexicon key: infinitive (+ fixed words) */
    uint32_t lemma_len;
    chr_event_type type;
    uint8_t form;                    /* chr_vform */
    uint8_t perfective;
    uint8_t support;                 /* an event noun nearby gives the type */
    uint8_t plan;                    /* an infinitive complement: a planned happening */
    uint8_t attend;                  /* attendance: adds participants to a happening */
    uint8_t reflexive;
    uint8_t phrase_only;             /* a trigger only in a fixed phrase ("вести переговоры") */
} chr_verb;

/* A 16384-bit filter over whole lexicon keys: a word that misses it is in
   none of the lexicons added, so most words cost no look-up (a thousand
   keys set about 6% of the bits).  Built per parse (no global state). */
typedef struct chr_ev_filter {
    uint64_t bits[256];
} chr_ev_filter;

/* Adds the single-word keys of a lexicon (part 0); with part 1 the first
   words of its multi-word keys instead, with part 2 their second words. */
CHR_HIDDEN void chr_ev_filter_add(chr_ev_filter *f, chr_lexicon lex, int part);

/* A hash of the whole word from its first and last 8 bytes and its length:
   two loads, where a byte loop would cost more than the look-up it saves. */
static inline uint64_t chr_ev_hash(const char *w, size_t n)
{
    uint64_t a = 0, b = 0;
    if (n >= 8) {
        memcpy(&a, w, 8);
        memcpy(&b, w + n - 8, 8);
    } else if (n >= 4) {
        uint32_t x, y;
        memcpy(&x, w, 4);
        memcpy(&y, w + n - 4, 4);
        a = x;
        b = y;
    } else {
        for (size_t i = 0; i < n; i++)
            a = a << 8 | (unsigned char)w[i];
    }
    uint64_t h = (a * 0x9E3779B97F4A7C15ull) ^ (b * 0xC2B2AE3D27D4EB4Full) ^ (uint64_t)n;
    h ^= h >> 29;
    return h * 0xBF58476D1CE4E5B9ull;
}

/* The filter slot of a word's hash: its top 14 bits. */
static inline uint32_t chr_ev_filter_slot(uint64_t h)
{
    return (uint32_t)(h >> 50);
}

static inline int chr_ev_filter_test(const chr_ev_filter *f, uint32_t slot)
{
    return (int)((f->bits[slot >> 6] >> (slot & 63)) & 1);
}

/* Inline: it is asked once per word of the document. */
static inline int chr_ev_filter_has(const chr_ev_filter *f, const char *w, size_t n)
{
    return chr_ev_filter_test(f, chr_ev_filter_slot(chr_ev_hash(w, n)));
}

/* Analyses one folded word (lower case, ё -> е) of n bytes.  Returns 1 and
   fills *v when it is a form of a verb in the event_verbs lexicon.  With
   irregular 0 the event_verb_forms lexicon is known not to hold the word;
   lemmas (or NULL) filters candidate infinitives before the look-up. */
CHR_HIDDEN int chr_ev_verb(const char *w, size_t n, int irregular, const chr_ev_filter *lemmas,
                           chr_verb *v);

/* Cyrillic lower-case letter ending at byte n of w, or 0. */
static inline uint32_t chr_ev_letter_before(const char *w, size_t n)
{
    if (n < 2)
        return 0;
    unsigned char a = (unsigned char)w[n - 2], b = (unsigned char)w[n - 1];
    if ((a == 0xD0 && b >= 0xB0 && b <= 0xBF) || (a == 0xD1 && b >= 0x80 && b <= 0x8F))
        return ((uint32_t)(a & 0x1F) << 6) | (b & 0x3F);
    return 0;
}

/* Whether a folded word ends like any form chr_ev_verb reads (infinitives
   and the forms of chr_ev_finite_like included): the rest need no look-up.
   The last two letters decide, so most nouns and adjectives cost nothing.
   Inline: it is asked of most words of the document. */
static inline int chr_ev_verb_candidate(const char *w, size_t n)
{
    /* 3 Cyrillic letters at least; no verb form is longer than ~30 letters */
    if (n < 6 || n > 64)
        return 0;
    uint32_t z = chr_ev_letter_before(w, n), y = chr_ev_letter_before(w, n - 2);
    switch (z) {
    case 0x43B: case 0x442:                 /* -л, -т */
    case 0x433: case 0x440: case 0x441: case 0x437:  /* помог, умер, спас, привез */
        return 1;
    case 0x430:                             /* -ла -на -та */
    case 0x43E:                             /* -ло -но -то */
        return y == 0x43B || y == 0x43D || y == 0x442;
    case 0x438:                             /* -ли -ти */
        return y == 0x43B || y == 0x442;
    case 0x44B:                             /* -ны -ты */
        return y == 0x43D || y == 0x442;
    case 0x44C:                             /* -ть -чь -сь */
        return y == 0x442 || y == 0x447 || y == 0x441;
    case 0x44F:                             /* -ся */
        return y == 0x441;
    case 0x43D:                             /* -ен -ан -ян */
        return y == 0x435 || y == 0x430 || y == 0x44F;
    default:
        return 0;
    }
}

/* Whether a folded word reads as a past or present-tense verb of any verb
   (-л -ла -ло -ли, -ет -ит -ют -ут -ат -ят, reflexive or not). */
CHR_HIDDEN int chr_ev_finite_like(const char *w, size_t n);

/* Reads a payload of event_verbs ("statement pf plan") into *v. */
CHR_HIDDEN void chr_ev_verb_payload(const char *payload, chr_verb *v);

/* The event type named by s[0..n) ("meeting" ...), or -1. */
CHR_HIDDEN int chr_ev_type_from_name(const char *s, size_t n);

/* A mention's or time's tokens [a, b) and its index (doc->ments / doc->tms). */
typedef struct chr_ev_span {
    uint32_t a, b, idx;
} chr_ev_span;

/* The valid spans of the n mentions (times 0) or times (times 1), sorted by
   first token (longest first), malloc'd; NULL when n is 0 or on OOM (then
   doc->status says so). */
CHR_HIDDEN chr_ev_span *chr_ev_index(chr_document *doc, uint32_t n, int times, uint32_t *out_n);

/* The first span of ix[0..n) starting at or after token tok. */
static inline uint32_t chr_ev_lower_bound(const chr_ev_span *ix, uint32_t n, uint32_t tok)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (ix[mid].a < tok)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Removes from a mention index the bare roles that describe a name the
   name stage missed (their links are not to be trusted).  -1 on OOM. */
CHR_HIDDEN int chr_ev_drop_stray_nominals(chr_document *doc, chr_ev_span *ix, uint32_t *n);

/* A time mention on the document date when the text is a same-day report
   (no other day named), else -1. */
CHR_HIDDEN int32_t chr_ev_same_day(const chr_document *doc);

/* Whether every word of tokens [first, tok) reads as an adjective. */
CHR_HIDDEN int chr_ev_adjectives_before(const chr_document *doc, uint32_t first, uint32_t tok);

/* An event as events.c builds it, before publishing. */
typedef struct chr_ev_tmp {
    uint32_t sent, tok, n_tok;      /* trigger */
    uint32_t sum_a;                 /* summary start (analysed text) */
    uint32_t quote_a, quote_b;      /* quote of an attribution, else 0, 0 */
    chr_event_type type;
    chr_tense tense;
    const char *lemma;              /* arena */
    int32_t agent;                  /* doc->ments index or -1 */
    int32_t tm;                     /* doc->tms index or -1 */
    int32_t place;                  /* doc->ments index or -1 */
    const char *summary;            /* arena */
    int32_t merged_into;            /* a heading's happening told again, or -1 */
} chr_ev_tmp;

/* One participant of one event (an event may list a participant twice). */
typedef struct chr_ev_part {
    uint32_t ev;
    int32_t part;
    uint8_t role;                   /* chr_event_role */
} chr_ev_part;

/* Publishes the events (document order) with their participants: the
   entries of eps are grouped by event and de-duplicated, keeping each
   participant's strongest role.  Also fills chr_participant.events. */
CHR_HIDDEN int chr_ev_publish(chr_document *doc, const chr_ev_tmp *evs, uint32_t n_evs,
                              const chr_ev_part *eps, uint32_t n_eps);

/* Appends text s[a, b) to out with white space collapsed; returns the new
   length.  out has room for cap bytes. */
CHR_HIDDEN size_t chr_ev_put_text(const char *s, uint32_t a, uint32_t b, char *out, size_t len,
                                  size_t cap);

/* Cuts str (len bytes) to at most `chars` characters at a word boundary,
   marking the cut with "…". */
CHR_HIDDEN size_t chr_ev_clip(char *str, size_t len, size_t chars, size_t cap);

/* chr_ev_put_text into an empty out, then chr_ev_clip (chars characters,
   out of at least cap + 3 bytes): the same text. */
CHR_HIDDEN size_t chr_ev_put_clipped(const char *s, uint32_t a, uint32_t b, char *out, size_t cap,
                                     size_t chars);

/* The public time index of internal time mention tm, or -1. */
CHR_HIDDEN long chr_ev_public_time(const chr_document *doc, int32_t tm);

/* The internal time mention behind public time index `time`, or NULL. */
CHR_HIDDEN const chr_time_mention *chr_ev_time_mention(const chr_document *doc, long time);

#endif
