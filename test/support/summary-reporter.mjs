// A node:test reporter that prints one closing line, "N passed, N failed, N skipped",
// which CI reads whatever the suites are.
//
// Counted: every test, whatever its name (names like "model/config.json: …" are tests
// too). Not counted: the suites (describe blocks) around tests, and the wrapper the runner
// reports for each test file — but a suite or file that fails on its own (a hook throws,
// the file crashes before or after its tests) counts as one failure, so a failing run can
// never print "0 failed".
export default async function* summaryReporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const filesWithFailedTests = new Set();
  const failedOutsideTests = new Set();
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    const isFileWrapper = data.nesting === 0 && data.file !== undefined && data.name === data.file;
    if (isFileWrapper || data.details?.type === 'suite') {
      if (event.type === 'test:fail') failedOutsideTests.add(data.file ?? data.name);
      continue;
    }
    if (event.type === 'test:fail') {
      failed++;
      filesWithFailedTests.add(data.file);
    } else if (data.skip || data.todo) skipped++;
    else passed++;
  }
  for (const file of failedOutsideTests) if (!filesWithFailedTests.has(file)) failed++;
  yield `\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
}
