/**
 * Imported first by each page's entry, before anything that loads zod. zod
 * finds out whether it may compile code at run time by trying to, as its
 * schemas are built; the pages' content-security policy forbids that, and the
 * refused try is reported as a violation, for which the page's thread parses
 * the whole shared chunk again to say where it happened (~20 ms of a fresh
 * tab's open). Told beforehand (its configuration is this global, read when it
 * loads), zod does not try.
 */
const zodConfig = ((globalThis as { __zod_globalConfig?: Record<string, unknown> }).__zod_globalConfig ??= {});
zodConfig.jitless = true;

export {};
