/* fuzz_xml.c - libFuzzer entry: the whole parse of arbitrary bytes read as
   xml.  Seeds: native/fuzz/corpus/xml/. */
#include "fuzz_entry.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_parse(data, size, CHR_FORMAT_XML, NULL);
}
