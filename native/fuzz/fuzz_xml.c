/* fuzz_xml.c - libFuzzer entry: the whole parse of arbitrary bytes read as
   xml.
   Seeds: native/fuzz/corpus/xml/. */
#include "chronicle.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    chr_options o;
    chr_options_init(&o);
    o.format = CHR_FORMAT_XML;

    chr_status st;
    chr_document *d = chr_parse((const char *)data, size, &o, &st);
    if (d) {
        /* touch the result the way a caller would */
        const chr_info *info = chr_document_info(d);
        size_t n = 0;
        (void)info;
        chr_document_participants(d, &n);
        chr_document_events(d, &n);
        for (size_t i = 0; i < chr_document_warning_count(d); i++)
            (void)chr_document_warning(d, i);
    }
    chr_document_free(d);
    return 0;
}
