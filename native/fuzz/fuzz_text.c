/* fuzz_text.c - libFuzzer entry: the whole parse of arbitrary bytes read as
   text.  Seeds: native/fuzz/corpus/text/. */
#include "fuzz_entry.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_parse(data, size, CHR_FORMAT_TEXT, NULL);
}
