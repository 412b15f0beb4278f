/* markup.c - STUB (replaced by the ingestion work): HTML and XML via libxml2. */
#include "internal.h"
#include <libxml/xmlversion.h>

int chr_markup_html(chr_document *doc) { (void)doc; return 0; }
int chr_markup_xml(chr_document *doc) { (void)doc; return 0; }
const char *chr_libxml2_version(void) { return LIBXML_DOTTED_VERSION; }
