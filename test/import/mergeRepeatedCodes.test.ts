// Importing a form into the program it came from recognises every part, even where short codes
// repeat in each section: the strategy projects restart at «1.» under every sector.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strategyDocx } from '../fixtures/templates/smolenskTemplates';
import { createTestWorkspace, type TestWorkspace } from '../support/testWorkspace';

let t: TestWorkspace;
beforeAll(() => {
  t = createTestWorkspace();
});
afterAll(() => t.dispose());

describe('import into an existing program', () => {
  it('matches projects by their section, not by their repeated code alone', async () => {
    const data = Buffer.from(await strategyDocx()).toString('base64');
    const first = await t.api('import/preview', { fileName: 'strategy.docx', data, programId: null });
    const { programId } = await t.api('import/commit', { previewId: first.previewId });
    const before = await t.api('programs/get', { programId });

    const again = await t.api('import/preview', { fileName: 'strategy.docx', data, programId });
    expect(again.matched.nodes).toBe(before.nodes.length);
    expect(again.created.nodes).toBe(0);
    expect(again.changes).toEqual([]);
    await t.api('import/commit', { previewId: again.previewId });
    const after = await t.api('programs/get', { programId });
    expect(after.nodes.map((n) => [n.code, n.title, n.parentId])).toEqual(before.nodes.map((n) => [n.code, n.title, n.parentId]));
    expect(after.indicators).toHaveLength(before.indicators.length);
  });
});
