/* ingest_buf.h - what the ingestion files (ingest.c, ingest_markdown.c,
   ingest_align.c, markup.c) share: an offset-tracking builder of the analysed
   text, an aligner of markup text nodes against their source, and document
   metadata helpers.  Private to the ingestion stage. */
#ifndef CHR_INGEST_BUF_H
#define CHR_INGEST_BUF_H

#include "internal.h"

/* ------------------------------------------------------------ text builder
   Positions handed to the builder are byte offsets into doc->utf8.s; the
   builder composes them with doc->utf8's map so that doc->text's map points
   into the original input. */
typedef struct chr_tbuf {
    chr_document *doc;
    const chr_text *src;
    char *s;
    uint32_t *ms, *me;
    uint32_t len, cap;
    /* collapsing white space and paragraph breaks: both are emitted lazily,
       just before the next visible character, so that runs and trailing
       breaks cost nothing */
    uint8_t pending_space;      /* 1: a space is due */
    uint8_t pending_break;      /* 1: a line break is due, 2: a blank line */
    uint32_t space_at, space_end, break_at;
} chr_tbuf;

CHR_HIDDEN int chr_tb_init(chr_tbuf *tb, chr_document *doc, uint32_t hint);
CHR_HIDDEN void chr_tb_release(chr_tbuf *tb);
/* Bytes `b` (n of them) produced by the source unit [u0, u1). */
CHR_HIDDEN int chr_tb_put(chr_tbuf *tb, const char *b, uint32_t n, uint32_t u0, uint32_t u1);
/* Source bytes [u, u + n) copied as they are (each maps to itself). */
CHR_HIDDEN int chr_tb_copy(chr_tbuf *tb, uint32_t u, uint32_t n);
/* A block boundary ("\n\n") or a line break ("\n") at source position u. */
CHR_HIDDEN void chr_tb_break(chr_tbuf *tb, uint32_t u, int blank_line);
/* White space from source [u0, u1): collapses with its neighbours. */
CHR_HIDDEN void chr_tb_space(chr_tbuf *tb, uint32_t u0, uint32_t u1);
/* Text t[0, n) whose byte i came from source [us[i], ue[i]).  White space
   runs collapse to one space unless `pre`. */
CHR_HIDDEN int chr_tb_flow(chr_tbuf *tb, const char *t, uint32_t n, const uint32_t *us,
                           const uint32_t *ue, int pre);
/* Moves the result into doc->text (NUL-terminated). */
CHR_HIDDEN int chr_tb_finish(chr_tbuf *tb);

/* ----------------------------------------------------------------- aligner
   Finds each text node of a parsed markup document in its source, in
   document order, so that every analysed byte keeps its source span.  Work
   is bounded by a budget proportional to the source length. */
typedef uint32_t (*chr_entity_fn)(const char *name, size_t len);

typedef struct chr_aligner {
    const unsigned char *s;     /* the source as given to the parser */
    uint32_t len;
    uint32_t pos;               /* everything before pos has been accounted for */
    int xml;                    /* XML rules: CDATA sections, strict entities */
    chr_entity_fn entity;       /* named entities (HTML); NULL for XML's five */
    uint64_t budget;
    uint32_t failures;
    uint32_t no_gt_from;        /* no '>' at or after this offset */
    uint32_t *us, *ue;          /* per byte of the last node: source span */
    uint32_t cap;
} chr_aligner;

CHR_HIDDEN void chr_align_init(chr_aligner *a, const char *s, uint32_t len, int xml,
                               chr_entity_fn entity);
CHR_HIDDEN void chr_align_release(chr_aligner *a);
/* Aligns node text t[0, n); fills a->us / a->ue.  `raw`: the node's source
   is not entity-decoded (HTML script and style).  Returns 1 when found, 0
   when the text's spans fell back to the cursor, -1 when out of memory. */
CHR_HIDDEN int chr_align_node(chr_aligner *a, chr_document *doc, const char *t, uint32_t n,
                              int raw);

/* Reads the source from the cursor to its end without a parser: tags
   dropped (block ones, known by the `tags` lexicon, as breaks), entities
   decoded, script and style skipped.  For when the parser gave up early. */
CHR_HIDDEN int chr_align_strip(chr_aligner *a, chr_tbuf *tb, chr_lexicon tags);

/* ---------------------------------------------------------------- metadata */

/* Normalises a date as found in metadata (2022-01-10T09:00+03:00,
   2022/01/10, 10.01.2022, 20220110, Mon, 10 Jan 2022, 10 января 2022,
   January 10, 2022) to "YYYY-MM-DD" in out[11].  Returns 1 when valid. */
CHR_HIDDEN int chr_ingest_norm_date(const char *s, size_t n, char out[11]);
/* Sets the document date from metadata unless the caller gave one. */
CHR_HIDDEN void chr_ingest_set_date(chr_document *doc, const char *ymd);
/* Sets the title (white space collapsed, trimmed) unless already set. */
CHR_HIDDEN void chr_ingest_set_title(chr_document *doc, const char *s, size_t n);

/* ingest_markdown.c */
CHR_HIDDEN int chr_markdown(chr_document *doc);

#endif
