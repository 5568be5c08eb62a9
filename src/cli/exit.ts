/** The CLI's exit statuses (specification §9), shared by every command. */

/** Every document settled (and `--help`, `--version`). */
export const EXIT_SETTLED = 0;
/** At least one document was refused: its errors are on stdout. */
export const EXIT_REFUSED = 1;
/** Wrong usage, or the input could not be read: the message is on stderr. */
export const EXIT_USAGE = 2;
