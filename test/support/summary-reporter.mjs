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
  // why tests did not run (the real corpus missing, dist/ not built, …), said loudly at the end
  const skipReasons = new Map();
  const noteSkip = (data) => {
    skipped++;
    const reason = typeof data.skip === 'string' ? data.skip : data.todo ? 'todo' : 'skipped';
    skipReasons.set(reason, (skipReasons.get(reason) ?? 0) + 1);
  };
  const filesWithFailedTests = new Set();
  const failedOutsideTests = new Set();
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    const isFileWrapper = data.nesting === 0 && data.file !== undefined && data.name === data.file;
    if (isFileWrapper || data.details?.type === 'suite') {
      if (event.type === 'test:fail') failedOutsideTests.add(data.file ?? data.name);
      else if (data.skip) noteSkip(data); // a skipped suite: none of its tests ran
      continue;
    }
    if (event.type === 'test:fail') {
      failed++;
      filesWithFailedTests.add(data.file);
    } else if (data.skip || data.todo) noteSkip(data);
    else passed++;
  }
  for (const file of failedOutsideTests) if (!filesWithFailedTests.has(file)) failed++;
  for (const [reason, count] of skipReasons) yield `\n!! ${count} test${count === 1 ? '' : 's'} did not run: ${reason}`;
  yield `\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
}
