import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses a script's command line with a `--help` flag added. Returns the
 * parsed values, or the exit code when there is nothing more to do: 0 after
 * printing the usage for `--help`, 2 after a usage error (unknown option,
 * missing value, wrong number of positional arguments).
 */
export function parseCommandLine<const O extends Options>(
  usage: string,
  options: O,
  positionals: { min: number; max: number; name: string },
) {
  const read = () =>
    parseArgs({ allowPositionals: true, options: { ...options, help: { type: "boolean", short: "h", default: false } } });
  let parsed: ReturnType<typeof read>;
  try {
    parsed = read();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return 0;
  }
  const count = parsed.positionals.length;
  if (count < positionals.min || count > positionals.max) {
    const expected = positionals.min === positionals.max ? `${positionals.min}` : `at most ${positionals.max}`;
    console.error(`Expected ${expected} ${positionals.name}, got ${count}.\n\n${usage}`);
    return 2;
  }
  return parsed;
}

/** A `--name N` option's value: a whole number of at least 1, or the fallback when it was not given. */
export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} expects a whole number of at least 1, got "${value}"`);
  return number;
}
