/* times_tense.c - which way a weekday points: "в пятницу подписал" is the
 * Friday before the document date, "в пятницу будет подписан" the Friday
 * after.  The verb nearest to the expression within the sentence decides;
 * without one, news report the past.  Only the few weekday expressions ask,
 * and the look is bounded to 24 tokens each way. */
#include "times.h"

/* A past-tense verb form by its ending (сообщил, состоялась, прошли). */
int chr_tx_past_verb(const chr_tx_ctx *c, uint32_t k)
{
    static const char *const refl[] = {"лся", "лась", "лось", "лись"};
    static const char *const plain[] = {"ал", "ил", "ел", "ял", "ыл", "ала", "ила", "ела", "яла", "ыла",
                                        "али", "или", "ели", "яли", "ыли", "ало", "ило", "ело", "яло"};
    if (!is_word(c, k) || name_like(c, k) || tw(c, k, 'T'))
        return 0;
    const char *s = ttext(c, k);
    size_t n = tlen(c, k);
    for (size_t i = 0; i < sizeof refl / sizeof refl[0]; i++)
        if (n >= 8 && ends_with(s, n, refl[i]))
            return 1;
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
        if (n >= 8 && ends_with(s, n, plain[i]))
            return 1;
    return 0;
}

/* A non-past verb form read as future next to a weekday ("в пятницу
   проводится", "в среду подпишет"): reflexive endings are verbs anyway; the
   plain ones only when the analyser marked the word a verb. */
static int nonpast_verb(const chr_tx_ctx *c, uint32_t k)
{
    static const char *const refl[] = {"ится", "ется", "утся", "ются", "атся", "ятся"};
    static const char *const plain[] = {"ет", "ит", "ут", "ют", "ат", "ят"};
    if (!is_word(c, k) || name_like(c, k) || tw(c, k, 'T'))
        return 0;
    const char *s = ttext(c, k);
    size_t n = tlen(c, k);
    for (size_t i = 0; i < sizeof refl / sizeof refl[0]; i++)
        if (n >= 10 && ends_with(s, n, refl[i]))
            return 1;
    if (c->t[k].lex & CHR_W_VERB)
        for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
            if (ends_with(s, n, plain[i]))
                return 1;
    return 0;
}

/* Where a clause starts: the verb of "сообщила, что в четверг ...
   встретится" that governs the weekday is the one after "что", so the look
   to the left stops at a comma, colon, semicolon, dash or a subordinating
   word. */
static int clause_boundary(const chr_tx_ctx *c, uint32_t k)
{
    static const char *const words[] = {"что", "чтобы", "который", "которая", "которое",
                                        "которые", "где", "когда", "если"};
    const char *s = ttext(c, k);
    size_t n = tlen(c, k);
    if (!is_word(c, k))
        return n == 1 ? (*s == ',' || *s == ':' || *s == ';' || *s == '-')
                      : (c->t[k].flags & CHR_TF_DASH) != 0;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (n == strlen(words[i]) && memcmp(s, words[i], n) == 0)
            return 1;
    return 0;
}

/* The direction the sentence's verb nearest to [a, b) points: -1 past
   (also when nothing says: news report what happened), +1 future.  A verb
   in the weekday's own clause wins over one beyond a clause boundary. */
static int verb_dir(const chr_tx_ctx *c, uint32_t k)
{
    const char *f = tw(c, k, 'T');
    if ((f && *f == 'f') || nonpast_verb(c, k))
        return 1;
    return chr_tx_past_verb(c, k) ? -1 : 0;
}

int chr_tx_tense_dir(const chr_tx_ctx *c, uint32_t a, uint32_t b)
{
    enum { REACH = 24 };
    uint32_t boundary = UINT32_MAX;
    for (uint32_t d = 0; d < REACH; d++) {
        uint32_t r = b + d;
        int dir;
        if (r < c->se && (dir = verb_dir(c, r)) != 0)
            return dir;
        if (boundary == UINT32_MAX && a >= c->sf + d + 1) {
            uint32_t l = a - d - 1;
            if (clause_boundary(c, l))
                boundary = l;
            else if ((dir = verb_dir(c, l)) != 0)
                return dir;
        }
    }
    /* the weekday's clause has no verb: the one before the boundary speaks */
    for (uint32_t l = boundary; l != UINT32_MAX && l > c->sf && boundary - l < REACH;) {
        int dir = verb_dir(c, --l);
        if (dir)
            return dir;
    }
    return -1;
}
