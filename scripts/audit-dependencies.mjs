// `npm run audit:deps`: the runtime dependencies' known vulnerabilities of high or critical
// severity fail CI, except those accepted in audit-accepted.json (each with a reason and a date to
// look again). Where the registry offers no advisory database (an offline mirror answers 405), it
// says so and passes: there is nothing to check against, and CI must not fail on the mirror.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const accepted = JSON.parse(readFileSync(new URL('../audit-accepted.json', import.meta.url), 'utf8'));
let report;
try {
  report = JSON.parse(
    execFileSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
} catch (error) {
  report = JSON.parse(error.stdout || '{}');
}
if (report.message && !report.vulnerabilities) {
  console.log(`skipped: the registry offers no advisory database here (${report.message.split(' - ')[0]})`);
  process.exit(0);
}
const today = new Date().toISOString().slice(0, 10);
const open = Object.values(report.vulnerabilities ?? {})
  .filter((v) => v.severity === 'high' || v.severity === 'critical')
  .filter((v) => !accepted.some((a) => a.package === v.name && a.until >= today));
for (const v of open)
  console.error(`${v.severity}: ${v.name} ${v.range} (${v.via.map((via) => via.url ?? via).join(', ')})`);
console.log(`${open.length} high or critical finding(s) in runtime dependencies not accepted in audit-accepted.json`);
process.exit(open.length === 0 ? 0 : 1);
