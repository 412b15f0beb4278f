/* geo_morph.h - just enough Russian noun and adjective morphology to name
   places and organisations: nominative candidates of an inflected word (to be
   confirmed against a lexicon), the nominative of an adjective in a given
   gender, and the genitive of a canonical name ("Россия" -> "России") for
   names built around it ("МИД России"). */
#ifndef CHR_GEO_MORPH_H
#define CHR_GEO_MORPH_H

#include "internal.h"

#define CHR_GEO_WORD_MAX 96     /* longer words get no candidates but themselves */
#define CHR_GEO_MAX_CANDS 28

/* Bit (1 << chr_case) per case the surface form may be in. */
#define CHR_GEO_CASE(c) (1u << (c))
#define CHR_GEO_ANY_CASE 0x7Eu

typedef struct chr_geo_cand {
    char s[CHR_GEO_WORD_MAX + 8];
    uint8_t n;
    uint8_t cases;          /* CHR_GEO_CASE bits the surface may carry */
} chr_geo_cand;

/* Nominative candidates of the folded word w (n bytes), the word itself
   first: noun paradigms (а/я/ь/consonant/ия, plural -ы) and adjective forms
   in every gender.  Returns the number written (at most max). */
CHR_HIDDEN int chr_geo_cands(const char *w, size_t n, chr_geo_cand *out, int max);

/* Length in bytes of an adjectival ending of folded w (0 when w does not
   look like an adjective). */
CHR_HIDDEN size_t chr_geo_adj_ending(const char *w, size_t n);

/* The nominative singular (gender 'm', 'f', 'n') or plural ('p') of the
   adjective spelled by surface s (n bytes, any case, capitals kept) into
   out; returns its length, or 0 when s is not adjective-shaped or does not
   fit. */
CHR_HIDDEN size_t chr_geo_adj_nominative(const char *s, size_t n, char gender, char *out,
                                         size_t cap);

/* The genitive of a canonical nominative name (display form, several words
   allowed) into out; returns its length, or 0 when it does not fit.  The
   head noun and the adjectives before it decline; what follows the head
   ("Штаты Америки") and indeclinable words (США, Перу) stay. */
CHR_HIDDEN size_t chr_geo_genitive(const char *name, char *out, size_t cap);

#endif
