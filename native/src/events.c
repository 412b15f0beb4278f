/* events.c - STUB: the stage is being written. */
#include "internal.h"

int chr_events(chr_document *doc) { (void)doc; return 0; }
