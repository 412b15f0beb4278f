/* morph.h - Russian inflection helpers for names and titles.

   Everything here works on single words (UTF-8, as written) and returns
   candidate nominative forms with the cases and genders under which the
   written form is that nominative inflected.  Given names and titles are
   verified against the lexicons; surnames are guessed from their shape, so
   callers intersect the candidates with what the context says (the case of
   the given name next to it, an earlier nominative in the document). */
#ifndef CHR_MORPH_H
#define CHR_MORPH_H

#include <stddef.h>
#include <stdint.h>

#include "internal.h"


/* bit (1 << chr_case) for each case a form may be */
#define CHR_CM(c) ((uint8_t)(1u << (c)))
#define CHR_CM_ALL ((uint8_t)0x7E)
#define CHR_G_M 1u
#define CHR_G_F 2u
#define CHR_G_ANY 3u

#define CHR_MORPH_MAX 12
#define CHR_MORPH_WORD 96     /* longest nominative kept, bytes with NUL */

typedef struct chr_name_form {
    char nom[CHR_MORPH_WORD];   /* nominative, capitalised as written */
    uint8_t cases;              /* CHR_CM bits */
    uint8_t gender;             /* CHR_G_* bits */
    uint8_t prio;               /* 0 = the likeliest reading */
} chr_name_form;

/* chr_utf8_fold with a fast path for ASCII and Cyrillic, which is all that
   names and titles hold: the same output, byte for byte. */
CHR_HIDDEN void chr_morph_fold(const char *s, size_t n, char *out);

/* First names: forms whose nominative is in the given-names lexicon.
   Returns the number of forms written (0: not a first name). */
CHR_HIDDEN int chr_morph_given(const char *w, size_t n, chr_name_form *out, int max);

/* Patronymics (-ович, -евна, -ич ...) in any case. */
CHR_HIDDEN int chr_morph_patronymic(const char *w, size_t n, chr_name_form *out, int max);

/* Surnames in any case, from their shape and the surnames lexicon. */
CHR_HIDDEN int chr_morph_surname(const char *w, size_t n, chr_name_form *out, int max);

/* How surely a capitalised word is a surname by its shape alone:
   0 not at all, 1 possible, 2 typical (-ов, -ин, -ский, -енко, -ян ... in
   any case), 3 a listed surname.  `folded` is the folded word. */
CHR_HIDDEN int chr_morph_surname_shape(const char *folded, size_t n);

/* chr_morph_surname_shape without the surnames lexicon: 1 or 2. */
CHR_HIDDEN int chr_morph_surname_ending(const char *folded, size_t n);

/* Picks the form among `f` that fits the wanted cases and genders best
   (any when 0); returns its index, or -1 when n == 0. */
CHR_HIDDEN int chr_morph_pick(const chr_name_form *f, int n, uint8_t cases, uint8_t gender);

/* A title word (noun or the adjective of a multi-word title) in any case:
   writes its folded nominative lemma into `lemma` and returns the payload
   of the titles lexicon, or NULL.  *cases gets the CHR_CM bits, *plural 0
   (singular), 1 (plural) or 2 (either). */
CHR_HIDDEN const char *chr_morph_title(const char *folded, size_t n, char *lemma, size_t cap,
                                         uint8_t *cases, uint8_t *plural);

/* A rough nominative of a capitalised noun in the genitive (a country or
   organisation after a title: "Казахстана" -> "Казахстан"), written to out
   (cap bytes); returns its length. */
CHR_HIDDEN size_t chr_morph_noun_nom(const char *w, size_t n, char *out, size_t cap);

#endif
