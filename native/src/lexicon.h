/* lexicon.h - lexicons compiled into the library at build time.

   Every file native/lexicons/NAME.tsv becomes enum value CHR_LEX_<NAME in
   upper case> (see the generated lexicon_ids.h).  File format, UTF-8:
     # comment lines and blank lines are ignored
     key<TAB>payload        (payload optional)
   Keys are folded (lower case, ё -> е) by the generator, may contain spaces,
   and are looked up folded.  Repeated keys have their payloads joined with
   '|' in file order. */
#ifndef CHR_LEXICON_H
#define CHR_LEXICON_H

#include <stddef.h>
#include "lexicon_ids.h"

/* Returns the entry's payload ("" when it has none) or NULL when key
   (len bytes, already folded) is absent.  The payload is static data. */
const char *chr_lex_get(chr_lexicon lex, const char *key, size_t len);

/* Number of entries, and the i-th key / payload (file order after merging):
   for stages that scan a whole lexicon (multi-word keys). */
size_t chr_lex_size(chr_lexicon lex);
const char *chr_lex_key(chr_lexicon lex, size_t i);
const char *chr_lex_payload(chr_lexicon lex, size_t i);

#endif
