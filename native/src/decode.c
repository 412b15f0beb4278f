/* decode.c - STUB (replaced by the ingestion work): UTF-8 passthrough. */
#include "internal.h"
#include <stdlib.h>
#include <string.h>

int chr_decode(chr_document *doc)
{
    doc->utf8.s = malloc((size_t)doc->in_len + 1);
    if (!doc->utf8.s) { doc->status = CHR_ERR_NOMEM; return -1; }
    for (uint32_t i = 0; i < doc->in_len; i++)
        doc->utf8.s[i] = doc->in[i] ? (char)doc->in[i] : ' ';
    doc->utf8.s[doc->in_len] = 0;
    doc->utf8.len = doc->in_len;
    return 0;
}
