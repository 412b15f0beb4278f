/* fuzz_markdown.c - libFuzzer entry: the whole parse of arbitrary bytes read as
   markdown.  Seeds: native/fuzz/corpus/markdown/. */
#include "fuzz_entry.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_parse(data, size, CHR_FORMAT_MARKDOWN, NULL);
}
