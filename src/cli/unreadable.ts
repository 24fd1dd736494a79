/** A file the CLI could not open at all (as opposed to problems inside a file it could read). */
export class UnreadableInput extends Error {}
