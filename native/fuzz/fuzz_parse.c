/* fuzz_parse.c - libFuzzer entry: the whole parse of arbitrary bytes in
   whatever format detection decides, with a document date (so relative
   times resolve).  Seeds: native/fuzz/corpus/parse/. */
#include "fuzz_entry.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_parse(data, size, CHR_FORMAT_AUTO, "2022-01-10");
}
