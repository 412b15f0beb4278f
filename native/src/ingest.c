/* ingest.c - STUB (replaced by the ingestion work): plain text only. */
#include "internal.h"
#include <stdlib.h>
#include <string.h>

int chr_ingest(chr_document *doc)
{
    doc->text = doc->utf8;
    doc->info.format = CHR_FORMAT_TEXT;
    doc->info.language = CHR_LANG_RU;
    doc->lower = malloc((size_t)doc->text.len + 1);
    if (!doc->lower) { doc->status = CHR_ERR_NOMEM; return -1; }
    chr_utf8_fold(doc->text.s, doc->text.len, doc->lower);
    doc->lower[doc->text.len] = 0;
    return 0;
}
