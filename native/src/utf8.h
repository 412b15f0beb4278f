/* utf8.h - UTF-8 decoding and the few Unicode properties chronicle needs
   (Latin, Latin-1, Latin Extended-A, Cyrillic).  Shared by the library and
   the build-time lexicon generator. */
#ifndef CHR_UTF8_H
#define CHR_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define CHR_CP_INVALID 0xFFFFFFFFu

/* Decodes one code point at s (len bytes available).  Sets *adv to the bytes
   used.  An invalid or truncated sequence yields CHR_CP_INVALID with *adv 1,
   so a caller never splits or skips a valid multi-byte character. */
uint32_t chr_utf8_next(const unsigned char *s, size_t len, size_t *adv);

/* Encodes cp (< 0x110000) into out (4 bytes room); returns the length. */
size_t chr_utf8_put(uint32_t cp, char *out);

uint32_t chr_cp_lower(uint32_t cp);
uint32_t chr_cp_upper(uint32_t cp);
int chr_cp_is_letter(uint32_t cp);
int chr_cp_is_upper(uint32_t cp);
int chr_cp_is_cyr(uint32_t cp);
int chr_cp_is_lat(uint32_t cp);
int chr_cp_is_digit(uint32_t cp);
int chr_cp_is_space(uint32_t cp);     /* ASCII spaces, NBSP, U+2000..200B, U+202F, U+3000 */
int chr_cp_is_dash(uint32_t cp);      /* U+2010..2015, U+2212 (not ASCII '-') */

/* Lower-cases and folds ё/Ё to е: the form lexicon keys take.  The output
   has exactly n bytes (every mapping keeps its length); out may equal s. */
void chr_utf8_fold(const char *s, size_t n, char *out);

/* Upper-cases the first letter of a folded word into out (n bytes, same
   length); for display forms built from lexicon keys. */
void chr_utf8_capitalize(const char *s, size_t n, char *out);

#endif
