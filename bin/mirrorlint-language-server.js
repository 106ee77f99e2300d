#!/usr/bin/env node
'use strict';
// The language server for editors other than VS Code: `mirrorlint-language-server --stdio`.
if (!process.argv.some((arg) => arg === '--stdio' || arg.startsWith('--node-ipc') || arg.startsWith('--socket') || arg.startsWith('--pipe'))) process.argv.push('--stdio');
require('../dist/server.js');
