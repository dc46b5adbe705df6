/**
 * The page's first script, a few kilobytes: it starts fetching the served
 * run logs at once, then loads the viewer. The viewer's code (d3, the engine,
 * the scenario parser) takes a while to compile; the logs arrive meanwhile.
 */
import './zod-jitless.js';
import { startServed } from './served.js';

startServed();
void import('./main.js');
