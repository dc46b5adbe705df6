export interface ConsoleStep {
  /** The command as bash gets it (continuation lines and heredoc body included). */
  command: string;
  /** The lines the page shows after it. */
  expected: string;
  /** The exit status the page says it ends with (0 unless `# exit N`). */
  status: number;
}
export interface ConsoleBlock {
  /** offsets of the block (its fences included) in the page */
  start: number;
  end: number;
  indent: string;
  steps: ConsoleStep[];
}
export const MACHINE_DEPENDENT: Array<[RegExp, string]>;
export function maskMachineDependent(text: string): string;
export function consoleBlocks(markdown: string): ConsoleBlock[];
export function consoleSteps(markdown: string): ConsoleStep[];
export function matchesShown(expected: string, actual: string): boolean;
export function isCut(expected: string): boolean;
