/* binding.c - the Lua C-API binding: chronicle's model as Lua tables.
 *
 * The only file that includes lua.h.  Builds unchanged for Lua 5.4 and
 * LuaJIT (5.1 API).  The native document lives in a userdata box with a
 * __gc, so that a Lua error raised while the tables are built (out of
 * memory) cannot leak it; the box is emptied as soon as the conversion
 * is done. */
#include "chronicle.h"
#include "compat.h"

#include <string.h>

#define BOX_META "chronicle.document"

typedef struct doc_box { chr_document *doc; } doc_box;

static int box_gc(lua_State *L)
{
    doc_box *box = luaL_checkudata(L, 1, BOX_META);
    chr_document_free(box->doc);   /* safe to run twice: emptied below */
    box->doc = NULL;
    return 0;
}

static void set_str(lua_State *L, const char *key, const char *value)
{
    if (value) {
        lua_pushstring(L, value);
        lua_setfield(L, -2, key);
    }
}

static void set_lstr(lua_State *L, const char *key, const char *s, size_t n)
{
    lua_pushlstring(L, s, n);
    lua_setfield(L, -2, key);
}

static void set_int(lua_State *L, const char *key, lua_Integer value)
{
    lua_pushinteger(L, value);
    lua_setfield(L, -2, key);
}

static void set_span(lua_State *L, const chr_span *s, int with_line)
{
    set_int(L, "start", (lua_Integer)s->start);
    set_int(L, "end", (lua_Integer)s->end);
    if (with_line) {
        set_int(L, "line", (lua_Integer)s->line);
        set_int(L, "col", (lua_Integer)s->col);
    }
}

static const char *checked_option(lua_State *L, int opts, const char *key)
{
    const char *v = NULL;
    lua_getfield(L, opts, key);
    if (!lua_isnil(L, -1)) {
        if (lua_type(L, -1) != LUA_TSTRING)
            luaL_error(L, "bad option '%s' (string expected, got %s)", key, luaL_typename(L, -1));
        v = lua_tostring(L, -1);
    }
    lua_pop(L, 1);  /* the string stays alive: opts holds it */
    return v;
}

static int pick(lua_State *L, const char *key, const char *v, const char *const *names, int n)
{
    if (!v)
        return 0;
    for (int i = 0; i < n; i++)
        if (strcmp(v, names[i]) == 0)
            return i;
    return luaL_error(L, "bad option '%s' (unknown value '%s')", key, v);
}

static int valid_date_shape(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    return 1;
}

static void push_document(lua_State *L, const chr_document *doc, const char *path)
{
    const chr_info *info = chr_document_info(doc);
    lua_createtable(L, 0, 9);
    set_str(L, "path", path);
    set_str(L, "format", chr_format_name(info->format));
    set_str(L, "language", chr_language_name(info->language));
    set_str(L, "title", info->title);
    set_str(L, "date", info->date);
    set_str(L, "date_source", info->date_source);
    set_int(L, "bytes", (lua_Integer)info->bytes);
    size_t nw = chr_document_warning_count(doc);
    lua_createtable(L, (int)nw, 0);
    for (size_t i = 0; i < nw; i++) {
        lua_pushstring(L, chr_document_warning(doc, i));
        lua_rawseti(L, -2, (int)i + 1);
    }
    lua_setfield(L, -2, "warnings");
}

static void push_participants(lua_State *L, const chr_document *doc, const char *text, size_t len)
{
    size_t np, ne;
    const chr_participant *ps = chr_document_participants(doc, &np);
    const chr_event *es = chr_document_events(doc, &ne);
    lua_createtable(L, (int)np, 0);
    for (size_t i = 0; i < np; i++) {
        const chr_participant *p = &ps[i];
        lua_createtable(L, 0, 10);
        set_str(L, "id", p->id);
        set_str(L, "kind", chr_kind_name(p->kind));
        set_str(L, "name", p->name);
        set_str(L, "given", p->given);
        set_str(L, "patronymic", p->patronymic);
        set_str(L, "family", p->family);
        lua_createtable(L, (int)p->n_roles, 0);
        for (size_t r = 0; r < p->n_roles; r++) {
            const chr_role *role = &p->roles[r];
            lua_createtable(L, 0, 5);
            set_str(L, "text", role->text);
            set_str(L, "title", role->title);
            set_str(L, "of", role->of);
            set_span(L, &role->span, 0);
            lua_rawseti(L, -2, (int)r + 1);
        }
        lua_setfield(L, -2, "roles");
        lua_createtable(L, (int)p->n_mentions, 0);
        for (size_t m = 0; m < p->n_mentions; m++) {
            const chr_mention *mt = &p->mentions[m];
            lua_createtable(L, 0, 6);
            set_span(L, &mt->span, 1);
            if (mt->span.end <= len && mt->span.start <= mt->span.end)
                set_lstr(L, "text", text + mt->span.start, mt->span.end - mt->span.start);
            set_str(L, "type", chr_mention_type_name(mt->type));
            lua_rawseti(L, -2, (int)m + 1);
        }
        lua_setfield(L, -2, "mentions");
        lua_createtable(L, (int)p->n_events, 0);
        for (size_t e = 0; e < p->n_events; e++) {
            if (p->events[e] < ne) {
                lua_pushstring(L, es[p->events[e]].id);
                lua_rawseti(L, -2, (int)e + 1);
            }
        }
        lua_setfield(L, -2, "events");
        lua_rawseti(L, -2, (int)i + 1);
    }
}

static void push_times(lua_State *L, const chr_document *doc)
{
    size_t nt;
    const chr_time *ts = chr_document_times(doc, &nt);
    lua_createtable(L, (int)nt, 0);
    for (size_t i = 0; i < nt; i++) {
        const chr_time *t = &ts[i];
        lua_createtable(L, 0, 9);
        set_str(L, "id", t->id);
        set_str(L, "text", t->text);
        set_span(L, &t->span, 1);
        set_str(L, "value", t->value);
        set_str(L, "type", chr_time_type_name(t->type));
        lua_pushboolean(L, t->anchored);
        lua_setfield(L, -2, "anchored");
        lua_rawseti(L, -2, (int)i + 1);
    }
}

static void push_events(lua_State *L, const chr_document *doc)
{
    size_t ne, np, nt;
    const chr_event *es = chr_document_events(doc, &ne);
    const chr_participant *ps = chr_document_participants(doc, &np);
    const chr_time *ts = chr_document_times(doc, &nt);
    lua_createtable(L, (int)ne, 0);
    for (size_t i = 0; i < ne; i++) {
        const chr_event *e = &es[i];
        lua_createtable(L, 0, 11);
        set_str(L, "id", e->id);
        set_int(L, "order", e->order);
        set_str(L, "type", chr_event_type_name(e->type));
        lua_createtable(L, 0, 4);
        set_str(L, "text", e->trigger_text);
        set_str(L, "lemma", e->trigger_lemma);
        set_span(L, &e->trigger, 0);
        lua_setfield(L, -2, "trigger");
        set_str(L, "summary", e->summary);
        lua_createtable(L, 0, 4);
        set_span(L, &e->sentence, 1);
        lua_setfield(L, -2, "sentence");
        if (e->time >= 0 && (size_t)e->time < nt) {
            const chr_time *t = &ts[e->time];
            lua_createtable(L, 0, 4);
            set_str(L, "id", t->id);
            set_str(L, "value", t->value);
            set_span(L, &t->span, 0);
            lua_setfield(L, -2, "time");
        }
        set_str(L, "tense", chr_tense_name(e->tense));
        lua_createtable(L, (int)e->n_participants, 0);
        for (size_t k = 0; k < e->n_participants; k++) {
            if (e->participants[k].participant >= np)
                continue;
            lua_createtable(L, 0, 2);
            set_str(L, "id", ps[e->participants[k].participant].id);
            set_str(L, "role", chr_event_role_name(e->participants[k].role));
            lua_rawseti(L, -2, (int)lua_objlen_compat(L, -2) + 1);
        }
        lua_setfield(L, -2, "participants");
        if (e->place >= 0 || e->place_text) {
            lua_createtable(L, 0, 2);
            set_str(L, "text", e->place_text);
            if (e->place >= 0 && (size_t)e->place < np)
                set_str(L, "id", ps[e->place].id);
            lua_setfield(L, -2, "place");
        }
        lua_rawseti(L, -2, (int)i + 1);
    }
}

static void push_timings(lua_State *L, const chr_document *doc)
{
    lua_createtable(L, 0, CHR_STAGE_COUNT);
    for (int s = 0; s < CHR_STAGE_COUNT; s++) {
        lua_pushnumber(L, chr_document_stage_seconds(doc, (chr_stage)s));
        lua_setfield(L, -2, chr_stage_name((chr_stage)s));
    }
}

/* parse(text [, opts]) -> model | nil, message */
static int l_parse(lua_State *L)
{
    static const char *const formats[] = {"auto", "text", "html", "xml", "markdown"};
    static const char *const languages[] = {"auto", "ru", "en"};
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    chr_options opt;
    chr_options_init(&opt);
    opt.nul_terminated = 1;     /* Lua strings always end in a NUL */
    int timings = 0;
    if (!lua_isnoneornil(L, 2)) {
        luaL_checktype(L, 2, LUA_TTABLE);
        opt.format = (chr_format)pick(L, "format", checked_option(L, 2, "format"), formats, 5);
        opt.language = (chr_language)pick(L, "language", checked_option(L, 2, "language"), languages, 3);
        opt.date = checked_option(L, 2, "date");
        opt.path = checked_option(L, 2, "path");
        if (opt.date && !valid_date_shape(opt.date))
            return luaL_error(L, "bad option 'date' (YYYY-MM-DD expected, got '%s')", opt.date);
        lua_getfield(L, 2, "timings");
        timings = lua_toboolean(L, -1);
        lua_pop(L, 1);
    }
    doc_box *box = lua_newuserdata(L, sizeof *box);
    box->doc = NULL;
    chr_setmetatable_named(L, BOX_META);
    int box_index = lua_gettop(L);

    chr_status status;
    box->doc = chr_parse(text, len, &opt, &status);
    if (!box->doc) {
        lua_pushnil(L);
        if (status == CHR_ERR_INVALID && opt.date)
            lua_pushfstring(L, "invalid date '%s' (no such day)", opt.date);
        else
            lua_pushstring(L, chr_status_message(status));
        return 2;
    }
    const chr_document *doc = box->doc;
    lua_createtable(L, 0, 6);
    lua_pushliteral(L, CHRONICLE_SCHEMA);
    lua_setfield(L, -2, "schema");
    push_document(L, doc, opt.path);
    lua_setfield(L, -2, "document");
    push_participants(L, doc, text, len);
    lua_setfield(L, -2, "participants");
    push_times(L, doc);
    lua_setfield(L, -2, "times");
    push_events(L, doc);
    lua_setfield(L, -2, "events");
    if (timings) {
        push_timings(L, doc);
        lua_setfield(L, -2, "timings");
    }
    /* free now rather than at the next collection: documents can be large */
    chr_document_free(box->doc);
    box->doc = NULL;
    lua_remove(L, box_index);
    return 1;
}

__attribute__((visibility("default"))) int luaopen_chronicle_native(lua_State *L);

int luaopen_chronicle_native(lua_State *L)
{
    if (luaL_newmetatable(L, BOX_META)) {
        lua_pushcfunction(L, box_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_pop(L, 1);
    lua_createtable(L, 0, 4);
    lua_pushcfunction(L, l_parse);
    lua_setfield(L, -2, "parse");
    lua_pushstring(L, chr_version());
    lua_setfield(L, -2, "version");
    lua_pushstring(L, chr_libxml2_version());
    lua_setfield(L, -2, "libxml2_version");
    lua_pushliteral(L, CHRONICLE_SCHEMA);
    lua_setfield(L, -2, "schema");
    return 1;
}
