/* events.h - shared by the events stage (events.c), its verb morphology
   (events_verb.c) and the timeline order (order.c).  Private to native/src. */
#ifndef CHR_EVENTS_H
#define CHR_EVENTS_H

#include "internal.h"

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

/* A 16384-bit filter over (length, last bytes) of lexicon keys: a word
   that misses it is in none of the lexicons added, so most words cost no
   look-up (a thousand keys set about 6% of the bits).  Built per parse (no
   global state). */
typedef struct chr_ev_filter {
    uint64_t bits[256];
} chr_ev_filter;

/* Adds the single-word keys of a lexicon; with heads, the first words of
   its multi-word keys instead. */
CHR_HIDDEN void chr_ev_filter_add(chr_ev_filter *f, chr_lexicon lex, int heads);

static inline uint32_t chr_ev_filter_slot(const char *w, size_t n)
{
    uint32_t h = (uint32_t)(n > 63 ? 63 : n);
    for (size_t i = n >= 4 ? n - 4 : 0; i < n; i++)
        h = h * 131u + (unsigned char)w[i];
    return (h ^ (h >> 14)) & 16383u;
}

/* Inline: it is asked once per word of the document. */
static inline int chr_ev_filter_has(const chr_ev_filter *f, const char *w, size_t n)
{
    uint32_t slot = chr_ev_filter_slot(w, n);
    return (int)((f->bits[slot >> 6] >> (slot & 63)) & 1);
}

/* Analyses one folded word (lower case, ё -> е) of n bytes.  Returns 1 and
   fills *v when it is a form of a verb in the event_verbs lexicon.  With
   irregular 0 the event_verb_forms lexicon is known not to hold the word;
   lemmas (or NULL) filters candidate infinitives before the look-up. */
CHR_HIDDEN int chr_ev_verb(const char *w, size_t n, int irregular, const chr_ev_filter *lemmas,
                           chr_verb *v);

/* Whether a folded word ends like any form chr_ev_verb reads (infinitives
   and the forms of chr_ev_finite_like included): the rest need no look-up. */
CHR_HIDDEN int chr_ev_verb_candidate(const char *w, size_t n);

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

/* The public time index of internal time mention tm, or -1. */
CHR_HIDDEN long chr_ev_public_time(const chr_document *doc, int32_t tm);

/* The internal time mention behind public time index `time`, or NULL. */
CHR_HIDDEN const chr_time_mention *chr_ev_time_mention(const chr_document *doc, long time);

#endif
