/* markup.c - HTML and XML through libxml2 (the only file that includes it).

   libxml2 decides the structure: which text is visible, where blocks begin
   and end, what the title and date are.  The analysed text is then built
   from the text nodes, each aligned against the source (ingest_align.c) so
   that offsets point at the original bytes.

   Untrusted input: a parser context per parse; no network, no external
   entity or DTD, no entity substitution (NOENT would enable expansion), no
   HUGE; no global error handler and never xmlCleanupParser(), since other
   code in the process (Neovim plugins) shares libxml2. */
#include "ingest_buf.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlversion.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

const char *chr_libxml2_version(void) { return LIBXML_DOTTED_VERSION; }

enum {
    F_BLOCK = 1 << 0, F_BR = 1 << 1, F_HIDE = 1 << 2, F_BOILER = 1 << 3, F_HEADING = 1 << 4,
    F_PARA = 1 << 5, F_RAW = 1 << 6, F_PRE = 1 << 7, F_TITLE = 1 << 8, F_DATE = 1 << 9,
    F_KNOWN = 1 << 10
};

static unsigned flags_of(const char *payload)
{
    unsigned f = F_KNOWN;
    for (; payload && *payload; payload++) {
        switch (*payload) {
        case 'b': f |= F_BLOCK; break;
        case 'n': f |= F_BR; break;
        case 'h': f |= F_HIDE; break;
        case 'x': f |= F_BOILER; break;
        case 'H': f |= F_HEADING; break;
        case 'P': f |= F_PARA; break;
        case 'r': f |= F_RAW; break;
        case 'e': f |= F_PRE; break;
        case 't': f |= F_TITLE; break;
        case 'd': f |= F_DATE; break;
        default: break;
        }
    }
    return f;
}

/* An element's flags from a lexicon, by its lower-cased name. */
static unsigned element_flags(chr_lexicon lex, const xmlNode *n)
{
    char key[48];
    size_t k = 0;
    if (lex == CHR_LEX_INGEST_XML && n->ns && n->ns->prefix) {
        /* "dc:date" is known by its prefixed name */
        for (const xmlChar *p = n->ns->prefix; *p && k < sizeof key - 2; p++)
            key[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        key[k++] = ':';
        size_t k0 = k;
        for (const xmlChar *p = n->name; *p && k < sizeof key; p++)
            key[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        const char *pl = k < sizeof key ? chr_lex_get(lex, key, k) : NULL;
        if (pl)
            return flags_of(pl);
        memmove(key, key + k0, k - k0);
        k -= k0;
    } else {
        for (const xmlChar *p = n->name; p && *p && k < sizeof key; p++)
            key[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    }
    if (k == 0 || k == sizeof key)
        return 0;
    const char *pl = chr_lex_get(lex, key, k);
    return pl ? flags_of(pl) : 0;
}

static int name_is(const xmlNode *n, const char *name)
{
    return n->name && xmlStrcasecmp(n->name, (const xmlChar *)name) == 0;
}

/* An attribute's value without allocating (NULL when absent or when it is
   not plain text). */
static const char *attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && xmlStrcasecmp(a->name, (const xmlChar *)name) == 0)
            return a->children && a->children->type == XML_TEXT_NODE && a->children->content
                       ? (const char *)a->children->content : "";
    return NULL;
}

static const char *find_ci(const char *s, const char *lit)
{
    size_t n = strlen(lit);
    for (; *s; s++) {
        size_t i = 0;
        while (i < n && s[i] && (s[i] | 0x20) == (lit[i] | 0x20))
            i++;
        if (i == n)
            return s;
    }
    return NULL;
}

static uint32_t html_entity(const char *name, size_t len)
{
    (void)len;
    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
    return e ? e->value : 0;
}

/* ------------------------------------------------------------ the source */

/* libxml2 wants valid UTF-8 without control characters; a same-length copy
   with those bytes blanked keeps every offset. */
static char *clean_source(chr_document *doc, const char **src)
{
    const unsigned char *s = (const unsigned char *)doc->utf8.s;
    uint32_t n = doc->utf8.len, i = 0;
    char *copy = NULL;
    while (i < n) {
        unsigned char c = s[i];
        size_t adv = 1;
        int bad = 0;
        if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
            i += 2;     /* Cyrillic: valid, and the bulk of the bytes */
            continue;
        }
        if (c >= 0x80)
            bad = chr_utf8_next(s + i, n - i, &adv) == CHR_CP_INVALID;
        else
            bad = c < 0x20 && c != '\n' && c != '\r' && c != '\t';
        if (bad) {
            if (!copy) {
                copy = malloc((size_t)n + 1);
                if (!copy) {
                    doc->status = CHR_ERR_NOMEM;
                    return NULL;
                }
                memcpy(copy, s, (size_t)n + 1);
            }
            copy[i] = ' ';
        }
        i += (uint32_t)adv;
    }
    *src = copy ? copy : doc->utf8.s;
    return copy;
}

/* ---------------------------------------------------------- tree walking */

typedef struct walker {
    chr_document *doc;
    chr_tbuf tb;
    chr_aligner al;
    int xml;
    /* metadata found on the way */
    char date[11];
    int date_prio;
    const xmlNode *og_title, *title_el, *first_h1, *first_xml_title;
    /* HTML: the main content */
    const xmlNode *root;
    int main_content;
    /* links side by side ("<a>ОДКБ</a><a>Казахстан</a>", tag lists) are
       separate words even without white space between them */
    const xmlNode *link, *last_link;
} walker;

static void offer_date(walker *w, const char *s, size_t n, int prio)
{
    char ymd[11];
    if (s && prio < w->date_prio && chr_ingest_norm_date(s, n, ymd)) {
        memcpy(w->date, ymd, sizeof ymd);
        w->date_prio = prio;
    }
}

/* "datePublished": "2022-01-10T..." inside JSON-LD, without a JSON parser. */
static void json_ld_date(walker *w, const char *s)
{
    const char *p = s ? find_ci(s, "\"datePublished\"") : NULL;
    if (!p)
        return;
    p += 15;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ':')
        p++;
    if (*p != '"')
        return;
    const char *e = strchr(++p, '"');
    if (e)
        offer_date(w, p, (size_t)(e - p), 3);
}

static const char *first_text(const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            return (const char *)c->content;
    return NULL;
}

static void html_meta(walker *w, const xmlNode *n)
{
    const char *content = attr(n, "content");
    if (!content)
        return;
    static const char *const keys[] = {"property", "name", "itemprop"};
    for (size_t i = 0; i < 3; i++) {
        const char *k = attr(n, keys[i]);
        if (!k || !*k)
            continue;
        size_t len = strlen(k);
        char folded[64];
        if (len >= sizeof folded)
            continue;
        for (size_t j = 0; j < len; j++)
            folded[j] = (char)(k[j] >= 'A' && k[j] <= 'Z' ? k[j] + 32 : k[j]);
        if (len == 8 && memcmp(folded, "og:title", 8) == 0 && !w->og_title)
            w->og_title = n;
        const char *prio = chr_lex_get(CHR_LEX_INGEST_DATEMETA, folded, len);
        if (prio)
            offer_date(w, content, strlen(content), atoi(prio) * 2);
    }
}

/* The length of visible text under each element is kept in its _private
   field while choosing the main content (libxml2 leaves that field to the
   application). */
#define TEXT_LEN(n) ((uintptr_t)(n)->_private)

static void add_len(xmlNode *n, uintptr_t v) { n->_private = (void *)(TEXT_LEN(n) + v); }

/* Pass 1 over an HTML tree: metadata, and the text weight of each element
   for finding the main content. */
static void html_survey(walker *w, xmlNode *top)
{
    const xmlNode *hide = NULL, *best_article = NULL, *main_el = NULL, *best_block = NULL,
                  *body = NULL;
    uintptr_t best_article_len = 0, best_block_score = 0;
    xmlNode *n = top->children;
    while (n) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            n->_private = NULL;
            unsigned f = element_flags(CHR_LEX_INGEST_HTML, n);
            descend = 1;
            if ((f & F_HIDE) && !hide)
                hide = n;
            if (name_is(n, "title") && !w->title_el)
                w->title_el = n;
            else if (name_is(n, "meta"))
                html_meta(w, n);
            else if (name_is(n, "h1") && !w->first_h1 && !hide)
                w->first_h1 = n;
            else if (name_is(n, "body") && !body)
                body = n;
            else if (name_is(n, "time")) {
                const char *dt = attr(n, "datetime");
                const char *ip = attr(n, "itemprop");
                int strong = attr(n, "pubdate") || (ip && find_ci(ip, "datepublished"));
                if (dt)
                    offer_date(w, dt, strlen(dt), strong ? 4 : 14);
            } else if (name_is(n, "script")) {
                const char *type = attr(n, "type");
                if (type && find_ci(type, "ld+json"))
                    json_ld_date(w, first_text(n));
            }
            const char *ip = attr(n, "itemprop");
            if (ip && find_ci(ip, "datepublished")) {
                /* microdata on any element: <span itemprop=datePublished content=...> */
                const char *v = attr(n, "content");
                if (!v) v = attr(n, "datetime");
                if (!v) v = first_text(n);
                if (v)
                    offer_date(w, v, strlen(v), 4);
            }
            const char *role = attr(n, "role");
            if (!main_el && (name_is(n, "main") || (role && find_ci(role, "main"))))
                main_el = n;
        } else if (n->type == XML_TEXT_NODE && !hide && n->content && n->parent) {
            /* count only letters-and-more, not indentation */
            uintptr_t len = 0;
            for (const xmlChar *p = n->content; *p; p++)
                len += *p > ' ';
            add_len(n->parent, len);
        }
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        for (;;) {
            if (n->type == XML_ELEMENT_NODE) {
                if (n == hide)
                    hide = NULL;
                uintptr_t len = TEXT_LEN(n);
                if (n->parent && n->parent->type == XML_ELEMENT_NODE)
                    add_len(n->parent, len);
                if (name_is(n, "article") && len > best_article_len) {
                    best_article = n;
                    best_article_len = len;
                }
                /* a dominant block: the element whose own paragraphs hold
                   the most text */
                uintptr_t score = 0;
                for (const xmlNode *c = n->children; c; c = c->next)
                    if (c->type == XML_ELEMENT_NODE && name_is(c, "p"))
                        score += TEXT_LEN(c);
                if (score > best_block_score) {
                    best_block = n;
                    best_block_score = score;
                }
            }
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
            if (!n || n == top)
                goto done;
        }
    }
done:;
    uintptr_t total = body ? TEXT_LEN(body) : 0;
    if (best_article && best_article_len * 5 >= total)
        w->root = best_article;
    else if (main_el)
        w->root = main_el;
    else if (best_block && best_block_score * 3 >= total && best_block_score >= 200)
        w->root = best_block;
    w->main_content = w->root != NULL;
}

static int boiler_attr(const xmlNode *n)
{
    static const char *const names[] = {"class", "id"};
    for (size_t i = 0; i < 2; i++) {
        const char *v = attr(n, names[i]);
        while (v && *v) {
            char word[32];
            size_t k = 0;
            while (*v && ((*v | 0x20) < 'a' || (*v | 0x20) > 'z'))
                v++;
            while (*v && ((*v | 0x20) >= 'a' && (*v | 0x20) <= 'z')) {
                if (k < sizeof word)
                    word[k] = (char)(*v | 0x20);
                k++;
                v++;
            }
            if (k && k < sizeof word && chr_lex_get(CHR_LEX_INGEST_BOILER, word, k))
                return 1;
        }
    }
    return 0;
}

static int hidden_attr(const xmlNode *n)
{
    if (attr(n, "hidden"))
        return 1;
    const char *aria = attr(n, "aria-hidden");
    if (aria && find_ci(aria, "true"))
        return 1;
    const char *style = attr(n, "style");
    const char *d = style ? find_ci(style, "display") : NULL;
    if (d) {
        d += 7;
        while (*d == ' ' || *d == ':')
            d++;
        if (find_ci(d, "none") == d)
            return 1;
    }
    return 0;
}

static int is_descendant(const xmlNode *n, const xmlNode *anc)
{
    for (; n; n = n->parent)
        if (n == anc)
            return 1;
    return 0;
}

/* Aligns one text node and, when visible, adds it to the analysed text. */
static int text_node(walker *w, const xmlNode *n, int visible, int raw, int pre)
{
    if (!n->content)
        return 0;
    const char *t = (const char *)n->content;
    size_t len = strlen(t);
    if (len > UINT32_MAX / 2)
        len = UINT32_MAX / 2;
    int r = chr_align_node(&w->al, w->doc, t, (uint32_t)len, raw);
    if (r < 0)
        return -1;
    if (!visible)
        return 0;
    if (w->link && w->last_link && w->link != w->last_link)
        chr_tb_space(&w->tb, w->al.us[0], w->al.us[0]);
    w->last_link = w->link;
    return chr_tb_flow(&w->tb, t, (uint32_t)len, w->al.us, w->al.ue, pre);
}

/* Pass 2: the analysed text, in document order. */
static int html_emit(walker *w, xmlNode *top)
{
    const xmlNode *hide = NULL, *h1_out = NULL;
    int in_root = w->root == NULL, pre = 0;
    if (w->first_h1 && w->root && !is_descendant(w->first_h1, w->root) &&
        !is_descendant(w->root, w->first_h1))
        h1_out = w->first_h1;
    int in_h1 = 0;
    xmlNode *n = top->children;
    while (n) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            unsigned f = element_flags(CHR_LEX_INGEST_HTML, n);
            n->_private = (void *)(uintptr_t)f;     /* for the way out and the children */
            if (n == w->root)
                in_root = 1;
            if (n == h1_out && !in_root)
                in_h1 = 1;
            if (!hide && ((f & F_HIDE) || hidden_attr(n) ||
                          (w->main_content && in_root && n != w->root &&
                           ((f & F_BOILER) || boiler_attr(n)))))
                hide = n;
            if (f & F_PRE)
                pre++;
            if (!w->link && name_is(n, "a"))
                w->link = n;
            if (!hide && (in_root || in_h1) && (f & (F_BLOCK | F_BR)))
                chr_tb_break(&w->tb, w->al.pos, (f & F_BLOCK) != 0);
            descend = 1;
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            unsigned pf = n->parent && n->parent->type == XML_ELEMENT_NODE
                              ? (unsigned)(uintptr_t)n->parent->_private : 0;
            if (text_node(w, n, !hide && (in_root || in_h1), (pf & F_RAW) != 0, pre > 0) < 0)
                return -1;
        }
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        for (;;) {
            if (n->type == XML_ELEMENT_NODE) {
                unsigned f = (unsigned)(uintptr_t)n->_private;
                if (!hide && (in_root || in_h1) && (f & F_BLOCK))
                    chr_tb_break(&w->tb, w->al.pos, 1);
                if (n == hide)
                    hide = NULL;
                if (f & F_PRE)
                    pre--;
                if (n == w->link)
                    w->link = NULL;
                if (n == w->root)
                    in_root = 0;
                if (n == h1_out)
                    in_h1 = 0;
            }
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
            if (!n || n == top)
                return 0;
        }
    }
    return 0;
}

static void html_title(walker *w)
{
    const char *og = w->og_title ? attr(w->og_title, "content") : NULL;
    if (og && *og) {
        chr_ingest_set_title(w->doc, og, strlen(og));
        return;
    }
    const xmlNode *src[] = {w->title_el, w->first_h1};
    for (size_t i = 0; i < 2 && !w->doc->info.title; i++) {
        if (!src[i])
            continue;
        xmlChar *c = xmlNodeGetContent(src[i]);
        if (c)
            chr_ingest_set_title(w->doc, (const char *)c, strlen((const char *)c));
        xmlFree(c);
    }
}

/* XML: one pass; metadata elements and block breaks from the lexicon. */
static int xml_emit(walker *w, xmlNode *top)
{
    const xmlNode *hide = NULL;
    xmlNode *n = top->children;
    int depth = 0;
    while (n) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            unsigned f = element_flags(CHR_LEX_INGEST_XML, n);
            if ((f & F_TITLE) && !w->first_xml_title && first_text(n))
                w->first_xml_title = n;
            if (f & F_DATE) {
                /* a plain <date> is the document's only in its metadata */
                int meta = hide || depth <= 1 || !name_is(n, "date");
                const char *v = attr(n, "when");
                if (!v) v = attr(n, "value");
                if (!v) v = first_text(n);
                if (meta && v)
                    offer_date(w, v, strlen(v), 2);
            }
            if ((f & F_HIDE) && !hide)
                hide = n;
            if (!hide && (f & F_BLOCK))
                chr_tb_break(&w->tb, w->al.pos, 1);
            descend = 1;
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (text_node(w, n, !hide, 0, 0) < 0)
                return -1;
        }
        if (descend && n->children) {
            n = n->children;
            depth++;
            continue;
        }
        for (;;) {
            if (n->type == XML_ELEMENT_NODE) {
                if (!hide && (element_flags(CHR_LEX_INGEST_XML, n) & F_BLOCK))
                    chr_tb_break(&w->tb, w->al.pos, 1);
                if (n == hide)
                    hide = NULL;
            }
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
            depth--;
            if (!n || n == top)
                return 0;
        }
    }
    return 0;
}

static void warn_parse(chr_document *doc, xmlParserCtxtPtr ctxt, const char *what)
{
    const xmlError *e = &ctxt->lastError;
    if (!e->message) {
        chr_warn(doc, "malformed %s, read what could be recovered", what);
        return;
    }
    size_t n = strlen(e->message);
    while (n && (e->message[n - 1] == '\n' || e->message[n - 1] == ' '))
        n--;
    chr_warn(doc, "malformed %s (line %d: %.*s), read what could be recovered", what, e->line,
             (int)(n > 200 ? 200 : n), e->message);
}

static int blank_from(const char *s, uint32_t n, uint32_t p)
{
    for (; p < n; p++)
        if (s[p] != ' ' && s[p] != '\n' && s[p] != '\r' && s[p] != '\t')
            return 0;
    return 1;
}

static int read_markup(chr_document *doc, int xml)
{
    if (doc->utf8.len == 0)
        return 0;
    const char *src;
    char *copy = clean_source(doc, &src);
    if (doc->status != CHR_OK)
        return -1;
    walker w;
    memset(&w, 0, sizeof w);
    w.doc = doc;
    w.xml = xml;
    w.date_prio = 1000;
    int rc = -1;
    xmlParserCtxtPtr ctxt = NULL;
    xmlDocPtr tree = NULL;
    /* every analysed byte consumes a source byte, but for the breaks that
       tags (longer than the breaks) cause: one allocation, touched lazily */
    if (chr_tb_init(&w.tb, doc, doc->utf8.len + 64) < 0)
        goto out;
    if (xml) {
        int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                   XML_PARSE_RECOVER | XML_PARSE_IGNORE_ENC;
#if LIBXML_VERSION >= 21300
        opts |= XML_PARSE_NO_XXE;
#endif
        ctxt = xmlNewParserCtxt();
        if (ctxt && doc->utf8.len <= INT_MAX)
            tree = xmlCtxtReadMemory(ctxt, src, (int)doc->utf8.len, NULL, "UTF-8", opts);
    } else {
        ctxt = htmlNewParserCtxt();
        if (ctxt && doc->utf8.len <= INT_MAX)
            tree = htmlCtxtReadMemory(ctxt, src, (int)doc->utf8.len, NULL, "UTF-8",
                                      HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                          HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                                          HTML_PARSE_IGNORE_ENC);
    }
    if (!ctxt) {
        doc->status = CHR_ERR_NOMEM;
        goto out;
    }
    chr_align_init(&w.al, src, doc->utf8.len, xml, xml ? NULL : html_entity);
    if (xml && tree && !ctxt->wellFormed && !ctxt->disableSAX && xmlDocGetRootElement(tree))
        warn_parse(doc, ctxt, "XML");
    if (tree && xml) {
        rc = xml_emit(&w, (xmlNode *)tree);
        if (w.first_xml_title) {
            xmlChar *c = xmlNodeGetContent(w.first_xml_title);
            if (c)
                chr_ingest_set_title(doc, (const char *)c, strlen((const char *)c));
            xmlFree(c);
        }
    } else if (tree) {
        html_survey(&w, (xmlNode *)tree);
        rc = html_emit(&w, (xmlNode *)tree);
        html_title(&w);
    } else {
        rc = 0;
    }
    if (rc == 0 && (!tree || ctxt->disableSAX || !xmlDocGetRootElement(tree)) &&
        !blank_from(src, doc->utf8.len, w.al.pos)) {
        /* The parser gave up (nesting beyond its limit of 256, a text node
           beyond 10 MB, an entity loop, no root element): what it did not
           reach is still read, with the markup stripped.  The elements it
           closed on stopping did not end there: no break for them. */
        w.tb.pending_break = 0;
        w.tb.pending_space = 0;
        uint32_t before = w.tb.len;
        rc = chr_align_strip(&w.al, &w.tb, xml ? CHR_LEX_INGEST_XML : CHR_LEX_INGEST_HTML);
        const xmlError *e = &ctxt->lastError;
        int len = e->message ? (int)strcspn(e->message, "\n") : 0;
        if (w.tb.len > before && len)
            chr_warn(doc, "the %s parser stopped at line %d (%.*s); the rest is read without markup",
                     xml ? "XML" : "HTML", e->line, len > 200 ? 200 : len, e->message);
        else if (w.tb.len > before)
            chr_warn(doc, "the %s parser read nothing; the text is read without markup",
                     xml ? "XML" : "HTML");
    }
    if (w.date_prio < 1000)
        chr_ingest_set_date(doc, w.date);
    if (w.al.failures)
        chr_warn(doc, "could not locate %u text fragments in the source; their offsets point "
                 "to the nearest known position", w.al.failures);
    chr_align_release(&w.al);
    if (rc == 0)
        rc = chr_tb_finish(&w.tb);
out:
    chr_tb_release(&w.tb);
    if (tree)
        xmlFreeDoc(tree);
    if (ctxt) {
        if (xml)
            xmlFreeParserCtxt(ctxt);
        else
            htmlFreeParserCtxt(ctxt);
    }
    free(copy);
    return doc->status == CHR_OK ? rc : -1;
}

int chr_markup_html(chr_document *doc) { return read_markup(doc, 0); }
int chr_markup_xml(chr_document *doc) { return read_markup(doc, 1); }
