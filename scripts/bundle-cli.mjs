// Bundles the `opd-desk` command into one file. Loading Ink's dependency graph file by file
// (over 500 modules) took most of a second; one bundled file starts in a fraction of that.
// React's production build is compiled in; node's `require` is provided for the CommonJS
// dependencies (commander, react) inside the ES module bundle.
import { build } from 'esbuild';

/**
 * Ink loads its React DevTools bridge only when DEV=true; it needs react-devtools-core, which
 * opd-desk does not ship. The bundle carries a stub that says so instead.
 */
function withoutInkDevtools() {
  return {
    name: 'without-ink-devtools',
    setup(bundle) {
      bundle.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) => (args.importer.includes('/ink/') ? { path: 'ink-devtools', namespace: 'stub' } : undefined));
      bundle.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
        contents: "throw new Error('React DevTools are not part of the opd-desk bundle');",
      }));
    },
  };
}

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/opd-desk.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [withoutInkDevtools()],
  // Loads its compiled SQLite from its own folder: resolved from node_modules at run time.
  external: ['better-sqlite3'],
  banner: { js: "import { createRequire as __opdCreateRequire } from 'node:module';\nconst require = __opdCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});

// The server (`opd-desk serve`), loaded only when it runs: our code bundled, its packages
// (Fastify and its plugins, which serve files from their own folders) loaded from node_modules.
await build({
  entryPoints: ['src/server/start.ts'],
  outfile: 'dist/opd-desk-server.js',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
});
