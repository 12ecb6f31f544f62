/** `npm run check:locales`: fails (exit 1) on missing or extra keys and prints completeness per language. */
import { checkLocales, formatLocaleReport } from './check-locales';

try {
  const report = checkLocales(process.argv[2] ?? 'locales');
  process.stdout.write(formatLocaleReport(report));
  process.exitCode = report.problems.length ? 1 : 0;
} catch (e) {
  process.stderr.write(`check:locales could not run: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
