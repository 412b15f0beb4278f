/* events.c - predicates -> events (document order).

   One pass over each sentence's tokens finds triggers: verb forms of the
   event_verbs lexicon (events_verb.c) and, in verbless sentences such as
   headlines, event nouns.  Each trigger then looks at a bounded window of
   tokens around it for its clause, subject, objects, place and time, so the
   cost stays linear in the document even for one enormous "sentence".

   What is not a new happening is folded into one that is: verbs inside
   direct speech or «quotes» belong to the quote (its attribution "– заявил
   X." is the statement); a list of attendees joins the meeting just told; a
   headline's happening joins the same happening told in the lead.  A
   headline's event noun alone is no event.

   An event's time is the expression that governs it (nothing but its own
   clause in between: not a quote, a complement or a subordinate clause),
   else the time of the previous event of the same paragraph and the same
   outlook (planned happenings and reported ones never date each other),
   else, in a same-day report only, the document date; else none. */
#include "events.h"

#include <stdlib.h>
#include <string.h>

#define WINDOW 40        /* tokens either side searched for participants */
#define LEFT_MAX 30      /* tokens searched back for a subject */
#define SUMMARY_CHARS 120
#define QUOTE_CHARS 60

enum fw_tag { FW_NONE = 0, FW_PREP, FW_SUB, FW_COORD, FW_AUX_FUT, FW_AUX_PAST, FW_MODAL };

/* Punctuation classes of a token. */
enum pc {
    PC_NONE = 0, PC_COMMA, PC_SEMI, PC_COLON, PC_STOP, PC_DASH, PC_QOPEN, PC_QCLOSE,
    PC_QSTRAIGHT, PC_PAREN, PC_OTHER
};

typedef struct tinfo {
    uint8_t fw;          /* fw_tag */
    uint8_t pc;          /* pc */
    uint8_t quoted;      /* inside direct speech or «quotes» */
    uint8_t attrib;      /* right after a closing quote and a dash */
    uint8_t lower;       /* a word starting with a lower-case letter */
    uint8_t inf;         /* ends like an infinitive */
    int32_t verb;        /* index into the sentence's verbs, or -1 */
    int32_t noun;        /* index into the sentence's nouns, or -1 */
    uint32_t bar;        /* barriers (see count_barriers) before this token */
} tinfo;

typedef struct vinfo {
    uint32_t tok, n_tok;  /* trigger tokens (multi-word verbs take more) */
    chr_verb v;
} vinfo;

typedef struct ninfo {
    uint32_t tok, n_tok;
    const char *payload;  /* "LEMMA TYPE" */
} ninfo;

/* ------------------------------------------------------------ tokens */

static const char *tok_low(const chr_document *doc, const chr_token *t, size_t *n)
{
    *n = t->end - t->start;
    return doc->lower + t->start;
}

static int tok_eq(const chr_document *doc, const chr_token *t, const char *s)
{
    size_t n = strlen(s);
    return t->end - t->start == n && memcmp(doc->text.s + t->start, s, n) == 0;
}

static uint8_t punct_class(const chr_document *doc, const chr_token *t)
{
    if (t->kind == CHR_TOK_WORD || t->kind == CHR_TOK_NUMBER)
        return PC_NONE;
    if (t->flags & CHR_TF_QUOTE_OPEN)
        return PC_QOPEN;
    if (t->flags & CHR_TF_QUOTE_CLOSE)
        return PC_QCLOSE;
    if (t->flags & CHR_TF_DASH)
        return PC_DASH;
    uint32_t n = t->end - t->start;
    const char *s = doc->text.s + t->start;
    if (n == 1) {
        switch (s[0]) {
        case ',': return PC_COMMA;
        case ';': return PC_SEMI;
        case ':': return PC_COLON;
        case '.': case '!': case '?': return PC_STOP;
        case '"': return PC_QSTRAIGHT;
        case '(': case ')': return PC_PAREN;
        /* a hyphen with space before it, or opening a line, is a dash */
        case '-': return (t->flags & (CHR_TF_SPACE_BEFORE | CHR_TF_LINE_START)) ? PC_DASH : PC_OTHER;
        default: return PC_OTHER;
        }
    }
    if (tok_eq(doc, t, "–") || tok_eq(doc, t, "—") || tok_eq(doc, t, "−") ||
        tok_eq(doc, t, "‒") || tok_eq(doc, t, "―"))
        return PC_DASH;
    if (tok_eq(doc, t, "«") || tok_eq(doc, t, "“") || tok_eq(doc, t, "„"))
        return PC_QOPEN;
    if (tok_eq(doc, t, "»") || tok_eq(doc, t, "”"))
        return PC_QCLOSE;
    if (tok_eq(doc, t, "…"))
        return PC_STOP;
    return PC_OTHER;
}

static uint8_t fw_tag(const char *w, size_t n)
{
    const char *p = chr_lex_get(CHR_LEX_EVENT_FUNCTION_WORDS, w, n);
    if (!p)
        return FW_NONE;
    if (strcmp(p, "prep") == 0) return FW_PREP;
    if (strcmp(p, "sub") == 0) return FW_SUB;
    if (strcmp(p, "coord") == 0) return FW_COORD;
    if (strcmp(p, "aux_fut") == 0) return FW_AUX_FUT;
    if (strcmp(p, "aux_past") == 0) return FW_AUX_PAST;
    if (strcmp(p, "modal") == 0) return FW_MODAL;
    return FW_NONE;
}

#define ENDS(w, n, e) ((n) > sizeof e + 1 && memcmp((w) + (n) - (sizeof e - 1), e, sizeof e - 1) == 0)

static int looks_infinitive(const char *w, size_t n)
{
    return ENDS(w, n, "ть") || ENDS(w, n, "ти") || ENDS(w, n, "чь") || ENDS(w, n, "ться") ||
           ENDS(w, n, "тись") || ENDS(w, n, "чься");
}

/* Joins folded words [a, a+k) with spaces into buf; 0 when too long. */
static size_t join_words(const chr_document *doc, uint32_t a, uint32_t k, uint32_t end,
                         const char *head, size_t head_n, char *buf, size_t cap)
{
    size_t len = 0;
    if (head) {
        if (head_n >= cap)
            return 0;
        memcpy(buf, head, head_n);
        len = head_n;
    }
    for (uint32_t i = a; i < a + k; i++) {
        if (i >= end || doc->toks[i].kind != CHR_TOK_WORD)
            return 0;
        size_t n;
        const char *w = tok_low(doc, &doc->toks[i], &n);
        if (len + n + 1 >= cap)
            return 0;
        if (len)
            buf[len++] = ' ';
        memcpy(buf + len, w, n);
        len += n;
    }
    return len;
}

/* ------------------------------------------------------------ payloads */

static chr_event_type noun_type(const char *payload)
{
    const char *sp = strrchr(payload, ' ');
    int t = sp ? chr_ev_type_from_name(sp + 1, strlen(sp + 1)) : -1;
    return t >= 0 ? (chr_event_type)t : CHR_EVENT_OTHER;
}

/* ------------------------------------------------------------ the context */


/* Look-ups per distinct word, remembered: news repeats its words, and a
   hit costs a short compare instead of several hash look-ups.  The word is
   kept in the entry (not as a pointer to its first occurrence) so that a
   hit touches no cold text. */
#define MEMO_KEY 36
typedef struct word_memo {
    uint32_t hash;
    uint8_t n;                          /* key length; 0 when empty */
    uint8_t fw;
    uint8_t verb;                       /* 0 not asked, 1 no, 2 yes */
    uint8_t inf;                        /* looks_infinitive */
    uint8_t finite;                     /* chr_ev_finite_like */
    uint16_t vc;                        /* index into ctx.vcache, VC_NONE when none */
    const char *noun;                   /* event_nouns payload or NULL */
    char key[MEMO_KEY];
} word_memo;

#define VC_NONE 0xFFFF
#define VC_MAX 4096          /* verb analyses remembered per parse */

/* Slots of the memo: enough for the distinct words of the document (a
   direct-mapped table that is too small evicts a word before it comes
   again), bounded so that a short text zeroes little. */
#define MEMO_MIN 1024
#define MEMO_MAX 32768

typedef struct ctx {
    chr_document *doc;
    word_memo *memo;
    uint32_t memo_mask;                 /* slots - 1 (a power of two) */
    word_memo long_word;                /* a word too long to remember */
    chr_verb *vcache; uint32_t n_vc, cap_vc;   /* analyses of verb forms seen */
    tinfo *ti; uint32_t cap_ti;
    vinfo *vs; uint32_t n_vs, cap_vs;
    ninfo *ns; uint32_t n_ns, cap_ns;
    chr_ev_tmp *evs; uint32_t n_evs, cap_evs;
    chr_ev_part *eps; uint32_t n_eps, cap_eps;
    chr_ev_span *mix; uint32_t n_mix;       /* mentions by first token */
    chr_ev_span *tix; uint32_t n_tix;       /* times by first token */
    int32_t day_tm;
    int32_t noun_ev;                /* the last event of a heading or verbless sentence */
    chr_ev_filter fwords;           /* function words */
    chr_ev_filter nouns;            /* event nouns */
    chr_ev_filter forms;            /* irregular verb forms */
    chr_ev_filter lemmas;           /* event verbs */
    chr_ev_filter heads;            /* first words of fixed phrases ("принять участие") */
    chr_ev_filter seconds;          /* and their second words */
    /* the last meeting and its people, for "на встрече стороны обсудили" */
    int32_t last_meet;
    int32_t meet_parts[64];
    uint32_t n_meet_parts;
    /* the sentence being read */
    uint32_t s, f, n;
    uint8_t finite;                     /* some word reads as a finite verb */
    /* quote state, carried across the sentences of a paragraph */
    uint32_t para;
    uint8_t dash_quote;
    uint16_t guillemets;
    uint32_t quote_a, quote_b;          /* text of the last quote (analysed offsets) */
    /* the time to carry within a paragraph, apart for planned (future)
       happenings and the others: neither dates the other */
    uint32_t carry_para;
    int32_t carry_tm[2];
} ctx;

static void ctx_free(ctx *c)
{
    free(c->memo);
    free(c->vcache);
    free(c->ti);
    free(c->vs);
    free(c->ns);
    free(c->evs);
    free(c->eps);
    free(c->mix);
    free(c->tix);
}

static tinfo *T(ctx *c, uint32_t tok) { return &c->ti[tok - c->f]; }

static int add_part(ctx *c, uint32_t ev, int32_t ment, chr_event_role role)
{
    if (ment < 0)
        return 0;
    int32_t p = c->doc->ments[ment].participant;
    if (p < 0 || (size_t)p >= c->doc->n_parts)
        return 0;
    if (chr_grow(c->doc, (void **)&c->eps, &c->cap_eps, c->n_eps + 1, sizeof *c->eps) < 0)
        return -1;
    c->eps[c->n_eps++] = (chr_ev_part){ev, p, (uint8_t)role};
    if ((int32_t)ev == c->last_meet && c->doc->ments[ment].kind == CHR_KIND_PERSON &&
        c->n_meet_parts < sizeof c->meet_parts / sizeof c->meet_parts[0])
        c->meet_parts[c->n_meet_parts++] = p;
    return 0;
}

/* ------------------------------------------------------------ pass 1: tokens */

static int is_word(const ctx *c, uint32_t k, const char *w);

/* What separates a time expression from a predicate it does not govern:
   another predicate (an infinitive complement included), a subordinate
   clause, a dash (direct speech, its attribution), a colon or semicolon.
   A time inside quotes is never taken (best_time), but a quoted name
   between a time and its predicate ('В августе "трубопровод" начал
   работать') is no barrier, nor is a bracket ("накануне (4 июня)
   провели") or "когда", which ties its clause to the time before it ("С
   1997 года, когда был арестован").  Prefix counts make "anything
   between?" one subtraction. */
static void count_barriers(ctx *c)
{
    uint32_t end = c->f + c->n, bars = 0;
    for (uint32_t k = c->f; k < end; k++) {
        tinfo *p = T(c, k);
        p->bar = bars;
        bars += p->verb >= 0 || p->pc == PC_DASH || p->pc == PC_COLON || p->pc == PC_SEMI ||
                p->pc == PC_STOP ||
                (p->fw == FW_SUB && !is_word(c, k, "когда"));
    }
    T(c, end)->bar = bars;
}

/* fw_listed, noun_listed: the word passes the function-word or the
   event-noun filter. */
static word_memo *memo_get(ctx *c, const char *w, size_t n, uint64_t hash, int fw_listed,
                           int noun_listed)
{
    uint32_t h = (uint32_t)hash;
    word_memo *m = &c->long_word;
    if (n <= MEMO_KEY) {
        m = &c->memo[(uint32_t)(hash >> 24) & c->memo_mask];
        if (m->hash == h && m->n == n && memcmp(m->key, w, n) == 0)
            return m;
        memcpy(m->key, w, n);
        m->n = (uint8_t)n;
        m->hash = h;
    }
    m->fw = fw_listed ? fw_tag(w, n) : FW_NONE;
    m->verb = 0;
    m->vc = VC_NONE;
    m->noun = noun_listed && m->fw == FW_NONE ? chr_lex_get(CHR_LEX_EVENT_NOUNS, w, n) : NULL;
    m->inf = (uint8_t)looks_infinitive(w, n);
    m->finite = (uint8_t)chr_ev_finite_like(w, n);
    return m;
}

static int scan_tokens(ctx *c)
{
    chr_document *doc = c->doc;
    const chr_sentence *se = &doc->sents[c->s];
    if (se->paragraph != c->para || c->s == 0) {
        c->para = se->paragraph;
        c->dash_quote = 0;
        c->guillemets = 0;
    }
    if (chr_grow(doc, (void **)&c->ti, &c->cap_ti, c->n + 1, sizeof *c->ti) < 0)
        return -1;
    c->n_vs = c->n_ns = 0;
    c->finite = 0;
    uint32_t end = c->f + c->n;
    uint32_t attrib_left = 0;       /* words still eligible as attribution verbs */
    uint32_t noun_until = 0;        /* tokens taken by a two-word event noun */
    int32_t close_at = -2;          /* token index of the last closing quote */
    for (uint32_t k = c->f; k < end; k++) {
        const chr_token *t = &doc->toks[k];
        tinfo *ti = T(c, k);
        memset(ti, 0, sizeof *ti);
        ti->verb = ti->noun = -1;
        ti->pc = punct_class(doc, t);
        if (ti->pc == PC_QSTRAIGHT)
            ti->pc = c->guillemets ? PC_QCLOSE : PC_QOPEN;
        /* direct speech: a dash opening a sentence, closed by ", –" */
        if (ti->pc == PC_DASH) {
            uint8_t prev = k > c->f ? T(c, k - 1)->pc : PC_NONE;
            if (k == c->f && !c->guillemets) {
                c->dash_quote = 1;
                c->quote_a = k + 1 < end ? doc->toks[k + 1].start : t->end;
            } else if (c->dash_quote && (prev == PC_COMMA || prev == PC_STOP)) {
                c->dash_quote = 0;
                c->quote_b = doc->toks[k - 1].start;
                attrib_left = 3;
                ti->quoted = 1;
                continue;
            } else if ((int32_t)k - 1 == close_at ||
                       ((int32_t)k - 2 == close_at && prev == PC_COMMA)) {
                attrib_left = 3;
                continue;
            }
        } else if (ti->pc == PC_QOPEN) {
            if (c->guillemets < 1000)
                c->guillemets++;
            c->quote_a = t->end;
        } else if (ti->pc == PC_QCLOSE && c->guillemets) {
            c->guillemets--;
            if (!c->guillemets) {
                c->quote_b = t->start;
                close_at = (int32_t)k;
            }
            ti->quoted = 1;
            continue;
        }
        ti->quoted = c->dash_quote || c->guillemets;
        if (t->kind != CHR_TOK_WORD)
            continue;
        if (attrib_left) {
            ti->attrib = 1;
            attrib_left--;
        }
        size_t n;
        const char *w = tok_low(doc, t, &n);
        ti->lower = !(t->flags & CHR_TF_UPPER);
        /* most words are in no event lexicon and end like no verb: two
           cheap tests, and the memo stays small and warm */
        uint64_t hash = chr_ev_hash(w, n);
        uint32_t slot = chr_ev_filter_slot(hash);
        int fw_listed = chr_ev_filter_test(&c->fwords, slot);
        int noun_listed = chr_ev_filter_test(&c->nouns, slot);
        if (!fw_listed && !noun_listed && !chr_ev_verb_candidate(w, n))
            continue;
        word_memo *m = memo_get(c, w, n, hash, fw_listed, noun_listed);
        ti->fw = m->fw;
        if (ti->fw != FW_NONE)
            continue;
        ti->inf = m->inf;
        if (ti->lower && !c->finite)
            c->finite = m->finite;
        /* a capital inside a sentence starts a name, never a predicate */
        if ((t->flags & CHR_TF_UPPER) && !(t->flags & CHR_TF_ALLUPPER) && k > c->f &&
            T(c, k - 1)->pc == PC_NONE)
            continue;
        chr_verb v;
        int is_verb;
        if (m->vc != VC_NONE) {
            v = c->vcache[m->vc];
            is_verb = 1;
        } else {
            is_verb = m->verb != 1 &&
                      chr_ev_verb(w, n, chr_ev_filter_test(&c->forms, slot), &c->lemmas, &v);
            m->verb = is_verb ? 2 : 1;
            if (is_verb && m != &c->long_word && c->n_vc < VC_MAX) {
                if (chr_grow(doc, (void **)&c->vcache, &c->cap_vc, c->n_vc + 1, sizeof *c->vcache) < 0)
                    return -1;
                c->vcache[c->n_vc] = v;
                m->vc = (uint16_t)c->n_vc++;
            }
        }
        if (is_verb) {
            uint32_t ntok = 1;
            char key[160];
            /* fixed phrases: "принять участие", "подать в отставку" */
            /* both phrases need the next word as a key's second word */
            int head = k + 1 < end && doc->toks[k + 1].kind == CHR_TOK_WORD &&
                       chr_ev_filter_has(&c->heads, v.lemma, v.lemma_len) &&
                       chr_ev_filter_has(&c->seconds, doc->lower + doc->toks[k + 1].start,
                                         doc->toks[k + 1].end - doc->toks[k + 1].start);
            for (uint32_t extra = 2; head && extra >= 1; extra--) {
                size_t kl = join_words(doc, k + 1, extra, end, v.lemma, v.lemma_len, key, sizeof key);
                const char *pay = kl ? chr_lex_get(CHR_LEX_EVENT_VERBS, key, kl) : NULL;
                if (pay && kl < CHR_VERB_LEMMA_MAX) {
                    uint8_t form = v.form, refl = v.reflexive;
                    memcpy(v.lemma, key, kl);
                    v.lemma[kl] = '\0';
                    v.lemma_len = (uint32_t)kl;
                    chr_ev_verb_payload(pay, &v);
                    v.form = form;
                    v.reflexive = refl;
                    ntok = 1 + extra;
                    break;
                }
            }
            if (v.phrase_only)
                continue;       /* "вести" alone: only "вести переговоры" is a happening */
            if (chr_grow(doc, (void **)&c->vs, &c->cap_vs, c->n_vs + 1, sizeof *c->vs) < 0)
                return -1;
            c->vs[c->n_vs] = (vinfo){k, ntok, v};
            ti->verb = (int32_t)c->n_vs++;
            continue;
        }
        if (k < noun_until || !m->noun)
            continue;
        const char *pay = m->noun;
        uint32_t ntok = 1;
        if (pay && (pay[0] == '-' || pay[0] == '\0')) {
            /* the head of a two-word noun ("акция протеста") */
            char key[160];
            size_t kl = join_words(doc, k, 2, end, NULL, 0, key, sizeof key);
            pay = kl ? chr_lex_get(CHR_LEX_EVENT_NOUNS, key, kl) : NULL;
            ntok = 2;
        }
        if (pay) {
            if (chr_grow(doc, (void **)&c->ns, &c->cap_ns, c->n_ns + 1, sizeof *c->ns) < 0)
                return -1;
            c->ns[c->n_ns] = (ninfo){k, ntok, pay};
            noun_until = k + ntok;
            ti->noun = (int32_t)c->n_ns++;
        }
    }
    count_barriers(c);
    return 0;
}

/* ------------------------------------------------------------ clause helpers */

static int is_word(const ctx *c, uint32_t k, const char *w)
{
    size_t n;
    const char *s = tok_low(c->doc, &c->doc->toks[k], &n);
    return strlen(w) == n && memcmp(s, w, n) == 0;
}

/* The preposition "с" (with) governs the phrase ending at `first`: a few
   words back, nothing but words in between ("с заместителем министра X"). */
static int with_phrase(ctx *c, uint32_t first)
{
    for (uint32_t k = first; k > c->f && first - k < 5; k--) {
        const tinfo *p = T(c, k - 1);
        if (p->pc != PC_NONE)
            return 0;
        if (p->fw == FW_PREP)
            return is_word(c, k - 1, "с") || is_word(c, k - 1, "со");
        if (p->fw != FW_NONE || p->verb >= 0)
            return 0;
    }
    return 0;
}

static int prep_before(ctx *c, uint32_t first)
{
    return first > c->f && T(c, first - 1)->fw == FW_PREP;
}

/* Where the clause of the trigger at `tok` begins: back to a clause
   boundary, a subordinator, or the previous trigger of the sentence. */
static uint32_t clause_start(ctx *c, uint32_t tok, uint32_t prev_trig_end, int *hit_prev)
{
    *hit_prev = 0;
    uint32_t k = tok;
    while (k > c->f && tok - k < LEFT_MAX) {
        if (k <= prev_trig_end) {
            *hit_prev = 1;
            break;
        }
        const tinfo *p = T(c, k - 1);
        if (p->pc == PC_SEMI || p->pc == PC_COLON || p->pc == PC_STOP || p->pc == PC_DASH ||
            p->pc == PC_PAREN || p->pc == PC_QOPEN || p->pc == PC_QCLOSE || p->fw == FW_SUB)
            break;
        k--;
    }
    return k;
}

/* Where it ends: the next boundary, subordinate clause or trigger. */
static uint32_t clause_end(ctx *c, uint32_t from)
{
    uint32_t end = c->f + c->n, k = from;
    while (k < end && k - from < WINDOW) {
        const tinfo *p = T(c, k);
        if (p->pc == PC_SEMI || p->pc == PC_STOP || p->pc == PC_COLON || p->pc == PC_PAREN)
            break;
        if (p->pc == PC_DASH && k > from)
            break;
        if (p->fw == FW_SUB || (p->verb >= 0 && !p->quoted && k > from))
            break;
        k++;
    }
    return k;
}

/* 0 nominative, 1 probably, -1 not a subject. */
static int subject_rank(ctx *c, const chr_ent_mention *m, int after)
{
    if (m->gram_case != CHR_CASE_UNKNOWN && m->gram_case != CHR_CASE_NOM)
        return -1;
    if (prep_before(c, m->tok_first) || with_phrase(c, m->tok_first))
        return -1;
    /* "лидеры стран ОДКБ": a name right after a common noun is its genitive
       (acronyms do not decline, so their case guess cannot tell) */
    if (!after && m->kind != CHR_KIND_PERSON && m->tok_first > c->f) {
        const tinfo *p = T(c, m->tok_first - 1);
        const chr_token *pt = &c->doc->toks[m->tok_first - 1];
        if (p->pc == PC_NONE && p->lower && p->fw == FW_NONE && p->verb < 0 &&
            !(pt->lex & CHR_W_TITLE))
            return -1;
    }
    return m->gram_case == CHR_CASE_NOM ? 0 : 1;
}

static int agent_kind_ok(const chr_ent_mention *m, int allow_loc)
{
    return m->kind == CHR_KIND_PERSON || m->kind == CHR_KIND_ORGANIZATION ||
           m->kind == CHR_KIND_GROUP || (allow_loc && m->kind == CHR_KIND_LOCATION);
}

static int32_t find_agent_left(ctx *c, uint32_t lb, uint32_t trig)
{
    int32_t best = -1;
    int best_rank = 2;
    uint32_t best_end = 0;
    for (int pass = 0; pass < 2 && best < 0; pass++) {
        uint32_t lo = chr_ev_lower_bound(c->mix, c->n_mix, lb);
        for (uint32_t i = lo; i < c->n_mix && c->mix[i].a < trig; i++) {
            const chr_ent_mention *m = &c->doc->ments[c->mix[i].idx];
            if (c->mix[i].b > trig || !agent_kind_ok(m, pass == 1))
                continue;
            if (pass == 1 && m->kind != CHR_KIND_LOCATION)
                continue;
            int r = subject_rank(c, m, 0);
            if (r < 0)
                continue;
            if (r < best_rank || (r == best_rank && c->mix[i].b > best_end)) {
                best = (int32_t)c->mix[i].idx;
                best_rank = r;
                best_end = c->mix[i].b;
            }
        }
    }
    return best;
}

static int32_t find_agent_right(ctx *c, uint32_t from, int relaxed)
{
    uint32_t end = c->f + c->n, lim = from;
    /* only words between the verb and its subject ("заявил Глава государства") */
    while (lim < end && lim < from + 4 && T(c, lim)->pc == PC_NONE)
        lim++;
    uint32_t lo = chr_ev_lower_bound(c->mix, c->n_mix, from);
    for (uint32_t i = lo; i < c->n_mix && c->mix[i].a < lim; i++) {
        const chr_ent_mention *m = &c->doc->ments[c->mix[i].idx];
        if (!agent_kind_ok(m, 0))
            continue;
        int r = subject_rank(c, m, 1);
        if (r == 0 || (r == 1 && relaxed))
            return (int32_t)c->mix[i].idx;
    }
    return -1;
}

/* The event noun nearest the verb: after it (its subject or object) or just
   before it ("Встреча прошла"), with only words in between. */
static int32_t noun_near(ctx *c, uint32_t tok, uint32_t ntok)
{
    uint32_t end = c->f + c->n;
    for (uint32_t k = tok + ntok; k < end && k < tok + ntok + 4; k++) {
        const tinfo *p = T(c, k);
        if (p->noun >= 0 && !p->quoted)
            return p->noun;
        if (p->pc != PC_NONE || p->verb >= 0)
            break;
    }
    /* back over the subject's genitive chain ("Саммит глав государств
       Каспийского региона завершился") */
    for (uint32_t k = tok; k > c->f && tok - k < 6; k--) {
        const tinfo *p = T(c, k - 1);
        if (p->noun >= 0 && !p->quoted && !prep_before(c, k - 1))
            return p->noun;
        if (p->pc != PC_NONE || p->verb >= 0)
            break;
    }
    return -1;
}

/* A location after в/во/на, not inside a topic ("о ситуации в Казахстане"). */
static int place_ok(ctx *c, uint32_t first)
{
    if (first <= c->f)
        return 0;
    uint32_t p = first - 1;
    if (!(is_word(c, p, "в") || is_word(c, p, "во") || is_word(c, p, "на")))
        return 0;
    for (uint32_t k = p; k > c->f && p - k < 3; k--)
        if (T(c, k - 1)->fw == FW_PREP &&
            (is_word(c, k - 1, "о") || is_word(c, k - 1, "об") || is_word(c, k - 1, "обо")))
            return 0;
    return 1;
}

/* ------------------------------------------------------------ summaries */

/* attrib: a quote attribution; whole: a verbless sentence, told whole (a
   noun alone, "форум", reads as nothing) */
static const char *summary(ctx *c, const chr_ev_tmp *e, int attrib, int whole)
{
    chr_document *doc = c->doc;
    uint32_t end = c->f + c->n;
    uint32_t trig_end = e->tok + e->n_tok;
    uint32_t k = trig_end;
    if (attrib) {
        while (k < end && T(c, k)->pc != PC_STOP && T(c, k)->pc != PC_COLON &&
               T(c, k)->pc != PC_SEMI && T(c, k)->pc != PC_QOPEN && T(c, k)->pc != PC_DASH)
            k++;
        while (k > trig_end && T(c, k - 1)->pc != PC_NONE)
            k--;
    } else {
        while (k < end && k - trig_end < 60) {
            const tinfo *p = T(c, k);
            if (p->pc == PC_SEMI || p->pc == PC_STOP)
                break;
            if (!whole && (p->pc == PC_COLON || p->pc == PC_DASH || p->pc == PC_PAREN))
                break;
            if (p->pc == PC_COMMA && !whole) {
                /* "отметил, что ..." reads better with its content */
                if (k == trig_end && k + 1 < end &&
                    (T(c, k + 1)->fw == FW_SUB || is_word(c, k + 1, "как"))) {
                    k++;
                    continue;
                }
                break;
            }
            if (p->fw == FW_COORD && k + 1 < end && T(c, k + 1)->verb >= 0)
                break;
            k++;
        }
    }
    uint32_t b = k > trig_end ? doc->toks[k - 1].end : doc->toks[trig_end - 1].end;
    char buf[1024];
    /* enough bytes for SUMMARY_CHARS characters of any script, and one more */
    size_t len = chr_ev_put_clipped(doc->text.s, e->sum_a, b, buf, 3 * SUMMARY_CHARS + 8, SUMMARY_CHARS);
    if (attrib && e->quote_b > e->quote_a) {
        char q[512];
        size_t ql = chr_ev_put_text(doc->text.s, e->quote_a, e->quote_b, q, 0, 3 * QUOTE_CHARS + 8);
        while (ql > 0 && (q[ql - 1] == ' ' || q[ql - 1] == ','))
            ql--;
        ql = chr_ev_clip(q, ql, QUOTE_CHARS, sizeof q);
        if (len + ql + 8 < sizeof buf) {
            memcpy(buf + len, ": «", 4);
            len += 4;
            memcpy(buf + len, q, ql);
            len += ql;
            memcpy(buf + len, "»", 2);
            len += 2;
        }
    }
    return chr_strndup(doc, buf, len);
}

/* ------------------------------------------------------------ pass 2: events */

/* The time expression that governs the trigger [trig, trig_end): one
   with nothing between it and the trigger but the trigger's own clause,
   nearest first.  A time inside a quote or a complement clause dates what
   is said or planned there, not this happening. */
static int32_t best_time(ctx *c, uint32_t wa, uint32_t wb, uint32_t lb, uint32_t rb, uint32_t trig,
                         uint32_t trig_end)
{
    int32_t best = -1;
    uint32_t best_score = UINT32_MAX;
    uint32_t lo = chr_ev_lower_bound(c->tix, c->n_tix, wa);
    for (uint32_t i = lo; i < c->n_tix && c->tix[i].a < wb; i++) {
        const chr_time_mention *t = &c->doc->tms[c->tix[i].idx];
        uint32_t a = c->tix[i].a, b = c->tix[i].b;
        if (b > c->f + c->n || T(c, a)->quoted)
            continue;
        if (a >= trig_end ? T(c, a)->bar != T(c, trig_end)->bar
                          : b > trig || T(c, trig)->bar != T(c, b)->bar)
            continue;
        uint32_t dist = a > trig ? a - trig : trig - a;
        uint32_t score = dist;
        if (a < lb || a >= rb)
            score += 1000;      /* outside the clause */
        if (t->type != CHR_TIME_DATE && t->type != CHR_TIME_TIME)
            score += 2000;      /* durations and sets only when nothing else */
        if (score < best_score) {
            best_score = score;
            best = (int32_t)c->tix[i].idx;
        }
    }
    return best;
}

/* The first event noun of the sentence at or after token `tok`. */
static uint32_t first_noun(const ctx *c, uint32_t tok)
{
    uint32_t lo = 0, hi = c->n_ns;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c->ns[mid].tok < tok)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* An event noun of the meeting kind in a prepositional phrase ("в ходе
   саммита", "на встрече"): the sentence speaks of a meeting already told. */
static int refers_to_meeting(ctx *c, uint32_t wa, uint32_t wb)
{
    for (uint32_t i = first_noun(c, wa); i < c->n_ns && c->ns[i].tok < wb; i++) {
        uint32_t k = c->ns[i].tok;
        if (T(c, k)->quoted || noun_type(c->ns[i].payload) != CHR_EVENT_MEETING)
            continue;
        if (prep_before(c, k) || (k > c->f + 1 && prep_before(c, k - 1)))
            return 1;
    }
    return 0;
}

/* Fills in participants, place, time and summary of event `ei`, whose
   trigger was just found in the current sentence. */
/* support: 1 a support verb, 2 an event noun alone */
static int complete_event(ctx *c, uint32_t ei, int32_t noun_before, int attrib, int support,
                          uint32_t prev_trig_end, int32_t prev_ev)
{
    chr_document *doc = c->doc;
    chr_ev_tmp *e = &c->evs[ei];
    uint32_t end = c->f + c->n;
    uint32_t trig_end = e->tok + e->n_tok;
    int hit_prev;
    uint32_t lb = clause_start(c, e->tok, prev_trig_end, &hit_prev);
    uint32_t rb = clause_end(c, trig_end);
    e->agent = -1;
    e->place = -1;
    e->sum_a = doc->toks[e->tok].start;
    if (support == 2) {
        /* a noun's names are its complements ("Визит Путина"), no subject;
           its adjectives come before it ("Внеочередная сессия") */
        e->sum_a = doc->toks[c->f].start;
    } else if (attrib) {
        e->agent = find_agent_right(c, trig_end, 1);
    } else if (noun_before >= 0) {
        /* "встреча пройдёт в Сочи": the event noun is the subject */
    } else {
        e->agent = find_agent_left(c, lb, e->tok);
        if (e->agent >= 0)
            e->sum_a = doc->ments[e->agent].start;
        else if (hit_prev && prev_ev >= 0)
            e->agent = c->evs[prev_ev].agent;   /* "обменялись ..., высказались ..." */
        if (e->agent < 0)
            e->agent = find_agent_right(c, trig_end, e->type == CHR_EVENT_STATEMENT);
    }
    if (noun_before >= 0 && doc->toks[noun_before].start < e->sum_a)
        e->sum_a = doc->toks[noun_before].start;
    else if (e->agent < 0 && !hit_prev && !support && lb < e->tok && e->tok - lb <= 8) {
        /* the subject is a common noun phrase: from the clause start, past
           any introductory phrase set off by commas */
        uint32_t k = e->tok;
        while (k > lb && T(c, k - 1)->pc != PC_COMMA)
            k--;
        if (k < e->tok)
            e->sum_a = doc->toks[k].start;
    }
    int32_t prev_meet = c->last_meet;
    int32_t keep[64];
    uint32_t nk = c->n_meet_parts;
    memcpy(keep, c->meet_parts, nk * sizeof keep[0]);
    if (e->type == CHR_EVENT_MEETING) {
        c->last_meet = (int32_t)ei;
        c->n_meet_parts = 0;
    }
    if (add_part(c, ei, e->agent, CHR_ROLE_AGENT) < 0)
        return -1;
    int persons = e->agent >= 0 && doc->ments[e->agent].kind == CHR_KIND_PERSON;

    uint32_t wa = e->tok > c->f + WINDOW ? e->tok - WINDOW : c->f;
    uint32_t wb = trig_end + WINDOW < end ? trig_end + WINDOW : end;
    int32_t loose_place = -1;
    for (uint32_t i = chr_ev_lower_bound(c->mix, c->n_mix, wa); i < c->n_mix && c->mix[i].a < wb; i++) {
        int32_t mi = (int32_t)c->mix[i].idx;
        const chr_ent_mention *m = &doc->ments[mi];
        if (c->mix[i].b > end || mi == e->agent)
            continue;
        if (m->kind == CHR_KIND_LOCATION) {
            if (place_ok(c, m->tok_first)) {
                if (e->place < 0 && m->tok_first >= lb && m->tok_first < rb)
                    e->place = mi;
                else if (loose_place < 0)
                    loose_place = mi;
            }
            continue;
        }
        chr_event_role role = CHR_ROLE_MENTIONED;
        if ((e->type == CHR_EVENT_MEETING && m->kind != CHR_KIND_ORGANIZATION) ||
            with_phrase(c, m->tok_first))
            role = CHR_ROLE_PARTICIPANT;
        else if (m->gram_case == CHR_CASE_DAT && m->tok_first >= trig_end &&
                 m->tok_first < trig_end + 4 && !prep_before(c, m->tok_first))
            role = CHR_ROLE_RECIPIENT;
        if (add_part(c, ei, mi, role) < 0)
            return -1;
        persons |= m->kind == CHR_KIND_PERSON;
    }
    if (e->place < 0)
        e->place = loose_place;
    if (e->type == CHR_EVENT_MEETING && !persons && prev_meet >= 0 &&
        refers_to_meeting(c, wa, wb)) {
        /* "В ходе саммита лидеры обменялись мнениями": the people of the
           meeting it refers to */
        for (uint32_t i = 0; i < nk; i++) {
            if (chr_grow(doc, (void **)&c->eps, &c->cap_eps, c->n_eps + 1, sizeof *c->eps) < 0)
                return -1;
            c->eps[c->n_eps++] = (chr_ev_part){ei, keep[i], CHR_ROLE_PARTICIPANT};
        }
        if (c->last_meet == (int32_t)ei) {
            memcpy(c->meet_parts, keep, nk * sizeof keep[0]);
            c->n_meet_parts = nk;
        }
    }

    e->tm = best_time(c, wa, wb, lb, rb, e->tok, trig_end);
    uint32_t para = doc->sents[c->s].paragraph;
    int future = e->tense == CHR_TENSE_FUTURE;
    if (c->carry_para != para) {
        c->carry_para = para;
        c->carry_tm[0] = c->carry_tm[1] = -1;
    }
    if (e->tm < 0)
        e->tm = c->carry_tm[future];
    else
        c->carry_tm[future] = e->tm;
    if (e->tm < 0)
        e->tm = c->day_tm;
    if (e->tm >= 0 && support == 2 && doc->doc_day != CHR_NO_DAY &&
        doc->tms[e->tm].day != CHR_NO_DAY && doc->tms[e->tm].day > doc->doc_day)
        e->tense = CHR_TENSE_FUTURE;        /* a noun alone: its date tells */
    if (e->tm >= 0 && e->tense == CHR_TENSE_PRESENT) {
        uint8_t hint = doc->tms[e->tm].tense_hint;
        if (hint == CHR_TENSE_FUTURE + 1 || hint == CHR_TENSE_PAST + 1)
            e->tense = (chr_tense)(hint - 1);
    }
    e->quote_a = attrib ? c->quote_a : 0;
    e->quote_b = attrib ? c->quote_b : 0;
    e->lemma = e->lemma ? e->lemma : "";
    e->summary = summary(c, e, attrib, support == 2);
    return e->summary ? 0 : -1;
}

static int new_event(ctx *c, uint32_t tok, uint32_t ntok, chr_event_type type, chr_tense tense,
                     const char *lemma, uint32_t lemma_len)
{
    if (chr_grow(c->doc, (void **)&c->evs, &c->cap_evs, c->n_evs + 1, sizeof *c->evs) < 0)
        return -1;
    chr_ev_tmp *e = &c->evs[c->n_evs];
    memset(e, 0, sizeof *e);
    e->sent = c->s;
    e->tok = tok;
    e->n_tok = ntok;
    e->type = type;
    e->tense = tense;
    e->agent = e->tm = e->place = e->merged_into = -1;
    e->lemma = chr_strndup(c->doc, lemma, lemma_len);
    if (!e->lemma)
        return -1;
    return (int)c->n_evs++;
}

/* The word before `tok`, skipping "не"; or UINT32_MAX. */
static uint32_t word_before(ctx *c, uint32_t tok)
{
    uint32_t k = tok;
    while (k > c->f) {
        k--;
        if (T(c, k)->pc != PC_NONE)
            return UINT32_MAX;
        if (!is_word(c, k, "не"))
            return k;
    }
    return UINT32_MAX;
}

/* An infinitive right after `from` ("договорились находиться"), or UINT32_MAX. */
static uint32_t infinitive_after(ctx *c, uint32_t from)
{
    uint32_t end = c->f + c->n;
    for (uint32_t k = from; k < end && k < from + 3; k++) {
        const tinfo *p = T(c, k);
        if (p->pc != PC_NONE)
            break;
        if (p->inf)
            return k;
        if (!is_word(c, k, "не"))
            break;
    }
    return UINT32_MAX;
}

static chr_tense tense_of(ctx *c, const vinfo *vi)
{
    const chr_verb *v = &vi->v;
    chr_tense t = CHR_TENSE_PAST;
    switch (v->form) {
    case CHR_VF_PRES: t = v->perfective ? CHR_TENSE_FUTURE : CHR_TENSE_PRESENT; break;
    case CHR_VF_PRES_PART: t = v->perfective ? CHR_TENSE_PAST : CHR_TENSE_PRESENT; break;
    case CHR_VF_INF: t = CHR_TENSE_FUTURE; break;
    default: break;
    }
    /* "будет подписан", "будут проанализированы", "может посетить" */
    uint32_t b = word_before(c, vi->tok);
    if (b != UINT32_MAX) {
        uint8_t fw = T(c, b)->fw;
        if (fw == FW_AUX_FUT || fw == FW_MODAL)
            t = CHR_TENSE_FUTURE;
        else if (fw == FW_AUX_PAST && v->form == CHR_VF_PART)
            t = CHR_TENSE_PAST;
    }
    return t;
}

/* Attendance ("В мероприятии приняли участие A, B, C"): the people join
   the happening the sentence describes, when one was just reported. */
static int attend(ctx *c, const vinfo *vi, int32_t *made)
{
    *made = -1;
    int32_t noun = -1;
    uint32_t na = vi->tok > c->f + WINDOW ? vi->tok - WINDOW : c->f;
    for (uint32_t i = first_noun(c, na); i < c->n_ns && c->ns[i].tok < vi->tok + WINDOW; i++)
        if (!T(c, c->ns[i].tok)->quoted) {
            noun = (int32_t)i;
            break;
        }
    if (c->n_evs > 0) {
        chr_ev_tmp *last = &c->evs[c->n_evs - 1];
        int near = last->sent + 3 >= c->s &&
                   c->doc->sents[last->sent].paragraph + 1 >= c->doc->sents[c->s].paragraph;
        chr_event_type nt = noun >= 0 ? noun_type(c->ns[noun].payload) : CHR_EVENT_OTHER;
        if (near && (noun < 0 || nt == last->type || nt == CHR_EVENT_OTHER)) {
            uint32_t end = c->f + c->n;
            uint32_t wa = vi->tok > c->f + WINDOW ? vi->tok - WINDOW : c->f;
            uint32_t wb = vi->tok + WINDOW < end ? vi->tok + WINDOW : end;
            for (uint32_t i = chr_ev_lower_bound(c->mix, c->n_mix, wa); i < c->n_mix && c->mix[i].a < wb; i++) {
                const chr_ent_mention *m = &c->doc->ments[c->mix[i].idx];
                if (m->kind == CHR_KIND_LOCATION || c->mix[i].b > end)
                    continue;
                chr_event_role role = m->kind == CHR_KIND_ORGANIZATION ? CHR_ROLE_MENTIONED
                                                                       : CHR_ROLE_PARTICIPANT;
                if (add_part(c, c->n_evs - 1, (int32_t)c->mix[i].idx, role) < 0)
                    return -1;
            }
            return 0;
        }
    }
    /* nothing to attach to: the attendance itself, of whatever the noun names */
    chr_event_type type = noun >= 0 ? noun_type(c->ns[noun].payload) : CHR_EVENT_MEETING;
    int ei = new_event(c, vi->tok, vi->n_tok, type, tense_of(c, vi), vi->v.lemma, vi->v.lemma_len);
    if (ei < 0)
        return -1;
    *made = ei;
    return 0;
}

static int heading_para(const ctx *c)
{
    uint32_t para = c->doc->sents[c->s].paragraph;
    return para < c->doc->n_paras && c->doc->paras[para].heading;
}

/* A headline names the happening its story then tells ("Встреча с послом"
   ... "посол встретился с"): the first event after it of the same type, in
   the next few paragraphs, is the same happening. */
static void merge_heading(ctx *c, uint32_t ei)
{
    int32_t h = c->noun_ev;
    c->noun_ev = -1;
    if (h < 0 || (uint32_t)h + 1 != ei || c->evs[h].type != c->evs[ei].type)
        return;
    const chr_sentence *a = &c->doc->sents[c->evs[h].sent], *b = &c->doc->sents[c->evs[ei].sent];
    if (b->paragraph > a->paragraph + 3)
        return;
    c->evs[h].merged_into = (int32_t)ei;
    if (c->evs[ei].tm < 0)
        c->evs[ei].tm = c->evs[h].tm;
}

static int sentence_events(ctx *c)
{
    uint32_t first_ev = c->n_evs;
    uint32_t prev_trig_end = 0;
    int32_t prev_ev = c->n_evs ? (int32_t)c->n_evs - 1 : -1;
    int attended = 0;
    for (uint32_t k = 0; k < c->n_vs; k++) {
        vinfo *vi = &c->vs[k];
        tinfo *ti = T(c, vi->tok);
        if (ti->quoted || ti->verb < 0)
            continue;
        chr_verb *v = &vi->v;
        chr_tense tense = tense_of(c, vi);
        if (v->form == CHR_VF_INF) {
            /* an infinitive is a happening only when будет / a modal governs it */
            uint32_t b = word_before(c, vi->tok);
            if (b == UINT32_MAX || (T(c, b)->fw != FW_AUX_FUT && T(c, b)->fw != FW_MODAL))
                continue;
        }
        uint32_t inf = v->plan ? infinitive_after(c, vi->tok + vi->n_tok) : UINT32_MAX;
        if (inf != UINT32_MAX) {
            tinfo *it = T(c, inf);
            if (it->verb >= 0) {
                /* a happening of its own, planned: "собирается посетить",
                   "договорились провести встречу", "пообещал приехать" */
                c->vs[it->verb].v.form = CHR_VF_PRES;
                c->vs[it->verb].v.perfective = 1;
                if (v->type == CHR_EVENT_OTHER)
                    continue;           /* "собирается", "решили": only the plan */
            } else if (v->type != CHR_EVENT_STATEMENT) {
                /* "договорились находиться в контакте": what was agreed is
                   still to come; a promise, though, was made */
                tense = CHR_TENSE_FUTURE;
            }
        }
        if (v->attend) {
            int32_t made;
            if (attend(c, vi, &made) < 0)
                return -1;
            attended = 1;
            if (made < 0)
                continue;
            if (complete_event(c, (uint32_t)made, -1, 0, 0, prev_trig_end, prev_ev) < 0)
                return -1;
            prev_trig_end = vi->tok + vi->n_tok;
            prev_ev = made;
            continue;
        }
        chr_event_type type = v->type;
        int32_t noun_before = -1;
        if (v->support || v->type == CHR_EVENT_OTHER) {
            int32_t ni = noun_near(c, vi->tok, vi->n_tok);
            if (ni >= 0) {
                type = noun_type(c->ns[ni].payload);
                if (c->ns[ni].tok < vi->tok)
                    noun_before = (int32_t)c->ns[ni].tok;
            } else if (v->support) {
                type = CHR_EVENT_OTHER;     /* "провёл прекрасную гонку" */
            }
        }
        int ei = new_event(c, vi->tok, vi->n_tok, type, tense, v->lemma, v->lemma_len);
        if (ei < 0)
            return -1;
        int attrib = ti->attrib && v->type == CHR_EVENT_STATEMENT;
        if (complete_event(c, (uint32_t)ei, noun_before, attrib, v->support, prev_trig_end, prev_ev) < 0)
            return -1;
        merge_heading(c, (uint32_t)ei);
        if (heading_para(c))
            c->noun_ev = ei;
        prev_trig_end = vi->tok + vi->n_tok;
        prev_ev = ei;
    }
    if (c->n_evs > first_ev || attended)
        return 0;
    /* A headline names a happening the story tells (or does not): without
       a verb it is no event of its own.  A sentence with a predicate
       outside the lexicon is not verbless. */
    if (heading_para(c) || c->finite)
        return 0;
    uint32_t words = 0;
    for (uint32_t k = c->f; k < c->f + c->n && words < 2; k++)
        words += c->doc->toks[k].kind == CHR_TOK_WORD;
    if (words < 2)
        return 0;       /* a noun alone says nothing readable */
    /* a verbless sentence (a caption, a list item): its first free event noun */
    for (uint32_t k = 0; k < c->n_ns; k++) {
        const ninfo *ni = &c->ns[k];
        /* a heading names its happening first ("Внеочередная сессия ОДКБ");
           further in, the noun depends on another ("с текстом выступления") */
        if (ni->tok > c->f + 2)
            break;
        if (T(c, ni->tok)->quoted || prep_before(c, ni->tok))
            continue;
        if (ni->tok > c->f && prep_before(c, ni->tok - 1) && T(c, ni->tok - 1)->lower)
            continue;       /* "по итогам встречи" */
        if (!chr_ev_adjectives_before(c->doc, c->f, ni->tok))
            continue;       /* "Рейтинг турнира": the noun depends on another */
        const char *sp = strrchr(ni->payload, ' ');
        size_t ll = sp ? (size_t)(sp - ni->payload) : strlen(ni->payload);
        int ei = new_event(c, ni->tok, ni->n_tok, noun_type(ni->payload), CHR_TENSE_PAST,
                           ni->payload, (uint32_t)ll);
        if (ei < 0)
            return -1;
        c->noun_ev = ei;
        return complete_event(c, (uint32_t)ei, -1, 0, 2, 0, prev_ev);
    }
    return 0;
}

int chr_events(chr_document *doc)
{
    ctx c;
    memset(&c, 0, sizeof c);
    c.doc = doc;
    doc->events = NULL;
    doc->n_events = 0;
    if (!doc->lower || doc->n_toks == 0 || doc->n_sents == 0)
        return chr_ev_publish(doc, NULL, 0, NULL, 0);
    int rc = -1;
    c.mix = chr_ev_index(doc, doc->n_ments, 0, &c.n_mix);
    if ((doc->n_ments && !c.mix) || chr_ev_drop_stray_nominals(doc, c.mix, &c.n_mix) < 0)
        goto out;
    c.tix = chr_ev_index(doc, doc->n_tms, 1, &c.n_tix);
    if (doc->n_tms && !c.tix)
        goto out;
    uint32_t slots = MEMO_MIN;
    while (slots < MEMO_MAX && slots < doc->n_toks / 4)
        slots *= 2;
    c.memo_mask = slots - 1;
    c.memo = calloc(slots, sizeof *c.memo);
    if (!c.memo) {
        doc->status = CHR_ERR_NOMEM;
        goto out;
    }
    c.day_tm = chr_ev_same_day(doc);
    c.carry_para = UINT32_MAX;
    chr_ev_filter_add(&c.fwords, CHR_LEX_EVENT_FUNCTION_WORDS, 0);
    chr_ev_filter_add(&c.nouns, CHR_LEX_EVENT_NOUNS, 0);
    chr_ev_filter_add(&c.forms, CHR_LEX_EVENT_VERB_FORMS, 0);
    chr_ev_filter_add(&c.lemmas, CHR_LEX_EVENT_VERBS, 0);
    chr_ev_filter_add(&c.heads, CHR_LEX_EVENT_VERBS, 1);
    chr_ev_filter_add(&c.seconds, CHR_LEX_EVENT_VERBS, 2);
    c.last_meet = -1;
    c.noun_ev = -1;
    c.para = UINT32_MAX;
    for (uint32_t s = 0; s < doc->n_sents; s++) {
        const chr_sentence *se = &doc->sents[s];
        if (se->n_tokens == 0 || se->first_token + se->n_tokens > doc->n_toks)
            continue;
        c.s = s;
        c.f = se->first_token;
        c.n = se->n_tokens;
        if (scan_tokens(&c) < 0 || sentence_events(&c) < 0)
            goto out;
    }
    rc = chr_ev_publish(doc, c.evs, c.n_evs, c.eps, c.n_eps);
out:
    ctx_free(&c);
    return doc->status != CHR_OK ? -1 : rc;
}
