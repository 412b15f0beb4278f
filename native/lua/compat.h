/* compat.h - the Lua 5.1 (LuaJIT) / 5.4 differences the binding meets. */
#ifndef CHR_LUA_COMPAT_H
#define CHR_LUA_COMPAT_H

#include <lua.h>
#include <lauxlib.h>

#if LUA_VERSION_NUM == 501
#define chr_setmetatable_named(L, name) (luaL_getmetatable(L, name), lua_setmetatable(L, -2))
#define lua_objlen_compat(L, i) lua_objlen(L, i)
#else
#define chr_setmetatable_named(L, name) luaL_setmetatable(L, name)
#define lua_objlen_compat(L, i) lua_rawlen(L, i)
#endif

#endif
