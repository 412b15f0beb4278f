/* geo.c - STUB: organisations and places are being written. */
#include "internal.h"

int chr_orgs_places(chr_document *doc) { (void)doc; return 0; }

const char *chr_geo_canonical(chr_document *doc, uint32_t a, uint32_t b, chr_kind *kind)
{
    (void)doc; (void)a; (void)b; (void)kind;
    return NULL;
}
