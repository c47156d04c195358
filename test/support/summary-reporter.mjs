// A node:test reporter that prints one closing line, "N passed, N failed, N skipped",
// which CI reads whatever the suites are.
export default async function* summaryReporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    // Only count tests, not the suites (describe blocks) around them, nor file wrappers.
    if (event.data.details?.type === 'suite') continue;
    if (event.data.nesting === 0 && event.data.name?.includes('/')) continue;
    if (event.type === 'test:fail') failed++;
    else if (event.data.skip || event.data.todo) skipped++;
    else passed++;
  }
  yield `\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
}
