#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'dist', 'node', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('nianbao：命令行工具尚未编译。请在项目目录运行 npm install（或 npm run build:cli）后重试。\n');
  process.exit(2);
}
// exitCode, not exit(): the process ends once everything written to a pipe has drained
// (exit() would cut off output still pending, e.g. a large --json piped to another program)
require(entry).main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`nianbao：内部错误：${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
