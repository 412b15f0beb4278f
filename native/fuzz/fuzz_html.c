/* fuzz_html.c - libFuzzer entry: the whole parse of arbitrary bytes read as
   html.  Seeds: native/fuzz/corpus/html/. */
#include "fuzz_entry.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_parse(data, size, CHR_FORMAT_HTML, NULL);
}
