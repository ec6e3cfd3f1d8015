// The demonstration program shipped in resources/demo is what test/fixtures/writeDemo.ts makes
// from the Ryazan fixture today: regenerate it (npm run demo:write) when this fails.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDemoDocument, DEMO_FILE, demoDocumentText } from '../fixtures/writeDemo';
import { createTestWorkspace } from '../support/testWorkspace';

describe('the demonstration program', () => {
  it('is the current Ryazan fixture, byte for byte', async () => {
    expect(readFileSync(DEMO_FILE, 'utf8')).toBe(demoDocumentText(await buildDemoDocument()));
  });

  it('loads into an empty workspace with the seed\'s total of 59 629,71333 тыс. руб.', async () => {
    const workspace = createTestWorkspace();
    try {
      const program = await workspace.api('transfer/import-json', { document: JSON.parse(readFileSync(DEMO_FILE, 'utf8')) });
      expect((await workspace.api('totals/get', { programId: program.id })).program.total).toBe(5_962_971_333);
    } finally {
      workspace.dispose();
    }
  });
});
