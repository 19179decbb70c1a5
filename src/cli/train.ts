/** The headless trainer's entry point (`npm run train`); see main.ts. */
import { main } from './main';

process.exitCode = main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
