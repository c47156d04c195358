// What a command may touch of the outside world; tests pass their own.
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** the working directory: paths are resolved against it and reported relative to it */
  cwd: string;
  env: NodeJS.ProcessEnv;
}
