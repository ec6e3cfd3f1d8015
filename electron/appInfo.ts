// The application's name and version as written into files it exports.

import packageJson from '../package.json' with { type: 'json' };

export const APP_NAME = `Munplan ${packageJson.version}`;
