// "server-only" throws when imported outside a React Server bundle; in vitest every module is
// server code, so the import is aliased to this empty module (see vitest.config.ts).
export {};
