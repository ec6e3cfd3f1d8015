import type { HandlerTable } from './types';

export const importHandlers: HandlerTable<'import/preview' | 'import/commit' | 'import/discard'> = {
  'import/preview': ({ imports }, { fileName, data, programId }) =>
    imports.preview(fileName.split(/[\\/]/).pop()!, new Uint8Array(Buffer.from(data, 'base64')), programId),
  'import/commit': ({ imports }, { previewId }) => imports.commit(previewId),
  'import/discard': ({ imports }, { previewId }) => {
    imports.discard(previewId);
    return { discarded: true };
  },
};
