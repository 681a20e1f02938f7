/**
 * Task pane build. `npx webpack --mode production` → dist/web/: taskpane.html, the entry bundle,
 * and lazy chunks for ExcelJS (outside Excel only) and docx (report export), loaded with import().
 * Each build cleans only its own folder: the compiled CLI (dist/node, tsconfig.cli.json) stays.
 *
 * env.selfHosted  `npm run build:selfhosted` → dist/selfhosted/: office.js and the Excel host
 *                 files from @microsoft/office-js served from the page's own origin (office-js/),
 *                 for networks without the internet (政务外网); the CSP names no outside host
 * env.e2e         also builds test/e2e/office-stub.ts → office-stub.js (the fake Excel for browser tests)
 * env.outDir      output directory (tests build into a temp dir)
 */
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** office.js in the self-hosted build: relative to taskpane.html, on the page's own origin */
const SELF_HOSTED_OFFICE_JS = 'office-js/office.js';
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');

/**
 * What the self-hosted build copies from @microsoft/office-js: office.js, its host-to-file
 * table, the Excel host scripts (not the .debug ones) and every locale's office_strings.js
 * (office.js picks one by the display language). Word, Outlook, PowerPoint … stay out.
 */
const OFFICE_JS_FILES = [
  'office.js',
  'o15apptofilemappingtable.js',
  'es6-promise.js',
  'excel*.js',
  '*/office_strings.js',
  'telemetry/**',
  'ariatelemetry/**',
];

/**
 * The page's Content-Security-Policy: our own origin and office.js from Microsoft, nothing else;
 * self-hosted: our own origin only.
 */
function contentSecurityPolicy(dev, selfHosted = false) {
  return [
    "default-src 'self'",
    selfHosted ? "script-src 'self'" : "script-src 'self' https://appsforoffice.microsoft.com",
    // Fluent UI (Griffel) inserts <style> elements at run time
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'production';
  const dev = mode === 'development';
  const selfHosted = !!env.selfHosted;
  const outDir = path.resolve(__dirname, env.outDir || (selfHosted ? 'dist/selfhosted' : 'dist/web'));

  const entry = { taskpane: './src/taskpane/index.tsx' };
  if (env.e2e) entry['office-stub'] = './test/e2e/office-stub.ts';

  return {
    mode,
    context: __dirname,
    entry,
    target: 'web',
    devtool: dev ? 'source-map' : false, // no eval: the CSP forbids it
    output: {
      path: outDir,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js', '.mjs', '.json'],
      // exceljs: "browser" points at its self-contained dist bundle
      mainFields: ['browser', 'module', 'main'],
      aliasFields: ['browser'],
      fallback: {
        buffer: require.resolve('buffer/'),
        fs: false,
        path: false,
        os: false,
        crypto: false,
        stream: false,
        zlib: false,
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // ES modules so webpack keeps import() as split points and tree-shakes Fluent UI
              compilerOptions: { module: 'esnext', sourceMap: dev, target: 'ES2020' },
            },
          },
        },
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', enforce: true, priority: 20 },
          docx: { test: /[\\/]node_modules[\\/]docx[\\/]/, name: 'docx', chunks: 'async', enforce: true, priority: 20 },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
      new webpack.DefinePlugin({ 'process.env.NODE_ENV': JSON.stringify(mode) }),
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
        csp: contentSecurityPolicy(dev, selfHosted),
        officeJs: selfHosted ? SELF_HOSTED_OFFICE_JS : OFFICE_JS,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'manifest*.xml', to: '[name][ext]', noErrorOnMissing: true },
          { from: 'assets', to: 'assets', noErrorOnMissing: true },
          // the message for Internet Explorer 11 (Office 2016/2019): ES5, a file of its own (the CSP forbids inline scripts)
          { from: 'src/taskpane/ie11.js', to: 'ie11.js' },
          ...(selfHosted
            ? OFFICE_JS_FILES.map((pattern) => ({ from: pattern, context: OFFICE_JS_DIST, to: 'office-js/', globOptions: { ignore: ['**/*.debug.js'] } }))
            : []),
        ],
      }),
    ],
    devServer: {
      static: false,
      port: 3000,
      host: 'localhost',
      hot: false,
      liveReload: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      client: { overlay: false },
    },
  };
};

module.exports.OFFICE_JS = OFFICE_JS;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.SELF_HOSTED_OFFICE_JS = SELF_HOSTED_OFFICE_JS;
