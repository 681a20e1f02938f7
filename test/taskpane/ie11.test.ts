/**
 * The IE11 message script is ES5 (Internet Explorer 11 parses nothing newer), and the page
 * loads it from a file of its own (the CSP forbids inline scripts).
 */
import { parse } from 'acorn';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE = fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'ie11.js'), 'utf8');

it('parses as ES5', () => {
  expect(() => parse(SOURCE, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
});

it('an ES5 parser would refuse ES2015 (the check can fail)', () => {
  expect(() => parse('const x = () => 1;', { ecmaVersion: 5, sourceType: 'script' })).toThrow();
});

it('taskpane.html loads it from a file after #root, with no inline script', () => {
  const html = fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8');
  expect(html).toMatch(/<div id="root">[\s\S]*<script src="ie11\.js"><\/script>/);
  expect(html).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/);
});
