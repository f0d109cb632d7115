/** An error caused by the user's input: the CLI prints its message alone, without a stack. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
