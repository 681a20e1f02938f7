/**
 * Task pane build. `npx webpack --mode production` → dist/: taskpane.html, the entry bundle, and
 * lazy chunks for ExcelJS (outside Excel only) and docx (report export), loaded with import().
 *
 * env.e2e     also builds test/e2e/office-stub.ts → office-stub.js (the fake Excel for browser tests)
 * env.outDir  output directory (tests build into a temp dir)
 */
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The page's Content-Security-Policy: our own origin and office.js from Microsoft, nothing else. */
function contentSecurityPolicy(dev) {
  return [
    "default-src 'self'",
    "script-src 'self' https://appsforoffice.microsoft.com",
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
  const outDir = path.resolve(__dirname, env.outDir || 'dist');

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
        csp: contentSecurityPolicy(dev),
        officeJs: OFFICE_JS,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'manifest*.xml', to: '[name][ext]', noErrorOnMissing: true },
          { from: 'assets', to: 'assets', noErrorOnMissing: true },
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
