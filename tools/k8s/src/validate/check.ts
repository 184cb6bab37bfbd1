/** One named validation: the CLI runs them in a row, the spec turns each into a node:test test. */
export interface Check {
  readonly name: string;
  run(): Promise<void>;
}

/** A check's failure: `details` is the tool output a reader needs to fix it. */
export class CheckFailure extends Error {
  constructor(
    summary: string,
    readonly details: string,
  ) {
    super(details === '' ? summary : `${summary}\n${details}`);
    this.name = 'CheckFailure';
  }
}
