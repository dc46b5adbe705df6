/**
 * Why a run log could not be opened or replayed, in a form the page can say
 * in either language: `code` and `args` pick and fill a sentence of
 * i18n.ts (`failures`, `hints`); `message` and `hint` are the English words,
 * used when there is no sentence for the code (a parser's own words stay in
 * `args.detail`). Always shown as text, never as HTML.
 */
import { STRINGS, type Args, type Lang } from './i18n.js';

export interface Failure {
  message: string;
  hint?: string;
  code?: string;
  args?: Args;
  hintCode?: string;
  hintArgs?: Args;
}

/** A failure from the engine's opening of a log (engine/replay/open.ts): its hint is always the same. */
export function openFailure(f: { message: string; hint?: string; code?: string; args?: Args }): Failure {
  // a scenario or a decisions file is told what to do in its own sentence (the command that makes a run log of it):
  // "(open a file written by `drill run --out run.json`)" after it said the same twice, in other words
  if (f.code === 'isScenario' || f.code === 'isDecisions') return { ...f, hint: undefined, hintCode: undefined };
  // a log cut short is a run log: copied again, not another file picked
  return { ...f, hintCode: f.code === 'cutShort' || f.code === 'followedBy' ? f.code : f.code ? 'open' : undefined };
}

export function say(f: Failure, lang: Lang): { text: string; hint: string | undefined } {
  const S = STRINGS[lang];
  const text = f.code && S.failures[f.code] ? S.failures[f.code](f.args ?? {}) : f.message;
  const hint = f.hintCode && S.hints[f.hintCode] ? S.hints[f.hintCode](f.hintArgs ?? {}) : f.hint;
  return { text, hint };
}
