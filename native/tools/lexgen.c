/* lexgen.c - build-time generator: compiles native/lexicons/NAME.tsv files into C.
 *
 *   lexgen OUT_DIR FILE.tsv...
 * writes OUT_DIR/lexicon_ids.h (enum chr_lexicon) and OUT_DIR/lexicon_data.c
 * (static open-addressing hash tables over folded keys, FNV-1a; and the
 * merged table of the organisations and places stage, see geo_hash.h).  The
 * format of the .tsv files is described in native/src/lexicon.h. */
#include "../src/utf8.h"
#include "../src/geo_hash.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry { char *key; char *payload; } entry;
typedef struct table { char name[128]; entry *e; size_t n, cap; } table;

static void die(const char *what, const char *arg)
{
    fprintf(stderr, "lexgen: %s%s%s\n", what, arg ? ": " : "", arg ? arg : "");
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) die("out of memory", NULL);
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s);
    char *p = xrealloc(NULL, n + 1);
    memcpy(p, s, n + 1);
    return p;
}

uint32_t fnv1a(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 16777619u; }
    return h;
}

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t')) s[--n] = 0;
}

static void add(table *t, char *key, const char *payload)
{
    for (size_t i = 0; i < t->n; i++) {
        if (strcmp(t->e[i].key, key) == 0) {
            if (!*payload) return;
            if (!*t->e[i].payload) { free(t->e[i].payload); t->e[i].payload = xstrdup(payload); return; }
            size_t a = strlen(t->e[i].payload), b = strlen(payload);
            t->e[i].payload = xrealloc(t->e[i].payload, a + b + 2);
            t->e[i].payload[a] = '|';
            memcpy(t->e[i].payload + a + 1, payload, b + 1);
            return;
        }
    }
    if (t->n == t->cap) { t->cap = t->cap ? t->cap * 2 : 256; t->e = xrealloc(t->e, t->cap * sizeof *t->e); }
    t->e[t->n].key = xstrdup(key);
    t->e[t->n].payload = xstrdup(payload);
    t->n++;
}

/* Linear duplicate check above is O(n^2); fine for lexicons of a few
   thousand lines, and it keeps the generator dependency-free.  Larger files
   use the hash below to skip it. */
static void load(table *t, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot open", path);
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t i = 0;
    for (; base[i] && base[i] != '.' && i + 1 < sizeof t->name; i++) {
        char c = base[i];
        if (!(isalnum((unsigned char)c) || c == '_')) die("lexicon file names are [a-z0-9_]", path);
        t->name[i] = c;
    }
    t->name[i] = 0;
    /* index for fast duplicate detection */
    size_t hcap = 1 << 16;
    size_t *hidx = calloc(hcap, sizeof *hidx);
    if (!hidx) die("out of memory", NULL);
    char line[8192];
    long lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        trim(line);
        char *p = line;
        if (lineno == 1 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF) p += 3;
        while (*p == ' ') p++;
        if (!*p || *p == '#') continue;
        char *tab = strchr(p, '\t');
        const char *payload = "";
        if (tab) { *tab = 0; payload = tab + 1; }
        trim(p);
        size_t n = strlen(p);
        if (!n) continue;
        chr_utf8_fold(p, n, p);
        if (t->n >= hcap / 2) {
            /* rebuild a larger index */
            hcap *= 4;
            free(hidx);
            hidx = calloc(hcap, sizeof *hidx);
            if (!hidx) die("out of memory", NULL);
            for (size_t k = 0; k < t->n; k++) {
                size_t h = fnv1a(t->e[k].key, strlen(t->e[k].key)) & (hcap - 1);
                while (hidx[h]) h = (h + 1) & (hcap - 1);
                hidx[h] = k + 1;
            }
        }
        size_t h = fnv1a(p, n) & (hcap - 1);
        int found = 0;
        while (hidx[h]) {
            entry *e = &t->e[hidx[h] - 1];
            if (strcmp(e->key, p) == 0) {
                found = 1;
                if (*payload) {
                    size_t a = strlen(e->payload), b = strlen(payload);
                    if (!a) { free(e->payload); e->payload = xstrdup(payload); }
                    else {
                        e->payload = xrealloc(e->payload, a + b + 2);
                        e->payload[a] = '|';
                        memcpy(e->payload + a + 1, payload, b + 1);
                    }
                }
                break;
            }
            h = (h + 1) & (hcap - 1);
        }
        if (!found) {
            size_t before = t->n;
            add(t, p, payload);   /* t->n grows by one: no duplicate by construction */
            (void)before;
            hidx[h] = t->n;
        }
    }
    free(hidx);
    fclose(f);
}

static void emit_str(FILE *o, const char *s)
{
    fputc('"', o);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') fprintf(o, "\\%c", *p);
        else if (*p < 0x20 || *p >= 0x7f) fprintf(o, "\\%03o", *p);
        else fputc(*p, o);
    }
    fputc('"', o);
}

/* ------------------------------------------- the merged geo table
   What geo_index.c would otherwise build per document: every key of the
   merged lexicons with its payload in each, every multi-word key's heads
   marked as prefixes, and the letter-prefix gates. */

typedef struct geo_ent {
    const char *key;
    size_t len;
    int prefix;
    const char *pay[CHR_GEO_LEXICONS];
} geo_ent;

typedef struct geo_build {
    geo_ent *e;
    size_t n;
    uint32_t *slots;
    size_t mask;
} geo_build;

static geo_ent *geo_put(geo_build *b, const char *k, size_t n)
{
    size_t s = chr_geo_hash(k, n) & b->mask;
    while (b->slots[s]) {
        geo_ent *g = &b->e[b->slots[s] - 1];
        if (g->len == n && memcmp(g->key, k, n) == 0)
            return g;
        s = (s + 1) & b->mask;
    }
    geo_ent *g = &b->e[b->n++];     /* sized by the caller's count */
    g->key = k;
    g->len = n;
    b->slots[s] = (uint32_t)b->n;
    return g;
}

static void emit_bytes(FILE *o, const char *s, size_t n)
{
    char *t = xrealloc(NULL, n + 1);
    memcpy(t, s, n);
    t[n] = 0;
    emit_str(o, t);
    free(t);
}

static void emit_gate(FILE *o, const char *name, uint8_t g[CHR_GEO_GATE_LEVELS][CHR_GEO_GATE_BYTES])
{
    fprintf(o, "static const uint8_t %s[%d][%d] = {\n", name, CHR_GEO_GATE_LEVELS,
            CHR_GEO_GATE_BYTES);
    for (int w = 0; w < CHR_GEO_GATE_LEVELS; w++) {
        fputs("{\n", o);
        for (int k = 0; k < CHR_GEO_GATE_BYTES; k++)
            fprintf(o, "%u,%s", g[w][k], k % 32 == 31 ? "\n" : "");
        fputs("},\n", o);
    }
    fputs("};\n", o);
}

static void emit_geo(FILE *o, const table *ts, size_t nt)
{
    static const char *const names[CHR_GEO_LEXICONS] = CHR_GEO_LEXICON_NAMES;
    const table *lex[CHR_GEO_LEXICONS];
    size_t total = 0;
    for (int l = 0; l < CHR_GEO_LEXICONS; l++) {
        lex[l] = NULL;
        for (size_t i = 0; i < nt; i++)
            if (strcmp(ts[i].name, names[l]) == 0)
                lex[l] = &ts[i];
        if (!lex[l])
            die("missing lexicon for the geo table", names[l]);
        for (size_t i = 0; i < lex[l]->n; i++) {
            total++;
            for (const char *k = lex[l]->e[i].key; *k; k++)
                total += *k == ' ';
        }
    }
    size_t cap = 16;
    while (cap < total * 2)
        cap *= 2;
    geo_build b = {calloc(total + 1, sizeof(geo_ent)), 0, calloc(cap, sizeof(uint32_t)), cap - 1};
    uint8_t(*gate)[CHR_GEO_GATE_BYTES] = calloc(CHR_GEO_GATE_LEVELS, CHR_GEO_GATE_BYTES);
    uint8_t(*dgate)[CHR_GEO_GATE_BYTES] = calloc(CHR_GEO_GATE_LEVELS, CHR_GEO_GATE_BYTES);
    if (!b.e || !b.slots || !gate || !dgate)
        die("out of memory", NULL);
    for (int l = 0; l < CHR_GEO_LEXICONS; l++) {
        for (size_t i = 0; i < lex[l]->n; i++) {
            const char *k = lex[l]->e[i].key;
            size_t kn = strlen(k);
            if (l < CHR_GEO_ENTITY_LEXICONS)
                chr_geo_gate_set(gate, CHR_GEO_GATE_MASK, k, kn);
            else
                chr_geo_gate_set(dgate, CHR_GEO_DGATE_MASK, k, kn);
            geo_put(&b, k, kn)->pay[l] = lex[l]->e[i].payload;
            for (size_t j = 0; j < kn; j++)
                if (k[j] == ' ')
                    geo_put(&b, k, j)->prefix = 1;
        }
    }
    emit_gate(o, "geo_gate", gate);
    emit_gate(o, "geo_dgate", dgate);
    fprintf(o, "static const chr_geo_entry geo_ents[] = {\n");
    for (size_t i = 0; i < b.n; i++) {
        fputs("    {", o);
        emit_bytes(o, b.e[i].key, b.e[i].len);
        fprintf(o, ", %zu, %d, {", b.e[i].len, b.e[i].prefix);
        for (int l = 0; l < CHR_GEO_LEXICONS; l++) {
            if (b.e[i].pay[l])
                emit_str(o, b.e[i].pay[l]);
            else
                fputs("0", o);
            fputs(l + 1 < CHR_GEO_LEXICONS ? ", " : "}},\n", o);
        }
    }
    fprintf(o, "    {0, 0, 0, {0}}\n};\nstatic const uint32_t geo_slots[%zu] = {\n", cap);
    for (size_t k = 0; k < cap; k++)
        fprintf(o, "%u,%s", b.slots[k], k % 16 == 15 ? "\n" : "");
    fprintf(o, "};\n\nconst chr_geo_table chr_geo_tables = {\n"
               "    geo_ents, geo_slots, %zu, %zu, geo_gate, geo_dgate\n};\n", b.n, cap - 1);
    free(b.e);
    free(b.slots);
    free(gate);
    free(dgate);
}

int main(int argc, char **argv)
{
    if (argc < 3) die("usage: lexgen OUT_DIR FILE.tsv...", NULL);
    size_t nt = (size_t)argc - 2;
    table *ts = calloc(nt, sizeof *ts);
    if (!ts) die("out of memory", NULL);
    for (size_t i = 0; i < nt; i++) load(&ts[i], argv[i + 2]);

    char path[4096];
    snprintf(path, sizeof path, "%s/lexicon_ids.h", argv[1]);
    FILE *h = fopen(path, "wb");
    if (!h) die("cannot write", path);
    fprintf(h, "/* generated by native/tools/lexgen.c from native/lexicons - do not edit */\n"
               "#ifndef CHR_LEXICON_IDS_H\n#define CHR_LEXICON_IDS_H\ntypedef enum chr_lexicon {\n");
    for (size_t i = 0; i < nt; i++) {
        fprintf(h, "    CHR_LEX_");
        for (const char *c = ts[i].name; *c; c++) fputc(toupper((unsigned char)*c), h);
        fprintf(h, ",\n");
    }
    fprintf(h, "    CHR_LEX_COUNT\n} chr_lexicon;\n#endif\n");
    fclose(h);

    snprintf(path, sizeof path, "%s/lexicon_data.c", argv[1]);
    FILE *o = fopen(path, "wb");
    if (!o) die("cannot write", path);
    fprintf(o, "/* generated by native/tools/lexgen.c from native/lexicons - do not edit */\n"
               "#include \"lexicon_table.h\"\n\n");
    for (size_t i = 0; i < nt; i++) {
        table *t = &ts[i];
        size_t cap = 16;
        while (cap < t->n * 2) cap *= 2;
        uint32_t *slots = calloc(cap, sizeof *slots);
        if (!slots) die("out of memory", NULL);
        for (size_t k = 0; k < t->n; k++) {
            size_t s = fnv1a(t->e[k].key, strlen(t->e[k].key)) & (cap - 1);
            while (slots[s]) s = (s + 1) & (cap - 1);
            slots[s] = (uint32_t)k + 1;
        }
        fprintf(o, "static const char *const %s_keys[] = {\n", t->name);
        for (size_t k = 0; k < t->n; k++) { fputs("    ", o); emit_str(o, t->e[k].key); fputs(",\n", o); }
        fprintf(o, "    0\n};\nstatic const unsigned short %s_key_len[] = {\n", t->name);
        for (size_t k = 0; k < t->n; k++) fprintf(o, "%zu,%s", strlen(t->e[k].key), k % 16 == 15 ? "\n" : "");
        fprintf(o, "0\n};\nstatic const char *const %s_payloads[] = {\n", t->name);
        for (size_t k = 0; k < t->n; k++) { fputs("    ", o); emit_str(o, t->e[k].payload); fputs(",\n", o); }
        fprintf(o, "    0\n};\nstatic const unsigned %s_slots[%zu] = {\n", t->name, cap);
        for (size_t k = 0; k < cap; k++) fprintf(o, "%u,%s", slots[k], k % 16 == 15 ? "\n" : "");
        fprintf(o, "};\n\n");
        free(slots);
        (void)cap;
    }
    fprintf(o, "const chr_lex_table chr_lex_tables[] = {\n");
    for (size_t i = 0; i < nt; i++) {
        size_t cap = 16;
        while (cap < ts[i].n * 2) cap *= 2;
        fprintf(o, "    { %s_keys, %s_key_len, %s_payloads, %s_slots, %zu, %zu },\n",
                ts[i].name, ts[i].name, ts[i].name, ts[i].name, ts[i].n, cap - 1);
    }
    fprintf(o, "};\n\n");
    emit_geo(o, ts, nt);
    fclose(o);
    return 0;
}
