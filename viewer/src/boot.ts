/**
 * The page's first script, a few kilobytes: it starts fetching the served
 * run logs at once, then loads the viewer. The viewer's code (d3, the engine,
 * the scenario parser) takes a while to compile; the logs arrive meanwhile.
 */
import { startServed } from './served.js';

// zod (in the viewer's code) finds out whether it may compile code at run time by trying to, as its schemas are
// built; this page's content-security policy forbids that, and the refused try is reported as a violation, for
// which the page's thread parses the whole shared chunk again to say where it happened (~20 ms of a fresh tab's
// open). Told beforehand (its configuration is this global, read when it loads), zod does not try.
const zodConfig = ((globalThis as { __zod_globalConfig?: Record<string, unknown> }).__zod_globalConfig ??= {});
zodConfig.jitless = true;

startServed();
void import('./main.js');
