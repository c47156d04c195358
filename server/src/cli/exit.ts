// How a command ends, for every command of the CLI (check, send-test, verify): the exit codes
// CI scripts rely on, and the error that means "the command line itself is wrong" (exit 2).
export const EXIT_OK = 0;
/** check: an error finding (or warnings beyond --max-warnings) */
export const EXIT_FINDINGS = 1;
/** send-test / verify: the test send or the connection check failed */
export const EXIT_FAILED = 1;
/** the command line, a file name or a project config is wrong: nothing was checked or sent */
export const EXIT_USAGE = 2;

/** A mistake in the command line; main() prints its message with the usage hint and exits with EXIT_USAGE. */
export class UsageError extends Error {}
