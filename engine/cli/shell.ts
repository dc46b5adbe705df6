/**
 * A file name as it must be typed in a command the program prints for people to copy ("Continue with: drill
 * play --resume F"): as it is when a shell reads it as one word, else in single quotes. Planners' folders have
 * spaces ("Diễn tập 2025/ky son.yaml"); Vietnamese letters need no quotes.
 */
export function shellArg(s: string): string {
  if (/^[\p{L}\p{N}@%+=:,./_-]+$/u.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
