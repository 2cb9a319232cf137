/**
 * A problem of an imported file, where it is: `line` 1-based (the header is line 1), `column` the
 * 1-based field number in the row (for an encoding problem: the character position in the line);
 * 0/0 for the file as a whole, column 0 for a whole line.
 */
export interface ImportProblem {
  readonly line: number;
  readonly column: number;
  readonly field: string;
  readonly message: string;
}

/** The most problems one file reports; the last place says that more were left out. */
export const MAX_PROBLEMS = 1000;

/**
 * Collects problems up to a cap: once `cap` problems are held it is `full` (the reader stops), and
 * `list()` gives the first `cap - 1` and, in the last place, a note that reading stopped there.
 */
export class ProblemList {
  private readonly items: ImportProblem[] = [];

  constructor(private readonly cap: number = MAX_PROBLEMS) {}

  /** True once the cap is reached: further problems are dropped, the reader should stop. */
  get full(): boolean {
    return this.items.length >= this.cap;
  }

  /** How many problems are held. */
  get size(): number {
    return this.items.length;
  }

  /** Adds one problem (dropped when full). */
  add(line: number, column: number, field: string, message: string): void {
    if (!this.full) this.items.push({ line, column, field, message });
  }

  /** The problems in the order found; capped as the class says. */
  list(): ImportProblem[] {
    if (!this.full) return [...this.items];
    const kept = this.items.slice(0, this.cap - 1);
    const at = this.items[this.cap - 1]!;
    kept.push({ line: 0, column: 0, field: '', message: `reading stopped at line ${at.line} after ${this.cap - 1} problems: fix these and check the file again` });
    return kept;
  }
}
